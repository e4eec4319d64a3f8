#pragma once

#include "DashboardRow.h"

#include <QObject>
#include <QSet>
#include <QVector>

namespace onsite {

// Says once when an assignment's deliverables turn late (DESIGN §1.6): each reload's rows are
// compared with what was already announced for the account, kept in the settings so a restart
// does not announce it again. A due date moved later and missed again is a new announcement.
class LateNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void setAccount(const QString &accountKey);
    void check(const QVector<DashboardRow> &rows);

Q_SIGNALS:
    void notify(const QString &title, const QString &message, qint64 assignmentId);

private:
    QString m_settingsKey;
    QSet<QString> m_announced; // "id:since-ms"
};

} // namespace onsite

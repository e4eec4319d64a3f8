#pragma once

#include "DashboardRow.h"

#include <QObject>
#include <QSet>
#include <QVector>

namespace onsite {

class Clock;

// Says once what became late or is about to be due (DESIGN §1.8): each late label appearing
// (Not Confirmed, Worker Late, Deliverables Late), a schedule to confirm or files still missing
// within the next two hours, a check-in window opening. Each reload's rows are compared with what
// was already announced for the account, kept in the settings so a restart does not announce it
// again; a deadline moved and missed again is news again. Several at once are said together. Time
// comes from the clock.
class LateNotifier : public QObject
{
    Q_OBJECT
public:
    // A schedule to confirm and files still missing are reminded of this long before.
    static constexpr qint64 kDueSoonMs = 2 * 3600 * 1000;

    explicit LateNotifier(const Clock *clock, QObject *parent = nullptr);
    void setAccount(const QString &accountKey);
    void check(const QVector<DashboardRow> &rows);

Q_SIGNALS:
    // kind: "late" (a label appeared) or "reminders" (due soon, window open), for the settings.
    void notify(const QString &title, const QString &message, qint64 assignmentId,
                const QString &kind);

private:
    const Clock *m_clock;
    QString m_settingsKey;
    QSet<QString> m_announced; // "code:id:deadline-ms"
};

} // namespace onsite

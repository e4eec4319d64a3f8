#pragma once

#include "OutboxEntry.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class ActivityDialog;
}

namespace onsite {

// Every change not yet acknowledged by the server: waiting (with failed attempts and why), or
// refused with the server's reason ("Needs attention") until the worker dismisses it.
class ActivityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ActivityDialog(QWidget *parent = nullptr);
    ~ActivityDialog() override;
    void setEntries(const QList<OutboxEntry> &entries, const QHash<qint64, QString> &titles);
    int rowCount() const;
    QString rowText(int row) const;
    void selectRow(int row);

Q_SIGNALS:
    void dismissRequested(const QString &opId);

private:
    static QString describe(const Operation &op);
    QScopedPointer<Ui::ActivityDialog> m_ui;
    QList<OutboxEntry> m_entries;
};

} // namespace onsite

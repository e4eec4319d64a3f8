#pragma once

#include "Assignment.h"

#include <QAbstractTableModel>
#include <QSet>

namespace onsite {

// The visits of one assignment, in site time. Editing a cell does not change the model: it
// asks (editRequested) for a time_log.upsert, and the model shows the result once the change
// is recorded, so what is on screen is always what is stored.
class TimeLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CheckIn, CheckOut, Duration, Source, Note, ColumnCount };
    enum Role { LogIdRole = Qt::UserRole + 1, UtcRole, TimeZoneRole, NotSentRole };

    explicit TimeLogModel(QObject *parent = nullptr);
    void setAssignment(const Assignment &a);
    const TimeLog *logAt(int row) const;
    // Visits with a change the server has not acknowledged: marked "Not sent yet".
    void setUnsent(const QSet<QString> &logIds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
    void editRequested(const QString &logId, const QDateTime &checkIn, const QDateTime &checkOut,
                       const QString &note);

private:
    QList<TimeLog> m_logs; // not deleted, in check-in order
    QString m_timeZone;
    bool m_editable = false;
    QSet<QString> m_unsent;
};

} // namespace onsite

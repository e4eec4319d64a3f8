#pragma once

#include "Assignment.h"

#include <QAbstractTableModel>
#include <QSet>

namespace onsite {

// An assignment's extra funds requests, newest first: kind, amount, reason, status, and the
// client's decision with its note.
class FundsRequestModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Amount, Status, Decision, Reason, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setAssignment(const Assignment &a);
    const FundsRequest *requestAt(int row) const;
    // Requests made or withdrawn here that the server has not acknowledged: "Not sent yet".
    void setUnsent(const QSet<QString> &requestIds);
    static constexpr int NotSentRole = Qt::UserRole + 1;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<FundsRequest> m_requests;
    QString m_currency;
    QString m_timeZone;
    QSet<QString> m_unsent;
};

} // namespace onsite

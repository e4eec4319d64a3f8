#pragma once

#include "Earnings.h"

#include <QAbstractTableModel>

namespace onsite {

// Earnings by month (core/Earnings): pending approval, approved, paid.
class EarningsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Period, Pending, Approved, Paid, Assignments, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setPeriods(const QList<EarningsPeriod> &periods);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<EarningsPeriod> m_periods;
};

} // namespace onsite

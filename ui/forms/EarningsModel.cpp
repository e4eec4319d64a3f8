#include "EarningsModel.h"

#include "Money.h"

#include <QDate>
#include <QLocale>

namespace onsite {

void EarningsModel::setPeriods(const QList<EarningsPeriod> &periods)
{
    beginResetModel();
    m_periods = periods;
    endResetModel();
}

int EarningsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_periods.size());
}

int EarningsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EarningsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_periods.size())
        return {};
    const EarningsPeriod &p = m_periods.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Period)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Period: {
        const QDate month = QDate::fromString(p.period + QStringLiteral("-01"), Qt::ISODate);
        return QLocale().toString(month, QStringLiteral("MMMM yyyy"));
    }
    case Pending:
        return Money::format(p.pendingCents, p.currency);
    case Approved:
        return Money::format(p.approvedCents, p.currency);
    case Paid:
        return Money::format(p.paidCents, p.currency);
    case Assignments:
        return p.assignments;
    }
    return {};
}

QVariant EarningsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Period:
        return tr("Month");
    case Pending:
        return tr("Pending approval");
    case Approved:
        return tr("Approved");
    case Paid:
        return tr("Paid");
    case Assignments:
        return tr("Assignments");
    }
    return {};
}

} // namespace onsite

#include "FundsRequestModel.h"

#include "Money.h"
#include "NotSentMarker.h"
#include "Rules.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QColor>

namespace onsite {

void FundsRequestModel::setAssignment(const Assignment &a)
{
    beginResetModel();
    m_requests = a.fundsRequests;
    std::stable_sort(
        m_requests.begin(), m_requests.end(),
        [](const FundsRequest &x, const FundsRequest &y) { return x.requestedAt > y.requestedAt; });
    m_currency = a.pricing.currency;
    m_timeZone = a.site.timeZone;
    endResetModel();
}

const FundsRequest *FundsRequestModel::requestAt(int row) const
{
    return row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
}

int FundsRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int FundsRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void FundsRequestModel::setUnsent(const QSet<QString> &requestIds)
{
    if (requestIds == m_unsent)
        return;
    m_unsent = requestIds;
    if (!m_requests.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant FundsRequestModel::data(const QModelIndex &index, int role) const
{
    const FundsRequest *f = requestAt(index.row());
    if (!f || !index.isValid())
        return {};
    const bool unsent = m_unsent.contains(f->id);
    if (role == NotSentRole)
        return unsent;
    if (unsent && role == Qt::DecorationRole && index.column() == Kind)
        return NotSentMarker::icon();
    if (unsent && role == Qt::ToolTipRole && (index.column() == Kind || index.column() == Decision))
        return NotSentMarker::tooltip();
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (f->status) {
        case FundsStatus::Approved:
            return Theme::color(Theme::Tone::Success);
        case FundsStatus::Declined:
            return Theme::color(Theme::Tone::Error);
        case FundsStatus::Pending:
            return Theme::color(Theme::Tone::Warning);
        case FundsStatus::Withdrawn:
            return Theme::color(Theme::Tone::Muted);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return f->reason;
    if (role == Qt::ToolTipRole && index.column() == Decision && f->decidedAt.isValid())
        return tr("Decided %1").arg(SiteTime::format(f->decidedAt, m_timeZone));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind:
        return Rules::fundsKindText(f->kind);
    case Amount:
        return f->extraHours > 0 ? tr("%1 (%n h)", nullptr, f->extraHours)
                                       .arg(Money::format(f->amountCents, m_currency))
                                 : Money::format(f->amountCents, m_currency);
    case Reason:
        return f->receipt.isEmpty() ? f->reason : tr("%1 (receipt attached)").arg(f->reason);
    case Status:
        return Rules::fundsStatusText(f->status);
    case Decision:
        // The note is what the worker needs; the date is in the tooltip.
        if (unsent)
            return NotSentMarker::text(); // the client cannot have seen it yet
        if (!f->decidedAt.isValid())
            return f->status == FundsStatus::Pending ? tr("Awaiting the client") : QString();
        return f->decisionNote.isEmpty() ? SiteTime::format(f->decidedAt, m_timeZone)
                                         : f->decisionNote;
    }
    return {};
}

QVariant FundsRequestModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Request");
    case Amount:
        return tr("Amount");
    case Reason:
        return tr("Reason");
    case Status:
        return tr("Status");
    case Decision:
        return tr("Decision");
    }
    return {};
}

} // namespace onsite

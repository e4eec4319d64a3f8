#include "TimeLogModel.h"

#include "NotSentMarker.h"
#include "Rules.h"
#include "SiteTime.h"

#include <algorithm>
#include <utility>

namespace onsite {

TimeLogModel::TimeLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimeLogModel::setAssignment(const Assignment &a)
{
    beginResetModel();
    m_logs.clear();
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted)
            m_logs.append(l);
    std::sort(m_logs.begin(), m_logs.end(),
              [](const TimeLog &x, const TimeLog &y) { return x.checkIn < y.checkIn; });
    m_timeZone = a.site.timeZone;
    m_editable = Rules::isActive(a);
    endResetModel();
}

void TimeLogModel::setUnsent(const QSet<QString> &logIds)
{
    if (logIds == m_unsent)
        return;
    const QSet<QString> was = std::exchange(m_unsent, logIds);
    // Only the rows whose marker changed: a sync answering for one visit does not repaint
    // (and hand back to an open editor) every other row.
    for (int row = 0; row < m_logs.size(); ++row) {
        const QString &id = m_logs.at(row).id;
        if (was.contains(id) != m_unsent.contains(id))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

const TimeLog *TimeLogModel::logAt(int row) const
{
    return row >= 0 && row < m_logs.size() ? &m_logs.at(row) : nullptr;
}

int TimeLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_logs.size());
}

int TimeLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimeLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckIn:
        return tr("Checked in (site time)");
    case CheckOut:
        return tr("Checked out");
    case Duration:
        return tr("Time on site");
    case Source:
        return tr("Source");
    case Note:
        return tr("Note");
    }
    return {};
}

Qt::ItemFlags TimeLogModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_editable &&
        (index.column() == CheckIn || index.column() == CheckOut || index.column() == Note))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TimeLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TimeLog &l = m_logs.at(index.row());
    if (role == LogIdRole)
        return l.id;
    if (role == TimeZoneRole)
        return m_timeZone;
    const bool unsent = m_unsent.contains(l.id);
    if (role == NotSentRole)
        return unsent;
    if (unsent && role == Qt::DecorationRole && index.column() == CheckIn)
        return NotSentMarker::icon();
    if (unsent && role == Qt::ToolTipRole && index.column() == Source)
        return NotSentMarker::tooltip();
    const QDateTime &t = index.column() == CheckIn ? l.checkIn : l.checkOut;
    if (role == UtcRole && (index.column() == CheckIn || index.column() == CheckOut))
        return t;
    if (role == Qt::ToolTipRole && (index.column() == CheckIn || index.column() == CheckOut))
        return SiteTime::formatWithLocal(t, m_timeZone);
    if (role == Qt::EditRole && index.column() == Note)
        return l.note;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CheckIn:
        return SiteTime::format(l.checkIn, m_timeZone);
    case CheckOut:
        return l.checkOut.isValid() ? SiteTime::format(l.checkOut, m_timeZone) : tr("on site now");
    case Duration: {
        if (!l.checkOut.isValid())
            return QString();
        const qint64 mins = l.checkIn.secsTo(l.checkOut) / 60;
        return tr("%1 h %2 min").arg(mins / 60).arg(mins % 60, 2, 10, QLatin1Char('0'));
    }
    case Source:
        return (l.source == TimeLogSource::Phone ? tr("Phone") : tr("Desktop")) +
               (l.edited ? tr(" (edited)") : QString()) +
               (unsent ? tr(" · %1").arg(NotSentMarker::text()) : QString());
    case Note:
        return l.note;
    }
    return {};
}

bool TimeLogModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const TimeLog &l = m_logs.at(index.row());
    QDateTime in = l.checkIn;
    QDateTime out = l.checkOut;
    QString note = l.note;
    if (index.column() == CheckIn)
        in = value.toDateTime().toUTC();
    else if (index.column() == CheckOut)
        out = value.toDateTime().toUTC();
    else
        note = value.toString();
    if (in == l.checkIn && out == l.checkOut && note == l.note)
        return false;
    Q_EMIT editRequested(l.id, in, out, note);
    return false; // the recorded change comes back through setAssignment()
}

} // namespace onsite

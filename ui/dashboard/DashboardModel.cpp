#include "DashboardModel.h"

#include "Rules.h"

namespace onsite {

DashboardModel::DashboardModel(QObject *parent) : QAbstractTableModel(parent) {}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // The cells carry the site's zone ("19:55 EST"); the header says it in full on hover,
    // and stays one short word so a small window keeps its room for the texts.
    if (role == Qt::ToolTipRole && section == Scheduled)
        return tr("When the work starts, in the site's time zone");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Assignment");
    case Company:
        return tr("Company");
    case City:
        return tr("Site");
    case Scheduled:
        return tr("Scheduled");
    case Status:
        return tr("Status");
    case Labels:
        return tr("Labels");
    case Progress:
        return tr("Checklist");
    case NextDue:
        return tr("Next due");
    }
    return {};
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DashboardRow &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case StatusRole:
        return int(r.status);
    case DoneRole:
        return r.done;
    case RequiredRole:
        return r.required;
    case LabelsRole: {
        QStringList texts;
        for (const Label &l : r.labels)
            texts << l.text;
        return texts;
    }
    case LabelCodesRole: {
        QStringList codes;
        for (const Label &l : r.labels)
            codes << l.code;
        return codes;
    }
    case Qt::ToolTipRole:
        if (index.column() == Scheduled)
            return tr("Site time zone: %1").arg(r.timeZone);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Title:
        return sort ? QVariant(r.title) : QVariant(QStringLiteral("#%1 %2").arg(r.id).arg(r.title));
    case Company:
        return r.company;
    case City:
        return r.city;
    case Scheduled:
        return sort ? QVariant(r.startMs) : QVariant(r.scheduled);
    case Status:
        return sort ? QVariant(int(r.status)) : QVariant(Rules::statusText(r.status));
    case Labels:
        return sort ? QVariant(int(r.labels.size()))
                    : data(index, LabelsRole).toStringList().join(QStringLiteral(", "));
    case Progress:
        return sort ? QVariant(r.required ? double(r.done) / r.required : 1.0)
                    : QVariant(tr("%1 of %2").arg(r.done).arg(r.required));
    case NextDue:
        return sort ? QVariant(r.nextDueMs ? r.nextDueMs : std::numeric_limits<qint64>::max())
                    : QVariant(r.nextDue);
    }
    return {};
}

void DashboardModel::setRows(QVector<DashboardRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int DashboardModel::rowForId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

} // namespace onsite

#include "DeliverablesModel.h"

#include "NotSentMarker.h"

#include "AcceptedFiles.h"
#include "Enums.h"
#include "Theme.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QStyle>

namespace onsite {

QString DeliverablesModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("sign_off"))
        return tr("Sign-off sheet");
    if (kind == QLatin1String("photo"))
        return tr("Photo");
    return tr("Other");
}

void DeliverablesModel::setContent(const Assignment &a, const QList<UploadItem> &uploads)
{
    beginResetModel();
    m_rows.clear();
    m_requirements = a.deliverableRequirements;
    QHash<QString, const UploadItem *> byDeliverable;
    for (const UploadItem &u : uploads)
        if (u.state == UploadItem::State::Done)
            byDeliverable.insert(u.deliverableId, &u);
    for (const Deliverable &d : a.deliverables) {
        Row r;
        r.id = d.id;
        r.deliverableId = d.id;
        r.filename = d.filename;
        r.kind = toWire(d.kind);
        r.requirementId = d.requirementId;
        r.size = d.size;
        r.sent = d.size;
        r.uploadedAt = d.uploadedAt;
        if (const UploadItem *u = byDeliverable.value(d.id))
            r.localPath = u->path;
        m_rows.append(r);
    }
    for (const UploadItem &u : uploads) {
        // A finished upload shows as the server's deliverable once the next sync brings it;
        // until then it stands in for it.
        bool inDoc = false;
        for (const Deliverable &d : a.deliverables)
            inDoc = inDoc || d.id == u.deliverableId;
        if (inDoc)
            continue;
        Row r;
        r.id = u.id;
        r.deliverableId = u.deliverableId;
        r.filename = u.filename;
        r.kind = u.kind;
        r.requirementId = u.requirementId;
        r.size = u.size;
        r.sent = u.offset;
        r.localPath = u.path;
        r.error = u.error;
        switch (u.state) {
        case UploadItem::State::Hashing:
            r.state = RowState::Hashing;
            break;
        case UploadItem::State::Queued:
            r.state = u.offset > 0 ? RowState::Uploading : RowState::Queued;
            break;
        case UploadItem::State::Failed:
            r.state = RowState::Failed;
            break;
        case UploadItem::State::Changed:
            r.state = RowState::Changed;
            break;
        case UploadItem::State::Done:
            r.state = RowState::Uploaded;
            r.uploadedAt = u.createdAt;
            break;
        }
        m_rows.append(r);
    }
    for (Row &r : m_rows)
        if (r.localPath.isEmpty())
            r.localPath = m_cached.value(r.deliverableId);
    endResetModel();
}

void DeliverablesModel::setCachedFile(const QString &deliverableId, const QString &path)
{
    m_cached.insert(deliverableId, path);
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).deliverableId == deliverableId && m_rows.at(i).localPath.isEmpty()) {
            m_rows[i].localPath = path;
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
}

void DeliverablesModel::setProgress(const QString &id, qint64 sent, qint64 total, bool hashing)
{
    const int i = rowOf(id);
    if (i < 0)
        return;
    Row &r = m_rows[i];
    if (r.state == RowState::Uploaded || r.state == RowState::Failed)
        return;
    r.sent = hashing ? 0 : sent;
    r.size = total;
    if (!hashing && r.state != RowState::Changed)
        r.state = RowState::Uploading;
    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

void DeliverablesModel::setThumbnail(const QString &path, const QIcon &icon)
{
    m_thumbnails.insert(path, icon);
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).localPath == path)
            Q_EMIT dataChanged(index(i, File), index(i, File), {Qt::DecorationRole});
}

const DeliverablesModel::Row *DeliverablesModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DeliverablesModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

QStringList DeliverablesModel::imagePaths() const
{
    QStringList out;
    for (const Row &r : m_rows)
        if (!r.localPath.isEmpty() && AcceptedFiles::isImage(r.localPath) &&
            !m_thumbnails.contains(r.localPath))
            out << r.localPath;
    return out;
}

int DeliverablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliverablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliverablesModel::stateText(const Row &r) const
{
    const QLocale l;
    switch (r.state) {
    case RowState::Uploaded:
        return tr("Uploaded");
    case RowState::Hashing:
        return tr("%1: preparing…").arg(NotSentMarker::text());
    case RowState::Queued:
        return tr("%1: waiting to upload").arg(NotSentMarker::text());
    case RowState::Uploading:
        return tr("%1% of %2")
            .arg(r.size > 0 ? r.sent * 100 / r.size : 0)
            .arg(l.formattedDataSize(r.size, 1));
    case RowState::Failed:
        return tr("Failed: %1").arg(r.error);
    case RowState::Changed:
        return tr("File changed — choose what to send");
    }
    return {};
}

QVariant DeliverablesModel::data(const QModelIndex &index, int role) const
{
    const Row *r = rowAt(index.row());
    if (!r)
        return {};
    switch (role) {
    case IdRole:
        return r->id;
    case StateRole:
        return int(r->state);
    case SentRole:
        return r->sent;
    case TotalRole:
        return r->size;
    case LocalPathRole:
        return r->localPath;
    case DeliverableIdRole:
        return r->deliverableId;
    case ErrorRole:
        return r->error;
    case NotSentRole:
        return r->state != RowState::Uploaded;
    default:
        break;
    }
    if (role == Qt::ToolTipRole && index.column() == File && r->state != RowState::Uploaded)
        return tr("%1\n%2").arg(r->filename, NotSentMarker::tooltip());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case File:
            return r->filename;
        case For: {
            // The requirement's description says it best; the kind shows when there is none.
            for (const DeliverableRequirement &req : m_requirements)
                if (req.id == r->requirementId)
                    return role == Qt::DisplayRole
                               ? req.description
                               : tr("%1: %2").arg(kindText(r->kind), req.description);
            return kindText(r->kind);
        }
        case Progress:
            return stateText(*r);
        case Size:
            return QLocale().formattedDataSize(r->size);
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == File) {
        if (m_thumbnails.contains(r->localPath))
            return m_thumbnails.value(r->localPath);
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    }
    if (role == Qt::ForegroundRole && index.column() == Progress) {
        if (r->state == RowState::Failed || r->state == RowState::Changed)
            return Theme::color(Theme::Tone::Error);
        if (r->state == RowState::Uploaded)
            return Theme::color(Theme::Tone::Success);
    }
    return {};
}

QVariant DeliverablesModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case File:
        return tr("File");
    case For:
        return tr("For");
    case Progress:
        return tr("State");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace onsite

#include "DocumentsModel.h"

#include "SiteTime.h"

#include <QFileInfo>
#include <QLocale>

namespace onsite {

void DocumentsModel::setDocuments(const QList<ClientDocument> &documents, const QString &timeZone)
{
    beginResetModel();
    m_documents = documents;
    m_timeZone = timeZone;
    QHash<QString, DocumentCache::Status> kept;
    for (const ClientDocument &d : documents)
        if (m_status.contains(d.id))
            kept.insert(d.id, m_status.value(d.id));
    m_status = kept;
    endResetModel();
}

void DocumentsModel::setStatus(const QString &documentId, const DocumentCache::Status &status)
{
    const int row = rowOf(documentId);
    if (row < 0)
        return;
    m_status.insert(documentId, status);
    Q_EMIT dataChanged(index(row, Offline), index(row, Offline));
}

const ClientDocument *DocumentsModel::documentAt(int row) const
{
    return row >= 0 && row < m_documents.size() ? &m_documents.at(row) : nullptr;
}

int DocumentsModel::rowOf(const QString &documentId) const
{
    for (int i = 0; i < m_documents.size(); ++i)
        if (m_documents.at(i).id == documentId)
            return i;
    return -1;
}

QString DocumentsModel::typeText(const QString &filename)
{
    const QString ext = QFileInfo(filename).suffix().toLower();
    if (ext == QLatin1String("pdf"))
        return tr("PDF document");
    if (ext == QLatin1String("png") || ext == QLatin1String("jpg") ||
        ext == QLatin1String("jpeg") || ext == QLatin1String("gif") || ext == QLatin1String("bmp"))
        return tr("%1 image").arg(ext.toUpper());
    if (ext.startsWith(QLatin1String("doc")))
        return tr("Word document");
    if (ext.startsWith(QLatin1String("xls")) || ext == QLatin1String("csv"))
        return tr("Spreadsheet");
    if (ext == QLatin1String("txt"))
        return tr("Text");
    if (ext == QLatin1String("zip"))
        return tr("ZIP archive");
    if (ext == QLatin1String("mp3") || ext == QLatin1String("m4a") || ext == QLatin1String("f4a"))
        return tr("Audio");
    if (ext == QLatin1String("mp4") || ext == QLatin1String("mov") || ext == QLatin1String("m4v") ||
        ext == QLatin1String("f4v") || ext == QLatin1String("flv"))
        return tr("Video");
    return ext.isEmpty() ? tr("File") : tr("%1 file").arg(ext.toUpper());
}

QString DocumentsModel::offlineText(const DocumentCache::Status &status)
{
    switch (status.state) {
    case DocumentCache::State::Ready:
        return tr("On this computer");
    case DocumentCache::State::Waiting:
        return tr("Waiting to download");
    case DocumentCache::State::Downloading:
        return tr("Downloading… %1")
            .arg(QLocale().formattedDataSize(status.have, 1, QLocale::DataSizeTraditionalFormat));
    case DocumentCache::State::NotKept:
        return tr("Not kept offline (see Settings)");
    case DocumentCache::State::Failed:
        return tr("Not downloaded yet: tried again after the next sync");
    case DocumentCache::State::Missing:
        break;
    }
    return tr("Not on this computer: opening it needs the network");
}

int DocumentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_documents.size());
}

int DocumentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentsModel::data(const QModelIndex &index, int role) const
{
    const ClientDocument *d = documentAt(index.row());
    if (!d || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case Name:
        return d->filename;
    case Type:
        return typeText(d->filename);
    case Size:
        return QLocale().formattedDataSize(d->size, 1, QLocale::DataSizeTraditionalFormat);
    case Added:
        return role == Qt::ToolTipRole ? SiteTime::formatWithLocal(d->addedAt, m_timeZone)
                                       : SiteTime::format(d->addedAt, m_timeZone);
    case Offline: {
        const DocumentCache::Status s = m_status.value(d->id);
        // The reason in full on hovering (why not kept, what failed).
        return role == Qt::ToolTipRole && !s.message.isEmpty() ? s.message : offlineText(s);
    }
    default:
        return {};
    }
}

QVariant DocumentsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Document");
    case Type:
        return tr("Type");
    case Size:
        return tr("Size");
    case Added:
        return tr("Added");
    case Offline:
        return tr("Offline");
    default:
        return {};
    }
}

} // namespace onsite

#pragma once

#include "Assignment.h"
#include "DocumentCache.h"

#include <QAbstractTableModel>
#include <QHash>

namespace onsite {

// The documents the client company attached to an assignment, oldest first: name, type,
// size, when added (site time), and whether a copy is on this computer (DocumentCache).
class DocumentsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Type, Size, Added, Offline, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDocuments(const QList<ClientDocument> &documents, const QString &timeZone);
    // Where each document's copy stands; a document without one is "not downloaded".
    void setStatus(const QString &documentId, const DocumentCache::Status &status);
    const ClientDocument *documentAt(int row) const;
    int rowOf(const QString &documentId) const;

    // "PDF document", "PNG image", …: what the worker's programs will open it as.
    static QString typeText(const QString &filename);
    static QString offlineText(const DocumentCache::Status &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<ClientDocument> m_documents;
    QString m_timeZone;
    QHash<QString, DocumentCache::Status> m_status;
};

} // namespace onsite

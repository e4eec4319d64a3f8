#pragma once

#include "Assignment.h"
#include "UploadItem.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace onsite {

// The files of one assignment: those the server has (its deliverables) and those on their
// way (the upload queue), one row each; a file the worker sent from this computer keeps its
// local path, so it can be opened and shown as a thumbnail.
class DeliverablesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { File, For, Progress, Size, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the upload id, or the deliverable id for server-only rows
        StateRole,                 // RowState
        SentRole,
        TotalRole,
        LocalPathRole,
        DeliverableIdRole,
        ErrorRole,
        NotSentRole // true until the server has the file
    };
    enum class RowState { Uploaded, Hashing, Queued, Uploading, Failed, Changed };
    Q_ENUM(RowState)

    struct Row {
        QString id;
        QString deliverableId;
        QString filename;
        QString kind;
        QString requirementId;
        qint64 size = 0;
        qint64 sent = 0;
        RowState state = RowState::Uploaded;
        QString error;
        QString localPath;
        QDateTime uploadedAt;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setContent(const Assignment &a, const QList<UploadItem> &uploads);
    void setProgress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void setThumbnail(const QString &path, const QIcon &icon);
    // A server file fetched to this computer: opened and shown as a thumbnail from there.
    void setCachedFile(const QString &deliverableId, const QString &path);
    const Row *rowAt(int row) const;
    int rowOf(const QString &id) const;
    QStringList imagePaths() const; // local image files, for thumbnails

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString kindText(const QString &kind);

private:
    QString stateText(const Row &r) const;

    QList<Row> m_rows;
    QList<DeliverableRequirement> m_requirements;
    QHash<QString, QIcon> m_thumbnails; // by local path
    QHash<QString, QString> m_cached;   // deliverable id -> fetched copy
};

} // namespace onsite

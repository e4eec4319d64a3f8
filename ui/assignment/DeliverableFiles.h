#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

namespace onsite {

class AppSession;
struct Assignment;
class AssignmentActions;
struct FileChoice;

// The files of the shown assignment's deliverables: adds and removes them, drives the upload
// queue on the upload engine's thread, and keeps fetched copies (and image thumbnails) in the
// data folder so a file opens without the network the second time.
class DeliverableFiles : public QObject
{
    Q_OBJECT
public:
    DeliverableFiles(AppSession *session, AssignmentActions *actions, QObject *parent = nullptr);

    void addFiles(qint64 id, const QList<FileChoice> &files);
    void removeDeliverable(qint64 id, const QString &deliverableId, const QString &uploadId);
    void cancelUpload(const QString &uploadId);
    void retryUpload(const QString &uploadId);
    void useNewVersion(const QString &uploadId);
    // Opens the fetched copy, fetching it first when there is none.
    void openDeliverable(const QString &deliverableId, const QString &filename);
    // The shown assignment's uploads as the queue has them.
    void refreshUploads();
    // Fetched copies of the shown assignment's files; image thumbnails fetched when missing.
    void useCachedFiles(const Assignment &a);

private:
    void connectEngine();
    void onDownloaded(const QString &id, const QString &path, bool ok, const QString &message);
    QString cachePath(const QString &deliverableId, const QString &filename) const;

    AppSession *m_session;
    AssignmentActions *m_actions;
    QSet<QString> m_fetching;           // deliverable ids being downloaded
    QSet<QString> m_openAfter;          // ... to open once there
    QHash<QString, qint64> m_addingFor; // file path -> assignment, until checked
};

} // namespace onsite

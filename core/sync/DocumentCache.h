#pragma once

#include "Assignment.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace onsite {

class DocumentDownloadJob;

// The client's documents kept on this computer (issue 14 §2), so a worker on site without
// signal can still open the work order. After each sync it is told the documents of the
// upcoming and in-progress assignments (keep()); it downloads those missing one at a time in
// the background, each resumable from the byte it reached (across restarts: the partial file
// is on disk), checks each whole file against the document's SHA-256 before it counts, keeps
// the soonest assignments' documents within a size limit, and deletes the copies no longer
// wanted. Layout: <dir>/<document id>/<file name>, and <dir>/<document id>/.partial while it
// downloads; a copy is only ever renamed into place once checked, so a file that exists is
// whole.
class DocumentCache : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Missing,     // not here, not wanted (an assignment past its work)
        Waiting,     // wanted, waiting for its turn
        Downloading, // have bytes of size so far
        Ready,       // here and checked: opens without the network
        NotKept,     // wanted, but over the size limit
        Failed       // the last try failed (message); tried again after the next sync
    };
    struct Status {
        State state = State::Missing;
        qint64 have = 0;
        QString message;
    };
    struct Wanted {
        QDateTime start; // the assignment's; the soonest are kept first
        ClientDocument document;
    };
    static constexpr qint64 kDefaultLimitBytes = qint64(500) << 20;

    DocumentCache(QNetworkAccessManager *nam, QString dir, QObject *parent = nullptr);
    ~DocumentCache() override;

    void setServer(const QUrl &apiBase, const QString &token);
    // 0: keep nothing offline (documents are still fetched when opened). Copies over the new
    // limit go at the next keep() that may delete.
    void setLimitBytes(qint64 bytes);
    qint64 limitBytes() const { return m_limit; }
    QString dir() const { return m_dir; }

    // The documents to have offline now; replaces the last list. Copies no longer wanted are
    // deleted only when `mayDelete` (after a successful sync): a worker offline, or one who
    // has just lowered the limit, never loses a copy before the server has been heard from.
    void keep(QList<Wanted> wanted, bool mayDelete = true);
    // Fetches one document now (the worker asked to open it), kept or not.
    void fetch(const ClientDocument &d);
    Status status(const ClientDocument &d) const;
    // Where the checked copy is (or will be).
    QString filePath(const ClientDocument &d) const;
    // Bytes of checked copies on disk.
    qint64 usedBytes() const;
    // Stops the running download (its partial file stays, to resume).
    void stop();

Q_SIGNALS:
    void changed(const QString &documentId);

private:
    QString folder(const QString &documentId) const;
    QString partialPath(const QString &documentId) const;
    bool isReady(const ClientDocument &d) const;
    void enqueue(const ClientDocument &d);
    void removeUnwanted(bool deleteCopies);
    void next();
    void onDownloaded();
    void onChecked();
    void setStatus(const QString &id, State state, qint64 have = 0, const QString &message = {});

    QNetworkAccessManager *m_nam;
    QString m_dir;
    QUrl m_apiBase;
    QString m_token;
    qint64 m_limit = kDefaultLimitBytes;
    QList<Wanted> m_wanted;
    QSet<QString> m_kept;            // ids within the limit
    QSet<QString> m_asked;           // ids fetched because the worker opened them
    QList<ClientDocument> m_queue;   // to download, in order
    QHash<QString, Status> m_status; // ids not Missing/Ready (those are read from disk)
    QPointer<DocumentDownloadJob> m_job;
    ClientDocument m_current; // downloading or being checked
    QFutureWatcher<QByteArray> m_check;
};

} // namespace onsite

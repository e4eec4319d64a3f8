#pragma once

#include <QDateTime>
#include <QString>

namespace onsite {

// One file the worker added to an assignment, as the upload queue keeps it in SQLite so it
// survives a restart: where the file is, what it was when added (size, modification time,
// SHA-256), where the server keeps the upload and how many bytes it has acknowledged.
struct UploadItem {
    enum class State {
        Hashing, // reading the file to compute its SHA-256
        Queued,  // waiting for a free slot, or sending
        Failed,  // refused by the server or given up; `error` says why; retry puts it back
        Changed, // the file changed on disk since it was added; the worker decides
        Done     // the server recorded it as a deliverable (`deliverableId`)
    };

    QString id; // client UUID, sent as the deliverable id
    qint64 assignmentId = 0;
    QString requirementId; // empty: a file not counted against a requirement
    QString kind;          // sign_off, photo, other; kMessageKind: requirementId is a message
    QString path;          // the local file
    QString filename;      // as shown and sent (sanitised)
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QString sha256;    // hex, empty while hashing
    QString url;       // the tus upload URL, empty until created
    qint64 offset = 0; // bytes the server acknowledged
    State state = State::Hashing;
    QString error;
    QString deliverableId;
    QDateTime createdAt;

    // A file attached to a message (issue 14 §1) rather than a deliverable.
    static constexpr char kMessageKind[] = "message";

    static QString stateName(State s);
    static State stateFromName(const QString &s);
};

} // namespace onsite

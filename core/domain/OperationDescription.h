#pragma once

#include "Assignment.h"
#include "Operation.h"
#include "OutboxEntry.h"
#include "UploadItem.h"

#include <QCoreApplication>
#include <QSet>
#include <functional>
#include <optional>

namespace onsite {

// A change the worker made, named as they would name it: "Checked in 14:02", "Checked out
// 17:38", "Changed check-in to 14:40", "Deleted the visit of Tue 1 Dec", "Requested USD 50.00
// expense", "Submitted for approval". Times are in the assignment's site time. Which of
// check-in, check-out or edit a time_log.upsert is follows from the visit as it stood before
// the change.
class OperationDescription
{
    Q_DECLARE_TR_FUNCTIONS(OperationDescription)
public:
    // `before`: the assignment just before `op` (null when it is not known).
    static QString describe(const Operation &op, const Assignment *before);
    // Each entry named against its assignment as it stood before it: the server's document
    // (`serverDoc`) with the earlier still-pending operations replayed over it, as the store
    // does.
    static QStringList
    describeAll(const QList<OutboxEntry> &entries,
                const std::function<std::optional<Assignment>(qint64)> &serverDoc,
                const QDateTime &now);
    // "Uploading IMG_2041.jpg (35 %)", "Checking IMG_2041.jpg", "Waiting to upload …".
    static QString describeUpload(const UploadItem &item, qint64 sent = -1);

    // What the worker changed that the server has not yet acknowledged, by id.
    struct Unsent {
        QSet<QString> timeLogs;      // visits created, edited or deleted
        QSet<QString> fundsRequests; // requests made or withdrawn
        QSet<QString> deliverables;  // files removed (uploads are tracked by the upload queue)
        QSet<QString> problems;      // problems reported
        int etaReports = 0;          // the latest ETA reports, by count (they have no id)
        QSet<QString> messages;      // messages posted
    };
    static Unsent unsent(const QList<OutboxEntry> &entries, qint64 assignmentId);

private:
    static QString describeVisit(const Operation &op, const Assignment *before);
};

} // namespace onsite

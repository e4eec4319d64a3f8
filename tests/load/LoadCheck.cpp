// The load run's end: every acknowledged operation and finished upload, and each worker's
// view, checked against the database itself.

#include "Load.h"

#include "LoadUtil.h"
#include "Worker.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace loadrun {

LoadVerdict Load::verify()
{
    // ---- the database's own view ----
    LoadVerdict verdict;
    QJsonValue opsJson, docsJson, filesJson;
    QJsonValue &uploadsJson = verdict.uploadsJson;
    verdict.dbOk =
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_array(op_id, status)), "
                                "'[]') FROM ops"),
                 &opsJson) &&
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_object('id', a.id, 'rev', "
                                "a.rev, 'email', w.email, 'doc', a.doc::json)), '[]') FROM "
                                "assignments a JOIN workers w ON w.id = a.worker_id"),
                 &docsJson) &&
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_array(deliverable_id, "
                                "assignment_id, sha256, size)), '[]') FROM deliverable_files"),
                 &filesJson) &&
        psqlJson(QStringLiteral("SELECT json_build_array(count(*), count(*) FILTER (WHERE "
                                "completed_at IS NULL)) FROM uploads"),
                 &uploadsJson);
    const bool dbOk = verdict.dbOk;
    qint64 &lost = verdict.lost, &duplicated = verdict.duplicated, &phantom = verdict.phantom,
           &stale = verdict.stale, &badFiles = verdict.badFiles;
    QStringList &findings = verdict.findings;
    auto finding = [&findings](const QString &s) {
        if (findings.size() < 30)
            findings << s;
    };
    if (!dbOk) {
        exitCode = 1;
        out() << "FAIL: could not read the database\n";
    }

    // ops: every acknowledged op_id exactly once, applied.
    QHash<QString, int> opRows;
    QHash<QString, QString> opStatus;
    for (const QJsonValue &v : opsJson.toArray()) {
        const QString id = v[0].toString();
        ++opRows[id];
        opStatus.insert(id, v[1].toString());
    }
    QSet<QString> ackedIds;
    for (const AckedOp &a : acks) {
        if (ackedIds.contains(a.opId)) {
            ++duplicated;
            finding(QStringLiteral("op %1 acknowledged twice by the client").arg(a.opId));
        }
        ackedIds.insert(a.opId);
        const int rows = opRows.value(a.opId);
        if (rows == 0) {
            ++lost;
            finding(QStringLiteral("op %1 acknowledged (%2) but not in ops").arg(a.opId, a.status));
        } else if (rows > 1) {
            ++duplicated;
            finding(QStringLiteral("op %1 is in ops %2 times").arg(a.opId).arg(rows));
        } else if (opStatus.value(a.opId) != QLatin1String("applied")) {
            ++lost;
            finding(QStringLiteral("op %1 is in ops as %2").arg(a.opId, opStatus.value(a.opId)));
        }
    }

    // documents: each acknowledged visit exactly once, with the times the client sent.
    struct Expect {
        QString checkIn;
        QString checkOut;
        bool checkedOut = false;
    };
    QHash<QPair<qint64, QString>, Expect> visits;
    for (const AckedOp &a : acks) {
        Expect &e = visits[{a.assignmentId, a.logId}];
        e.checkIn = a.checkIn;
        if (a.checkOut) {
            e.checkedOut = true;
            e.checkOut = a.checkOutAt;
        }
    }
    QHash<qint64, QJsonObject> docs;
    QHash<qint64, qint64> revs;
    QHash<qint64, QString> owners;
    for (const QJsonValue &v : docsJson.toArray()) {
        const qint64 id = v[QStringLiteral("id")].toInteger();
        docs.insert(id, v[QStringLiteral("doc")].toObject());
        revs.insert(id, v[QStringLiteral("rev")].toInteger());
        owners.insert(id, v[QStringLiteral("email")].toString());
    }
    qint64 &logsInDocs = verdict.logsInDocs, &deliverablesInDocs = verdict.deliverablesInDocs;
    QHash<QString, int> deliverableCount;
    QHash<QString, QJsonObject> deliverableById;
    for (auto it = docs.begin(); it != docs.end(); ++it) {
        QHash<QString, int> seen;
        for (const QJsonValue &l : it->value(QStringLiteral("time_logs")).toArray()) {
            const QString logId = l[QStringLiteral("id")].toString();
            ++logsInDocs;
            if (++seen[logId] > 1) {
                ++duplicated;
                finding(QStringLiteral("visit %1 twice in assignment %2").arg(logId).arg(it.key()));
            }
            const auto e = visits.constFind({it.key(), logId});
            if (e == visits.cend()) {
                ++phantom;
                finding(QStringLiteral("visit %1 in assignment %2 was never acknowledged")
                            .arg(logId)
                            .arg(it.key()));
                continue;
            }
            const QDateTime in = parseIso(l[QStringLiteral("check_in")].toString());
            const QString outText = l[QStringLiteral("check_out")].toString();
            if (in != parseIso(e->checkIn) ||
                (e->checkedOut && parseIso(outText) != parseIso(e->checkOut)) ||
                (!e->checkedOut && !outText.isEmpty())) {
                ++lost;
                finding(QStringLiteral("visit %1: %2–%3 in the document, %4–%5 acknowledged")
                            .arg(logId, l[QStringLiteral("check_in")].toString(), outText,
                                 e->checkIn, e->checkOut));
            }
        }
        for (auto v = visits.cbegin(); v != visits.cend(); ++v)
            if (v.key().first == it.key() && !seen.contains(v.key().second)) {
                ++lost;
                finding(QStringLiteral("visit %1 acknowledged but missing from assignment %2")
                            .arg(v.key().second)
                            .arg(it.key()));
            }
        for (const QJsonValue &d : it->value(QStringLiteral("deliverables")).toArray()) {
            ++deliverablesInDocs;
            ++deliverableCount[d[QStringLiteral("id")].toString()];
            deliverableById.insert(d[QStringLiteral("id")].toString(), d.toObject());
        }
    }
    for (auto v = visits.cbegin(); v != visits.cend(); ++v)
        if (!docs.contains(v.key().first)) {
            ++lost;
            finding(QStringLiteral("assignment %1 of visit %2 is gone")
                        .arg(v.key().first)
                        .arg(v.key().second));
        }

    // uploads: each finished one is one deliverable and one stored file.
    QHash<QString, int> fileRows;
    for (const QJsonValue &v : filesJson.toArray())
        ++fileRows[v[0].toString()];
    for (const FinishedUpload &u : uploads) {
        const int inDoc = deliverableCount.value(u.deliverableId);
        const QJsonObject d = deliverableById.value(u.deliverableId);
        if (inDoc != 1 || fileRows.value(u.deliverableId) != 1 ||
            d.value(QStringLiteral("sha256")).toString() != u.sha256 ||
            d.value(QStringLiteral("size")).toInteger() != u.size) {
            ++badFiles;
            finding(QStringLiteral("upload %1: %2 in the document, %3 stored file rows")
                        .arg(u.deliverableId)
                        .arg(inDoc)
                        .arg(fileRows.value(u.deliverableId)));
        }
    }
    if (deliverablesInDocs != qint64(uploads.size())) {
        badFiles += std::abs(deliverablesInDocs - qint64(uploads.size()));
        finding(QStringLiteral("%1 deliverables in the documents for %2 finished uploads")
                    .arg(deliverablesInDocs)
                    .arg(uploads.size()));
    }

    // each worker's view after its last sync equals the database.
    for (Worker *w : workers) {
        if (!w->signedIn())
            continue;
        const auto &local = w->assignments();
        for (auto it = local.begin(); it != local.end(); ++it)
            if (revs.value(it.key(), -1) != it->feedRev) {
                ++stale;
                finding(
                    QStringLiteral("worker %1 sees assignment %2 at rev %3, the database has %4")
                        .arg(w->index())
                        .arg(it.key())
                        .arg(it->feedRev)
                        .arg(revs.value(it.key(), -1)));
            }
    }
    QHash<QString, int> perEmail;
    for (auto it = owners.begin(); it != owners.end(); ++it)
        ++perEmail[*it];
    for (Worker *w : workers)
        if (w->signedIn() &&
            perEmail.value(emailFor(opt.emailPattern, w->index())) != w->assignments().size()) {
            ++stale;
            finding(QStringLiteral("worker %1 sees %2 assignments, the database has more or fewer")
                        .arg(w->index())
                        .arg(w->assignments().size()));
        }
    return verdict;
}

} // namespace loadrun

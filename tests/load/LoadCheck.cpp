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

namespace {

// What the client acknowledged of one visit (time log).
struct Expect {
    QString checkIn;
    QString checkOut;
    bool checkedOut = false;
};
using Visits = QHash<QPair<qint64, QString>, Expect>; // (assignment, log id)

// The assignments table: each document, its rev and its worker's email, by assignment id.
struct Documents {
    QHash<qint64, QJsonObject> docs;
    QHash<qint64, qint64> revs;
    QHash<qint64, QString> owners;
};

// The deliverables in the documents, by id: how many times, and the last one seen.
struct Deliverables {
    QHash<QString, int> count;
    QHash<QString, QJsonObject> byId;
};

// ops: every acknowledged op_id exactly once, applied.
void checkOps(const std::vector<AckedOp> &acks, const QJsonValue &opsJson, LoadVerdict &verdict)
{
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
            ++verdict.duplicated;
            verdict.note(QStringLiteral("op %1 acknowledged twice by the client").arg(a.opId));
        }
        ackedIds.insert(a.opId);
        const int rows = opRows.value(a.opId);
        if (rows == 0) {
            ++verdict.lost;
            verdict.note(
                QStringLiteral("op %1 acknowledged (%2) but not in ops").arg(a.opId, a.status));
        } else if (rows > 1) {
            ++verdict.duplicated;
            verdict.note(QStringLiteral("op %1 is in ops %2 times").arg(a.opId).arg(rows));
        } else if (opStatus.value(a.opId) != QLatin1String("applied")) {
            ++verdict.lost;
            verdict.note(
                QStringLiteral("op %1 is in ops as %2").arg(a.opId, opStatus.value(a.opId)));
        }
    }
}

Visits acknowledgedVisits(const std::vector<AckedOp> &acks)
{
    Visits visits;
    for (const AckedOp &a : acks) {
        Expect &e = visits[{a.assignmentId, a.logId}];
        e.checkIn = a.checkIn;
        if (a.checkOut) {
            e.checkedOut = true;
            e.checkOut = a.checkOutAt;
        }
    }
    return visits;
}

Documents documents(const QJsonValue &docsJson)
{
    Documents d;
    for (const QJsonValue &v : docsJson.toArray()) {
        const qint64 id = v[QStringLiteral("id")].toInteger();
        d.docs.insert(id, v[QStringLiteral("doc")].toObject());
        d.revs.insert(id, v[QStringLiteral("rev")].toInteger());
        d.owners.insert(id, v[QStringLiteral("email")].toString());
    }
    return d;
}

// One assignment's time logs: each acknowledged, once, with the times the client sent. Returns
// how many times each log id is in the document.
QHash<QString, int> checkTimeLogs(qint64 assignmentId, const QJsonObject &doc, const Visits &visits,
                                  LoadVerdict &verdict)
{
    QHash<QString, int> seen;
    for (const QJsonValue &l : doc.value(QStringLiteral("time_logs")).toArray()) {
        const QString logId = l[QStringLiteral("id")].toString();
        ++verdict.logsInDocs;
        if (++seen[logId] > 1) {
            ++verdict.duplicated;
            verdict.note(
                QStringLiteral("visit %1 twice in assignment %2").arg(logId).arg(assignmentId));
        }
        const auto e = visits.constFind({assignmentId, logId});
        if (e == visits.cend()) {
            ++verdict.phantom;
            verdict.note(QStringLiteral("visit %1 in assignment %2 was never acknowledged")
                             .arg(logId)
                             .arg(assignmentId));
            continue;
        }
        const QDateTime in = parseIso(l[QStringLiteral("check_in")].toString());
        const QString outText = l[QStringLiteral("check_out")].toString();
        if (in != parseIso(e->checkIn) ||
            (e->checkedOut && parseIso(outText) != parseIso(e->checkOut)) ||
            (!e->checkedOut && !outText.isEmpty())) {
            ++verdict.lost;
            verdict.note(QStringLiteral("visit %1: %2–%3 in the document, %4–%5 acknowledged")
                             .arg(logId, l[QStringLiteral("check_in")].toString(), outText,
                                  e->checkIn, e->checkOut));
        }
    }
    return seen;
}

// documents: each acknowledged visit exactly once, with the times the client sent.
Deliverables checkDocuments(const Documents &d, const Visits &visits, LoadVerdict &verdict)
{
    Deliverables deliverables;
    for (auto it = d.docs.cbegin(); it != d.docs.cend(); ++it) {
        const QHash<QString, int> seen = checkTimeLogs(it.key(), *it, visits, verdict);
        for (auto v = visits.cbegin(); v != visits.cend(); ++v)
            if (v.key().first == it.key() && !seen.contains(v.key().second)) {
                ++verdict.lost;
                verdict.note(QStringLiteral("visit %1 acknowledged but missing from assignment %2")
                                 .arg(v.key().second)
                                 .arg(it.key()));
            }
        for (const QJsonValue &dv : it->value(QStringLiteral("deliverables")).toArray()) {
            ++verdict.deliverablesInDocs;
            ++deliverables.count[dv[QStringLiteral("id")].toString()];
            deliverables.byId.insert(dv[QStringLiteral("id")].toString(), dv.toObject());
        }
    }
    for (auto v = visits.cbegin(); v != visits.cend(); ++v)
        if (!d.docs.contains(v.key().first)) {
            ++verdict.lost;
            verdict.note(QStringLiteral("assignment %1 of visit %2 is gone")
                             .arg(v.key().first)
                             .arg(v.key().second));
        }
    return deliverables;
}

// uploads: each finished one is one deliverable and one stored file.
void checkUploads(const std::vector<FinishedUpload> &uploads, const QJsonValue &filesJson,
                  const Deliverables &deliverables, LoadVerdict &verdict)
{
    QHash<QString, int> fileRows;
    for (const QJsonValue &v : filesJson.toArray())
        ++fileRows[v[0].toString()];
    for (const FinishedUpload &u : uploads) {
        const int inDoc = deliverables.count.value(u.deliverableId);
        const QJsonObject d = deliverables.byId.value(u.deliverableId);
        if (inDoc != 1 || fileRows.value(u.deliverableId) != 1 ||
            d.value(QStringLiteral("sha256")).toString() != u.sha256 ||
            d.value(QStringLiteral("size")).toInteger() != u.size) {
            ++verdict.badFiles;
            verdict.note(QStringLiteral("upload %1: %2 in the document, %3 stored file rows")
                             .arg(u.deliverableId)
                             .arg(inDoc)
                             .arg(fileRows.value(u.deliverableId)));
        }
    }
    if (verdict.deliverablesInDocs != qint64(uploads.size())) {
        verdict.badFiles += std::abs(verdict.deliverablesInDocs - qint64(uploads.size()));
        verdict.note(QStringLiteral("%1 deliverables in the documents for %2 finished uploads")
                         .arg(verdict.deliverablesInDocs)
                         .arg(uploads.size()));
    }
}

// each worker's view after its last sync equals the database.
void checkViews(const std::vector<Worker *> &workers, const Documents &d,
                const QString &emailPattern, LoadVerdict &verdict)
{
    for (Worker *w : workers) {
        if (!w->signedIn())
            continue;
        const auto &local = w->assignments();
        for (auto it = local.begin(); it != local.end(); ++it)
            if (d.revs.value(it.key(), -1) != it->feedRev) {
                ++verdict.stale;
                verdict.note(
                    QStringLiteral("worker %1 sees assignment %2 at rev %3, the database has %4")
                        .arg(w->index())
                        .arg(it.key())
                        .arg(it->feedRev)
                        .arg(d.revs.value(it.key(), -1)));
            }
    }
    QHash<QString, int> perEmail;
    for (auto it = d.owners.cbegin(); it != d.owners.cend(); ++it)
        ++perEmail[*it];
    for (Worker *w : workers)
        if (w->signedIn() &&
            perEmail.value(emailFor(emailPattern, w->index())) != w->assignments().size()) {
            ++verdict.stale;
            verdict.note(
                QStringLiteral("worker %1 sees %2 assignments, the database has more or fewer")
                    .arg(w->index())
                    .arg(w->assignments().size()));
        }
}

} // namespace

LoadVerdict Load::verify()
{
    // ---- the database's own view ----
    LoadVerdict verdict;
    QJsonValue opsJson, docsJson, filesJson;
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
                 &verdict.uploadsJson);
    if (!verdict.dbOk) {
        exitCode = 1;
        out() << "FAIL: could not read the database\n";
    }

    // ---- the checks, in the order their findings are reported ----
    checkOps(acks, opsJson, verdict);
    const Documents docs = documents(docsJson);
    const Deliverables deliverables = checkDocuments(docs, acknowledgedVisits(acks), verdict);
    checkUploads(uploads, filesJson, deliverables, verdict);
    checkViews(workers, docs, opt.emailPattern, verdict);
    return verdict;
}

} // namespace loadrun

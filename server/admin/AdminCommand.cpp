#include "AdminCommand.h"

#include "Accounts.h"
#include "AssignmentCodec.h"
#include "AssignmentStore.h"
#include "CompanyActions.h"
#include "Database.h"
#include "UploadStore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace onsite::server {
namespace {

int usage(QTextStream &out)
{
    out << "onsite-server admin [--db URL] [--files DIR] COMMAND\n"
           "  create-company NAME [SETTINGS_JSON]   prints the company id\n"
           "  create-worker EMAIL NAME              password from $ONSITE_PASSWORD or stdin\n"
           "  create-company-token COMPANY_ID       prints a new company API token\n"
           "  import-assignments COMPANY_ID FILE [--with-history]\n"
           "                                        FILE: JSON array of assignments, each with\n"
           "                                        worker_id (as POST /company/assignments);\n"
           "                                        --with-history: complete documents (status,\n"
           "                                        logs, requests, deliverables) from another\n"
           "                                        system, all or nothing in one transaction\n"
           "  show-assignment COMPANY_ID ID         prints the assignment document\n"
           "  pending COMPANY_ID                    submitted assignments and pending requests\n"
           "  decide-request COMPANY_ID ID REQUEST_ID approve|decline [NOTE]\n"
           "  approve COMPANY_ID ID                 approves a submitted assignment\n"
           "  mark-paid COMPANY_ID ID               marks an approved assignment paid\n"
           "  cancel COMPANY_ID ID [\"REASON\"]       cancels an assignment not yet approved,\n"
           "                                        telling the worker why\n"
           "  message COMPANY_ID ID \"TEXT\"          posts a message in the assignment's thread\n"
           "  attach COMPANY_ID ID FILE             attaches a document (work order, diagram,\n"
           "                                        photo) for the worker to read\n";
    return 2;
}

int fail(const ApiError &e)
{
    QTextStream(stderr) << "error: " << e.message << "\n";
    return 1;
}

// Complete documents, validated by the shared codec, stored in one transaction.
int importWithHistory(qint64 companyId, const QJsonArray &items, const QDateTime &now,
                      QTextStream &out)
{
    Transaction tx;
    ApiError err;
    QList<qint64> ids;
    for (int i = 0; i < items.size(); ++i) {
        QJsonObject o = items.at(i).toObject();
        const qint64 workerId = o.take(QStringLiteral("worker_id")).toInteger(0);
        o.insert(QStringLiteral("id"), 1);
        o.insert(QStringLiteral("rev"), 1);
        QString why;
        auto a = AssignmentCodec::fromJson(o, &why);
        if (!a)
            return fail(ApiError::badRequest(QStringLiteral("item %1: %2").arg(i).arg(why)));
        if (!Accounts::worker(workerId).contains(QStringLiteral("id")))
            return fail(
                ApiError::badRequest(QStringLiteral("item %1: worker_id: no such worker").arg(i)));
        a->company.id = companyId;
        AssignmentStore::insertAssignment(companyId, workerId, *a, now, &err, false);
        if (err)
            return fail(err);
        ids << a->id;
    }
    if (!tx.commit())
        return fail(ApiError::internal());
    for (qint64 id : ids)
        out << id << "\n";
    return 0;
}

} // namespace

int AdminCommand::run(const QStringList &args)
{
    QTextStream out(stdout);
    const QString cmd = args.value(0);
    ApiError err;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (cmd == QLatin1String("create-company") && args.size() >= 2) {
        const QJsonObject settings =
            QJsonDocument::fromJson(args.value(2, QStringLiteral("{}")).toUtf8()).object();
        const qint64 id = Accounts::createCompany(args.at(1), settings, &err);
        if (err)
            return fail(err);
        out << id << "\n";
        return 0;
    }
    if (cmd == QLatin1String("create-worker") && args.size() == 3) {
        QString password = qEnvironmentVariable("ONSITE_PASSWORD");
        if (password.isEmpty())
            password = QTextStream(stdin).readLine();
        const qint64 id = Accounts::createWorker(args.at(1), args.at(2), password, &err);
        if (err)
            return fail(err);
        out << id << "\n";
        return 0;
    }
    if (cmd == QLatin1String("create-company-token") && args.size() == 2) {
        const QString token = Accounts::createCompanyToken(args.at(1).toLongLong(), &err);
        if (err)
            return fail(err);
        out << token << "\n";
        return 0;
    }
    const bool history = args.size() == 4 && args.at(3) == QLatin1String("--with-history");
    if (cmd == QLatin1String("import-assignments") && (args.size() == 3 || history)) {
        QFile f(args.at(2));
        if (!f.open(QIODevice::ReadOnly))
            return fail(ApiError::badRequest(f.errorString()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (!doc.isArray())
            return fail(ApiError::badRequest(QStringLiteral("%1: expected a JSON array (%2)")
                                                 .arg(args.at(2), pe.errorString())));
        const QJsonArray items = doc.array();
        const qint64 companyId = args.at(1).toLongLong();
        if (history)
            return importWithHistory(companyId, items, now, out);
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject created =
                AssignmentStore::createAssignment(companyId, items.at(i).toObject(), now, &err);
            if (err) {
                err.message = QStringLiteral("item %1: %2").arg(i).arg(err.message);
                return fail(err);
            }
            out << created.value(QStringLiteral("id")).toInteger() << "\n";
        }
        return 0;
    }
    if (cmd == QLatin1String("show-assignment") && args.size() == 3) {
        const QJsonObject a = AssignmentStore::companyAssignment(
            args.at(1).toLongLong(), args.at(2).toLongLong(), now, &err);
        if (err)
            return fail(err);
        out << QJsonDocument(a).toJson();
        return 0;
    }
    return decisions(args, now, out);
}

int AdminCommand::attach(qint64 companyId, qint64 id, const QString &path, const QDateTime &now,
                         QTextStream &out)
{
    QFile f(path);
    if (!QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly))
        return fail(ApiError::badRequest(
            QStringLiteral("%1: not a readable file (%2)").arg(path, f.errorString())));
    // At most one byte past the limit is read: a device or a growing file is refused too.
    const QByteArray content = f.read(CompanyActions::kMaxDocumentSize + 1);
    if (content.size() > CompanyActions::kMaxDocumentSize)
        return fail({413, QStringLiteral("too_large"),
                     QStringLiteral("Documents may be at most %1 bytes.")
                         .arg(CompanyActions::kMaxDocumentSize)});
    ApiError err;
    bool created = false;
    const QJsonObject d = CompanyActions::attachDocument(companyId, id, QFileInfo(path).fileName(),
                                                         content, now, &err, &created);
    if (err)
        return fail(err);
    // Where the bytes went: the server must run with the same --files to serve them.
    out << "document " << d.value(QStringLiteral("id")).toString()
        << (created ? " attached" : " was already attached") << " to assignment " << id
        << " (stored in " << UploadStore::filesDir() << ")\n";
    return 0;
}

int AdminCommand::decisions(const QStringList &args, const QDateTime &now, QTextStream &out)
{
    const QString cmd = args.value(0);
    const qint64 companyId = args.value(1).toLongLong();
    const qint64 id = args.value(2).toLongLong();
    ApiError err;
    QJsonObject doc;
    if (cmd == QLatin1String("pending") && args.size() == 2) {
        const QStringList lines = CompanyActions::pending(companyId, &err);
        if (err)
            return fail(err);
        for (const QString &l : lines)
            out << l << "\n";
        if (lines.isEmpty())
            out << "nothing awaits a decision\n";
        return 0;
    }
    if (cmd == QLatin1String("message") && args.size() == 4) {
        doc = CompanyActions::postMessage(companyId, id, args.at(3), now, &err);
        if (err)
            return fail(err);
        const QJsonArray thread = doc.value(QStringLiteral("messages")).toArray();
        out << "message " << thread.last().toObject().value(QStringLiteral("id")).toString()
            << " posted; the thread has " << thread.size() << "\n";
        return 0;
    }
    if (cmd == QLatin1String("attach") && args.size() == 4)
        return attach(companyId, id, args.at(3), now, out);
    const QString verdict = args.value(4);
    if (cmd == QLatin1String("decide-request") && (args.size() == 5 || args.size() == 6) &&
        (verdict == QLatin1String("approve") || verdict == QLatin1String("decline")))
        doc = CompanyActions::decideRequest(companyId, id, args.at(3),
                                            verdict == QLatin1String("approve"), args.value(5), now,
                                            &err);
    else if (cmd == QLatin1String("approve") && args.size() == 3)
        doc = CompanyActions::approve(companyId, id, now, &err);
    else if (cmd == QLatin1String("mark-paid") && args.size() == 3)
        doc = CompanyActions::markPaid(companyId, id, now, &err);
    else if (cmd == QLatin1String("cancel") && (args.size() == 3 || args.size() == 4))
        doc = CompanyActions::cancel(companyId, id, args.value(3), now, &err);
    else
        return usage(out);
    if (err)
        return fail(err);
    out << "assignment " << id << " is now " << doc.value(QStringLiteral("status")).toString()
        << "\n";
    return 0;
}

} // namespace onsite::server

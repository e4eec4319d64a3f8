#include "AdminCommand.h"

#include "AssignmentCodec.h"
#include "ServerStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace onsite::server {
namespace {

int usage(QTextStream &out)
{
    out << "onsite-server admin [--db URL] COMMAND\n"
           "  create-company NAME [SETTINGS_JSON]   prints the company id\n"
           "  create-worker EMAIL NAME              password from $ONSITE_PASSWORD or stdin\n"
           "  create-company-token COMPANY_ID       prints a new company API token\n"
           "  import-assignments COMPANY_ID FILE    FILE: JSON array of assignments, each with\n"
           "                                        worker_id (as POST /company/assignments)\n"
           "  show-assignment COMPANY_ID ID         prints the assignment document\n";
    return 2;
}

int fail(const ApiError &e)
{
    QTextStream(stderr) << "error: " << e.message << "\n";
    return 1;
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
        const qint64 id = ServerStore::createCompany(args.at(1), settings, &err);
        if (err)
            return fail(err);
        out << id << "\n";
        return 0;
    }
    if (cmd == QLatin1String("create-worker") && args.size() == 3) {
        QString password = qEnvironmentVariable("ONSITE_PASSWORD");
        if (password.isEmpty())
            password = QTextStream(stdin).readLine();
        const qint64 id = ServerStore::createWorker(args.at(1), args.at(2), password, &err);
        if (err)
            return fail(err);
        out << id << "\n";
        return 0;
    }
    if (cmd == QLatin1String("create-company-token") && args.size() == 2) {
        const QString token = ServerStore::createCompanyToken(args.at(1).toLongLong(), &err);
        if (err)
            return fail(err);
        out << token << "\n";
        return 0;
    }
    if (cmd == QLatin1String("import-assignments") && args.size() == 3) {
        QFile f(args.at(2));
        if (!f.open(QIODevice::ReadOnly))
            return fail(ApiError::badRequest(f.errorString()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (!doc.isArray())
            return fail(ApiError::badRequest(
                QStringLiteral("%1: expected a JSON array (%2)").arg(args.at(2), pe.errorString())));
        const QJsonArray items = doc.array();
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject created =
                ServerStore::createAssignment(args.at(1).toLongLong(), items.at(i).toObject(), now, &err);
            if (err) {
                err.message = QStringLiteral("item %1: %2").arg(i).arg(err.message);
                return fail(err);
            }
            out << created.value(QStringLiteral("id")).toInteger() << "\n";
        }
        return 0;
    }
    if (cmd == QLatin1String("show-assignment") && args.size() == 3) {
        const QJsonObject a = ServerStore::companyAssignment(args.at(1).toLongLong(),
                                                             args.at(2).toLongLong(), now, &err);
        if (err)
            return fail(err);
        out << QJsonDocument(a).toJson();
        return 0;
    }
    return usage(out);
}

} // namespace onsite::server

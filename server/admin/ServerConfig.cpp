#include "ServerConfig.h"

#include <QUrl>

#include <QDir>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

namespace onsite::server {

namespace {

QString dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/onsite-server");
}

// The value after flag args[i] (i moves onto it); empty with *error when there is none.
QString takeValue(const QStringList &args, int &i, const QString &flag, QString *error)
{
    if (i + 1 >= args.size()) {
        *error = QStringLiteral("%1 needs a value").arg(flag);
        return {};
    }
    return args.at(++i);
}

bool setListen(const QString &v, ServerConfig *c, QString *error)
{
    const int colon = v.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? v.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port > 65535 || !c->address.setAddress(v.left(colon))) {
        *error = QStringLiteral("--listen expects ADDR:PORT, e.g. 127.0.0.1:8750");
        return false;
    }
    c->port = quint16(port);
    return true;
}

bool isWholeNumberFlag(const QString &a)
{
    return a == QLatin1String("--idle-timeout") || a == QLatin1String("--max-connections") ||
           a == QLatin1String("--session-idle-days") || a == QLatin1String("--session-max-days");
}

bool setWholeNumber(const QString &a, const QString &v, ServerConfig *c, QString *error)
{
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < 1 || n > 1000000) {
        *error = QStringLiteral("%1 expects a whole number from 1 to 1000000").arg(a);
        return false;
    }
    if (a == QLatin1String("--idle-timeout"))
        c->idleTimeoutSec = n;
    else if (a == QLatin1String("--max-connections"))
        c->maxConnections = n;
    else if (a == QLatin1String("--session-idle-days"))
        c->sessionIdleDays = n;
    else
        c->sessionMaxDays = n;
    return true;
}

enum class Step { Next, Exit, Fail };

// One option of the server itself (not `admin`'s) at args[i].
Step serverOption(const QStringList &args, int &i, ServerConfig *c, QString *error)
{
    const QString a = args.at(i);
    if (a == QLatin1String("--listen")) {
        if (!setListen(takeValue(args, i, a, error), c, error))
            return Step::Fail;
    } else if (a == QLatin1String("--files")) {
        c->filesDir = takeValue(args, i, a, error);
    } else if (a == QLatin1String("--public-url")) {
        c->publicUrl = takeValue(args, i, a, error);
    } else if (a == QLatin1String("--phone-secret")) {
        c->phoneSecret = takeValue(args, i, a, error);
    } else if (a == QLatin1String("--demo")) {
        c->demo = true;
    } else if (a == QLatin1String("--threads")) {
        c->threads = takeValue(args, i, a, error).toInt();
        if (c->threads < 1 || c->threads > 256) {
            *error = QStringLiteral("--threads expects 1 to 256");
            return Step::Fail;
        }
    } else if (isWholeNumberFlag(a)) {
        if (!setWholeNumber(a, takeValue(args, i, a, error), c, error))
            return Step::Fail;
    } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
        QTextStream(stdout) << ServerConfig::usage();
        return Step::Exit;
    } else if (a == QLatin1String("--version")) {
        QTextStream(stdout) << "onsite-server " << ONSITE_VERSION << "\n";
        return Step::Exit;
    } else {
        *error = QStringLiteral("Unknown argument %1\n%2").arg(a, ServerConfig::usage());
        return Step::Fail;
    }
    return Step::Next;
}

// What was not given: from the environment, or in the data directory.
void fillDefaults(ServerConfig *c)
{
    if (c->databaseUrl.isEmpty()) {
        QDir().mkpath(dataDir());
        c->databaseUrl = QStringLiteral("sqlite:") + dataDir() + QStringLiteral("/onsite.sqlite");
    }
    if (c->phoneSecret.isEmpty())
        c->phoneSecret = qEnvironmentVariable("ONSITE_PHONE_SECRET");
    if (c->filesDir.isEmpty())
        c->filesDir = dataDir() + QStringLiteral("/files");
    if (c->publicUrl.isEmpty())
        c->publicUrl = qEnvironmentVariable("ONSITE_PUBLIC_URL");
}

bool checkPublicUrl(ServerConfig *c, QString *error)
{
    if (c->publicUrl.isEmpty())
        return true;
    const QUrl url(c->publicUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        *error = QStringLiteral("--public-url expects http(s)://HOST[:PORT][/PATH], e.g. "
                                "https://onsite.example.com");
        return false;
    }
    while (c->publicUrl.endsWith(QLatin1Char('/')))
        c->publicUrl.chop(1);
    return true;
}

} // namespace

int ServerConfig::defaultThreads()
{
    return qMax(4, 2 * QThread::idealThreadCount());
}

QString ServerConfig::usage()
{
    return QStringLiteral(
               "Usage: onsite-server [--listen ADDR:PORT] [--db sqlite:PATH|postgresql://...]\n"
               "                     [--files DIR] [--demo] [--threads N] [--phone-secret S]\n"
               "                     [--public-url URL] [--idle-timeout SECONDS]\n"
               "                     [--max-connections N] [--session-idle-days N]\n"
               "                     [--session-max-days N]\n"
               "       onsite-server admin [--db URL] [--files DIR] COMMAND ...   (admin help)\n"
               "Defaults: --listen 127.0.0.1:8750, data in %1\n")
        .arg(dataDir());
}

bool ServerConfig::parse(const QStringList &args, ServerConfig *out, QString *error, bool *exitNow)
{
    *exitNow = false;
    ServerConfig c;
    bool inAdmin = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == QLatin1String("--db")) {
            c.databaseUrl = takeValue(args, i, a, error);
        } else if (inAdmin && c.adminArgs.isEmpty() && a == QLatin1String("--files")) {
            c.filesDir = takeValue(args, i, a, error); // where `admin attach` stores a file
        } else if (inAdmin) {
            c.adminArgs << a;
        } else if (a == QLatin1String("admin")) {
            inAdmin = true;
        } else {
            const Step step = serverOption(args, i, &c, error);
            if (step == Step::Fail)
                return false;
            if (step == Step::Exit) {
                *exitNow = true;
                return true;
            }
        }
        if (!error->isEmpty())
            return false;
    }
    if (inAdmin && c.adminArgs.isEmpty())
        c.adminArgs << QStringLiteral("help");
    fillDefaults(&c);
    if (!checkPublicUrl(&c, error))
        return false;
    *out = c;
    return true;
}

} // namespace onsite::server

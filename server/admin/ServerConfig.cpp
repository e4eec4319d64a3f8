#include "ServerConfig.h"

#include <QUrl>

#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

namespace onsite::server {

QString ServerConfig::usage()
{
    return QStringLiteral(
               "Usage: onsite-server [--listen ADDR:PORT] [--db sqlite:PATH|postgresql://...]\n"
               "                     [--files DIR] [--demo] [--threads N] [--phone-secret S]\n"
               "                     [--public-url URL] [--idle-timeout SECONDS]\n"
               "                     [--max-connections N] [--session-idle-days N]\n"
               "                     [--session-max-days N]\n"
               "       onsite-server admin [--db URL] COMMAND ...   (onsite-server admin help)\n"
               "Defaults: --listen 127.0.0.1:8750, data in %1\n")
        .arg(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
             QStringLiteral("/onsite-server"));
}

bool ServerConfig::parse(const QStringList &args, ServerConfig *out, QString *error, bool *exitNow)
{
    *exitNow = false;
    ServerConfig c;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                            QStringLiteral("/onsite-server");
    auto value = [&](int &i, const QString &flag) -> QString {
        if (i + 1 >= args.size()) {
            *error = QStringLiteral("%1 needs a value").arg(flag);
            return {};
        }
        return args.at(++i);
    };
    bool inAdmin = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == QLatin1String("--db")) {
            c.databaseUrl = value(i, a);
        } else if (inAdmin) {
            c.adminArgs << a;
        } else if (a == QLatin1String("admin")) {
            inAdmin = true;
        } else if (a == QLatin1String("--listen")) {
            const QString v = value(i, a);
            const int colon = v.lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const uint port = colon > 0 ? v.mid(colon + 1).toUInt(&ok) : 0;
            if (!ok || port > 65535 || !c.address.setAddress(v.left(colon))) {
                *error = QStringLiteral("--listen expects ADDR:PORT, e.g. 127.0.0.1:8750");
                return false;
            }
            c.port = quint16(port);
        } else if (a == QLatin1String("--files")) {
            c.filesDir = value(i, a);
        } else if (a == QLatin1String("--public-url")) {
            c.publicUrl = value(i, a);
        } else if (a == QLatin1String("--phone-secret")) {
            c.phoneSecret = value(i, a);
        } else if (a == QLatin1String("--demo")) {
            c.demo = true;
        } else if (a == QLatin1String("--threads")) {
            c.threads = value(i, a).toInt();
            if (c.threads < 1 || c.threads > 256) {
                *error = QStringLiteral("--threads expects 1 to 256");
                return false;
            }
        } else if (a == QLatin1String("--idle-timeout") ||
                   a == QLatin1String("--max-connections") ||
                   a == QLatin1String("--session-idle-days") ||
                   a == QLatin1String("--session-max-days")) {
            bool ok = false;
            const int n = value(i, a).toInt(&ok);
            if (!ok || n < 1 || n > 1000000) {
                *error = QStringLiteral("%1 expects a whole number from 1 to 1000000").arg(a);
                return false;
            }
            if (a == QLatin1String("--idle-timeout"))
                c.idleTimeoutSec = n;
            else if (a == QLatin1String("--max-connections"))
                c.maxConnections = n;
            else if (a == QLatin1String("--session-idle-days"))
                c.sessionIdleDays = n;
            else
                c.sessionMaxDays = n;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            QTextStream(stdout) << usage();
            *exitNow = true;
            return true;
        } else if (a == QLatin1String("--version")) {
            QTextStream(stdout) << "onsite-server " << ONSITE_VERSION << "\n";
            *exitNow = true;
            return true;
        } else {
            *error = QStringLiteral("Unknown argument %1\n%2").arg(a, usage());
            return false;
        }
        if (!error->isEmpty())
            return false;
    }
    if (inAdmin && c.adminArgs.isEmpty())
        c.adminArgs << QStringLiteral("help");
    if (c.databaseUrl.isEmpty()) {
        QDir().mkpath(dataDir);
        c.databaseUrl = QStringLiteral("sqlite:") + dataDir + QStringLiteral("/onsite.sqlite");
    }
    if (c.phoneSecret.isEmpty())
        c.phoneSecret = qEnvironmentVariable("ONSITE_PHONE_SECRET");
    if (c.filesDir.isEmpty())
        c.filesDir = dataDir + QStringLiteral("/files");
    if (c.publicUrl.isEmpty())
        c.publicUrl = qEnvironmentVariable("ONSITE_PUBLIC_URL");
    if (!c.publicUrl.isEmpty()) {
        const QUrl url(c.publicUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            *error = QStringLiteral("--public-url expects http(s)://HOST[:PORT][/PATH], e.g. "
                                    "https://onsite.example.com");
            return false;
        }
        while (c.publicUrl.endsWith(QLatin1Char('/')))
            c.publicUrl.chop(1);
    }
    *out = c;
    return true;
}

} // namespace onsite::server

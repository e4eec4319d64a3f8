#include "AppSettings.h"

#include <QSettings>

namespace onsite {

bool AppSettings::notify(const QString &kind)
{
    return QSettings().value(QStringLiteral("notify/") + kind, true).toBool();
}

void AppSettings::setNotify(const QString &kind, bool on)
{
    QSettings().setValue(QStringLiteral("notify/") + kind, on);
}

int AppSettings::syncIntervalSecs()
{
    return qBound(60, QSettings().value(QStringLiteral("sync/intervalSecs"), 60).toInt(), 7200);
}

void AppSettings::setSyncIntervalSecs(int secs)
{
    QSettings().setValue(QStringLiteral("sync/intervalSecs"), secs);
}

int AppSettings::documentsLimitMb()
{
    return qBound(0, QSettings().value(QStringLiteral("documents/limitMb"), 500).toInt(), 100000);
}

void AppSettings::setDocumentsLimitMb(int mb)
{
    QSettings().setValue(QStringLiteral("documents/limitMb"), mb);
}

QString AppSettings::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

QString AppSettings::appearance()
{
    return QSettings().value(QStringLiteral("ui/appearance"), QStringLiteral("system")).toString();
}

void AppSettings::setAppearance(const QString &mode)
{
    QSettings().setValue(QStringLiteral("ui/appearance"), mode);
}

QString AppSettings::kindOfNotice(const QString &noticeKind)
{
    if (noticeKind == QLatin1String("changed"))
        return QStringLiteral("changes");
    if (noticeKind == QLatin1String("message"))
        return QStringLiteral("messages");
    return noticeKind.startsWith(QLatin1String("request_")) ? QStringLiteral("decisions")
                                                            : QStringLiteral("approvals");
}

} // namespace onsite

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

QString AppSettings::kindOfNotice(const QString &noticeKind)
{
    return noticeKind.startsWith(QLatin1String("request_")) ? QStringLiteral("decisions")
                                                            : QStringLiteral("approvals");
}

} // namespace onsite

#include "SiteLinks.h"

#include <QStringList>
#include <QUrlQuery>

namespace onsite {

QString SiteLinks::addressText(const Site &s)
{
    const QString regionLine = QStringList{s.region, s.postalCode}.join(QLatin1Char(' ')).trimmed();
    QStringList parts;
    for (const QString &part : {s.address, s.city, regionLine, s.country})
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    return parts.join(QStringLiteral(", "));
}

QUrl SiteLinks::directionsUrl(const Site &s)
{
    // Google's documented cross-platform maps link: the browser on a desktop, the maps app
    // where one is installed.
    QUrl url(QStringLiteral("https://www.google.com/maps/search/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("query"), addressText(s));
    url.setQuery(query);
    return url;
}

QUrl SiteLinks::telUrl(const QString &phone)
{
    QString dial;
    for (const QChar c : phone.trimmed())
        if (c.isDigit() || (c == QLatin1Char('+') && dial.isEmpty()))
            dial += c;
    return dial.isEmpty() ? QUrl() : QUrl(QStringLiteral("tel:") + dial);
}

QUrl SiteLinks::mailtoUrl(const QString &email)
{
    return email.trimmed().isEmpty() ? QUrl() : QUrl(QStringLiteral("mailto:") + email.trimmed());
}

QString SiteLinks::copyText(const QUrl &link, const Assignment &a, QString *copiedMessage)
{
    const QString what = link.scheme() == QLatin1String("onsite") ? link.path() : QString();
    QString text;
    if (what == QLatin1String("copy-address")) {
        text = addressText(a.site);
        *copiedMessage = tr("Address copied.");
    } else if (what == QLatin1String("copy-phone")) {
        text = a.contact.phone;
        *copiedMessage = tr("Phone number copied.");
    } else if (what == QLatin1String("copy-email")) {
        text = a.contact.email;
        *copiedMessage = tr("Email address copied.");
    }
    return text;
}

} // namespace onsite

#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace onsite {

// The site's ways out of the app (issue 14 §3): its address in the system's maps, the
// contact's phone and email as tel: and mailto: links, and the texts the page's "Copy" links
// put on the clipboard. The page's details link to them as onsite:directions and
// onsite:copy-address, -phone, -email.
class SiteLinks
{
    Q_DECLARE_TR_FUNCTIONS(onsite::SiteLinks)
public:
    // "2 Queen St E, Toronto, ON M5C 3G7, CA": what a maps search box or a message takes.
    static QString addressText(const Site &s);
    // A search for the address in the maps of the worker's browser (or maps app).
    static QUrl directionsUrl(const Site &s);
    // tel:+13125550147 (the digits and a leading +), mailto:dana@…; empty for nothing.
    static QUrl telUrl(const QString &phone);
    static QUrl mailtoUrl(const QString &email);
    // The text an onsite:copy-… link copies, and what to tell the worker once it is copied;
    // an empty text when the link is not one or there is nothing to copy.
    static QString copyText(const QUrl &link, const Assignment &a, QString *copiedMessage);
};

} // namespace onsite

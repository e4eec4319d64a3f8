// The site's contact and directions on the assignment page (issue 14 §3): tel: and mailto:
// links, directions in the system's maps, copy links, and what happens on a computer that has
// nothing to open a link with.
#include <catch2/catch.hpp>

#include "AssignmentPage.h"
#include "CatchQt.h"
#include "Clock.h"
#include "Fixtures.h"
#include "UrlCatcher.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLocale>
#include <QTextBrowser>
#include <QUrlQuery>

using namespace onsite;
using namespace onsite::test;

namespace {

void click(AssignmentPage &page, const QString &link)
{
    Q_EMIT page.findChild<QTextBrowser *>()->anchorClicked(QUrl(link));
}

} // namespace

TEST_CASE("the page shows the site contact with call and mail links, directions and copies",
          "[ui][contact]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ManualClock clock(utc("2026-03-10T12:00:00Z"));
    AssignmentPage page(&clock);
    page.show(sampleAssignment());
    const QString html = page.findChild<QTextBrowser *>()->toHtml();
    CHECK(page.detailsText().contains(QStringLiteral("Site contact")));
    CHECK(page.detailsText().contains(QStringLiteral("Dana Whitfield")));
    CHECK(page.detailsText().contains(QStringLiteral("Store manager; ask at the service desk")));
    CHECK(html.contains(QStringLiteral("href=\"tel:+13125550147\"")));
    CHECK(html.contains(QStringLiteral("href=\"mailto:dana.whitfield@northwind.example\"")));

    // Copies: the address as one line, the number and the email as written.
    QClipboard *clipboard = QGuiApplication::clipboard();
    click(page, QStringLiteral("onsite:copy-address"));
    CHECK(clipboard->text() == QStringLiteral("410 W Monroe St, Chicago, IL 60606, US"));
    click(page, QStringLiteral("onsite:copy-phone"));
    CHECK(clipboard->text() == QStringLiteral("+1 (312) 555-0147"));
    click(page, QStringLiteral("onsite:copy-email"));
    CHECK(clipboard->text() == QStringLiteral("dana.whitfield@northwind.example"));

    // Directions, a call and a mail go to the system's programs.
    UrlCatcher system;
    for (const QString &scheme :
         {QStringLiteral("https"), QStringLiteral("tel"), QStringLiteral("mailto")})
        QDesktopServices::setUrlHandler(scheme, &system, "open");
    click(page, QStringLiteral("onsite:directions"));
    click(page, QStringLiteral("tel:+13125550147"));
    click(page, QStringLiteral("mailto:dana.whitfield@northwind.example"));
    for (const QString &scheme :
         {QStringLiteral("https"), QStringLiteral("tel"), QStringLiteral("mailto")})
        QDesktopServices::unsetUrlHandler(scheme);
    REQUIRE(system.opened.size() == 3);
    const QUrl maps = system.opened.at(0);
    CHECK(maps.host() == QStringLiteral("www.google.com"));
    CHECK(maps.path() == QStringLiteral("/maps/search/"));
    CHECK(QUrlQuery(maps).queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded) ==
          QStringLiteral("410 W Monroe St, Chicago, IL 60606, US"));
    CHECK(system.opened.at(1) == QUrl(QStringLiteral("tel:+13125550147")));
    CHECK(system.opened.at(2) == QUrl(QStringLiteral("mailto:dana.whitfield@northwind.example")));
    CHECK(page.errorText().isEmpty());

    // Nothing on this computer opens mail (the offscreen platform has no programs): the
    // worker is told, and has the address to paste elsewhere.
    clipboard->clear();
    click(page, QStringLiteral("mailto:dana.whitfield@northwind.example"));
    CHECK(page.errorText().contains(QStringLiteral("No mail program")));
    CHECK(clipboard->text() == QStringLiteral("dana.whitfield@northwind.example"));
}

TEST_CASE("without a contact the page says nothing about one, and directions still work",
          "[ui][contact]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ManualClock clock(utc("2026-03-10T12:00:00Z"));
    AssignmentPage page(&clock);
    Assignment a = sampleAssignment();
    a.contact = {};
    page.show(a);
    CHECK_FALSE(page.detailsText().contains(QStringLiteral("Site contact")));
    CHECK(page.detailsText().contains(QStringLiteral("Directions")));
    CHECK(page.detailsText().contains(QStringLiteral("Copy address")));
}

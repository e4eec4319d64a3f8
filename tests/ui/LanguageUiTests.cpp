#include <catch2/catch.hpp>

#include "AppSettings.h"
#include "Clock.h"
#include "Fixtures.h"
#include "Language.h"
#include "MainWindow.h"
#include "Money.h"
#include "SettingsDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

using namespace onsite;
using namespace onsite::test;

namespace {

QStringList statusTexts(MainWindow &w)
{
    QStringList texts;
    const QList<QLabel *> labels = w.statusBar()->findChildren<QLabel *>();
    for (const QLabel *l : labels)
        texts << l->text();
    return texts;
}

QStringList menuTexts(MainWindow &w)
{
    QStringList texts;
    const QList<QAction *> top = w.menuBar()->actions();
    for (QAction *a : top) {
        texts << a->text();
        if (a->menu()) {
            const QList<QAction *> items = a->menu()->actions();
            for (QAction *i : items)
                texts << i->text();
        }
    }
    return texts;
}

} // namespace

TEST_CASE("the language follows the system unless the worker chose one", "[ui][language]")
{
    const QLocale mexico(QLocale::Spanish, QLocale::Mexico);
    const QLocale france(QLocale::French, QLocale::France);
    CHECK(Language::resolve(QString(), mexico) == QStringLiteral("es"));
    CHECK(Language::resolve(QString(), france) == QStringLiteral("en"));
    CHECK(Language::resolve(QStringLiteral("en"), mexico) == QStringLiteral("en"));
    CHECK(Language::resolve(QStringLiteral("es"), france) == QStringLiteral("es"));
    // A setting naming a language that is not (or no longer) shipped falls back to the system.
    CHECK(Language::resolve(QStringLiteral("de"), mexico) == QStringLiteral("es"));
    CHECK(Language::available().contains(QStringLiteral("es")));
    CHECK(Language::nativeName(QStringLiteral("es")) == QStringLiteral("Español"));
}

TEST_CASE("in Spanish the window, plurals and formats are Spanish, English plurals agree too",
          "[ui][language]")
{
    ManualClock clock(utc("2026-03-10T16:00:00Z"));
    REQUIRE(Language::install(QStringLiteral("es"), QLocale(QLocale::Spanish, QLocale::Spain)));
    {
        MainWindow w(&clock);
        CHECK(menuTexts(w).contains(QStringLiteral("&Sincronizar ahora")));
        CHECK(menuTexts(w).contains(QStringLiteral("Exportar &hoja de horas…")));
        w.setPendingCount(1);
        CHECK(statusTexts(w).contains(QStringLiteral("1 cambio en espera de sincronizar")));
        w.setPendingCount(3);
        CHECK(statusTexts(w).contains(QStringLiteral("3 cambios en espera de sincronizar")));
        w.setPendingCount(0);
        CHECK(statusTexts(w).contains(QStringLiteral("Todos los cambios sincronizados")));
        // Money and dates follow the Spanish locale: decimal comma, dotted thousands.
        CHECK(Money::format(123456789, QStringLiteral("EUR")) ==
              QStringLiteral("EUR 1.234.567,89"));
        CHECK(QLocale()
                  .toString(QDate(2026, 3, 10), QLocale::LongFormat)
                  .contains(QStringLiteral("marzo")));
    }
    // Spanish chosen on an English (US) system: Spanish words, the US formats kept.
    REQUIRE(
        Language::install(QStringLiteral("es"), QLocale(QLocale::English, QLocale::UnitedStates)));
    CHECK(QLocale().territory() == QLocale::UnitedStates);
    CHECK(QLocale().language() == QLocale::Spanish);

    REQUIRE(
        Language::install(QStringLiteral("en"), QLocale(QLocale::English, QLocale::UnitedStates)));
    {
        MainWindow w(&clock);
        CHECK(menuTexts(w).contains(QStringLiteral("&Sync now")));
        w.setPendingCount(1);
        CHECK(statusTexts(w).contains(QStringLiteral("1 change waiting to sync")));
        w.setPendingCount(3);
        CHECK(statusTexts(w).contains(QStringLiteral("3 changes waiting to sync")));
        CHECK(Money::format(123456789, QStringLiteral("USD")) ==
              QStringLiteral("USD 1,234,567.89"));
    }
}

TEST_CASE("the language and appearance chosen in Settings are kept", "[ui][language][settings]")
{
    AppSettings::setLanguage(QString());
    AppSettings::setAppearance(QStringLiteral("system"));
    SettingsDialog dialog(QString(), QStringLiteral("/tmp/d"), QString());
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    auto *appearance = dialog.findChild<QComboBox *>(QStringLiteral("appearance"));
    REQUIRE(language);
    REQUIRE(appearance);
    CHECK(language->currentData().toString().isEmpty()); // follows the system
    CHECK(language->itemText(0).startsWith(QStringLiteral("Same as the system")));
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    appearance->setCurrentIndex(appearance->findData(QStringLiteral("dark")));
    dialog.accept();
    CHECK(AppSettings::language() == QStringLiteral("es"));
    CHECK(AppSettings::appearance() == QStringLiteral("dark"));
    CHECK(Language::resolve(AppSettings::language(), QLocale(QLocale::English)) ==
          QStringLiteral("es"));

    SettingsDialog again(QString(), QStringLiteral("/tmp/d"), QString());
    CHECK(again.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString() ==
          QStringLiteral("es"));
    CHECK(again.findChild<QComboBox *>(QStringLiteral("appearance"))->currentData().toString() ==
          QStringLiteral("dark"));
    AppSettings::setLanguage(QString());
    AppSettings::setAppearance(QStringLiteral("system"));
}

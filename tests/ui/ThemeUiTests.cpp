#include <catch2/catch.hpp>

#include "Theme.h"

#include <QApplication>
#include <QImage>
#include <QLabel>

using namespace onsite;

namespace {

bool drawsColor(QWidget *w, const QColor &c)
{
    const QImage image = w->grab().toImage();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (qAbs(p.red() - c.red()) + qAbs(p.green() - c.green()) + qAbs(p.blue() - c.blue()) <
                24)
                return true;
        }
    return false;
}

} // namespace

TEST_CASE("light and dark: text and every coloured note stay legible (WCAG AA)",
          "[ui][theme][a11y]")
{
    const auto mode = GENERATE(Theme::Mode::Light, Theme::Mode::Dark);
    Theme::apply(mode);
    CHECK(Theme::isDark() == (mode == Theme::Mode::Dark));
    const QPalette p = QApplication::palette();
    CHECK((p.color(QPalette::Window).lightness() < 128) == (mode == Theme::Mode::Dark));
    CHECK(Theme::contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 7.0);
    CHECK(Theme::contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
    if (mode == Theme::Mode::Dark) // the light palette is the platform's own
        CHECK(Theme::contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >=
              4.5);
    for (auto tone :
         {Theme::Tone::Error, Theme::Tone::Warning, Theme::Tone::Success, Theme::Tone::Muted}) {
        INFO("tone " << int(tone) << " " << Theme::colorName(tone).toStdString());
        CHECK(Theme::contrast(Theme::color(tone), p.color(QPalette::Window)) >= 4.5);
        CHECK(Theme::contrast(Theme::color(tone), p.color(QPalette::Base)) >= 4.5);
    }
    Theme::apply(Theme::Mode::System);
}

TEST_CASE("a coloured message follows a change of appearance without reopening", "[ui][theme]")
{
    Theme::apply(Theme::Mode::Light);
    QLabel error(QStringLiteral("██ Could not save"));
    Theme::setTone(&error, Theme::Tone::Error);
    error.adjustSize();
    const QColor light = Theme::color(Theme::Tone::Error);
    CHECK(drawsColor(&error, light));

    Theme::apply(Theme::Mode::Dark);
    const QColor dark = Theme::color(Theme::Tone::Error);
    REQUIRE(dark != light);
    CHECK(drawsColor(&error, dark));
    CHECK_FALSE(drawsColor(&error, light));
    Theme::apply(Theme::Mode::System);
}

TEST_CASE("the system's preference for dark is recognised", "[ui][theme]")
{
    CHECK(Theme::systemPrefersDark(Theme::darkPalette()));
    QPalette light(Qt::black, Qt::white);
#ifndef Q_OS_WIN
    qputenv("GTK_THEME", "Adwaita");
    CHECK_FALSE(Theme::systemPrefersDark(light));
    qputenv("GTK_THEME", "Adwaita:dark");
    CHECK(Theme::systemPrefersDark(light));
    qunsetenv("GTK_THEME");
#endif
    CHECK(Theme::modeFromString(QStringLiteral("dark")) == Theme::Mode::Dark);
    CHECK(Theme::modeFromString(Theme::modeToString(Theme::Mode::Light)) == Theme::Mode::Light);
    CHECK(Theme::modeFromString(QStringLiteral("nonsense")) == Theme::Mode::System);
}

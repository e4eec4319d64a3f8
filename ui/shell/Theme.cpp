#include "Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>
#include <cmath>

namespace onsite {

namespace {

const char *const kToneProperty = "onsiteTone";

struct State {
    bool captured = false;
    QPalette platformPalette;
    QString platformStyle;
    bool dark = false;
    bool overridden = false; // Onsite set its own style and palette
};

State &state()
{
    static State s;
    return s;
}

bool platformHintsDark()
{
#ifdef Q_OS_WIN
    // 0 means the user chose dark for apps; Qt 6.4 does not always pass that on.
    const QSettings personalize(
        QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\"
                       "Themes\\Personalize"),
        QSettings::NativeFormat);
    return personalize.value(QStringLiteral("AppsUseLightTheme"), 1).toInt() == 0;
#else
    // GTK desktops name a dark variant this way; macOS and KDE already give Qt a dark palette.
    return qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"), Qt::CaseInsensitive);
#endif
}

} // namespace

bool Theme::systemPrefersDark(const QPalette &platformPalette)
{
    return platformPalette.color(QPalette::Window).lightness() < 128 || platformHintsDark();
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor text(0xee, 0xee, 0xee);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x38, 0x38));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x80, 0x80));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7c, 0xb8, 0xf2));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

void Theme::apply(Mode mode)
{
    State &s = state();
    if (!s.captured) {
        s.captured = true;
        s.platformPalette = QApplication::palette();
        s.platformStyle = QApplication::style()->name();
    }
    const bool platformDark = s.platformPalette.color(QPalette::Window).lightness() < 128;
    const bool wantDark =
        mode == Mode::Dark || (mode == Mode::System && systemPrefersDark(s.platformPalette));
    if (wantDark == platformDark) {
        // The platform already draws what is wanted: keep its native style and palette. An
        // untouched palette keeps following the system when it changes (macOS, Windows).
        if (s.overridden) {
            QApplication::setStyle(QStyleFactory::create(s.platformStyle));
            QApplication::setPalette(s.platformPalette);
            s.overridden = false;
        }
    } else {
        s.overridden = true;
        // Native styles (Windows, GTK) ignore a custom palette in places; Fusion honours it.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(wantDark ? darkPalette()
                                          : QApplication::style()->standardPalette());
    }
    s.dark = wantDark;
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *w : widgets)
        if (w->property(kToneProperty).isValid())
            restyle(w);
}

bool Theme::isDark()
{
    const State &s = state();
    return s.captured ? s.dark : QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor Theme::color(Tone tone)
{
    // Each pair keeps a contrast of at least 4.5:1 (WCAG AA) on its window background.
    const bool dark = isDark();
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb3, 0x4a, 0x00);
    case Tone::Success:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x27, 0x69, 0x2a);
    case Tone::Muted:
        return dark ? QColor(0xb4, 0xb4, 0xb4) : QColor(0x55, 0x55, 0x55);
    }
    return QApplication::palette().color(QPalette::WindowText);
}

void Theme::setTone(QWidget *widget, Tone tone)
{
    widget->setProperty(kToneProperty, int(tone));
    restyle(widget);
}

void Theme::restyle(QWidget *widget)
{
    const auto tone = Tone(widget->property(kToneProperty).toInt());
    widget->setStyleSheet(QStringLiteral("color:%1;%2")
                              .arg(colorName(tone), tone == Tone::Error
                                                        ? QStringLiteral("font-weight:bold;")
                                                        : QString()));
}

Theme::Mode Theme::modeFromString(const QString &s)
{
    if (s == QLatin1String("light"))
        return Mode::Light;
    if (s == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QString Theme::modeToString(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace onsite

#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace onsite {

// Light and dark appearance. "System" follows the platform: the palette Qt was given (macOS,
// KDE, GTK themes via the platform theme) or, where Qt 6.4 cannot tell, the system's own
// preference (Windows' app mode in the registry, GTK_THEME=…:dark). Text colours that carry a
// meaning (errors, warnings, done, muted notes) come from here, one set per appearance, each
// legible on that appearance's window background.
class Theme
{
public:
    enum class Mode { System, Light, Dark };
    enum class Tone { Error, Warning, Success, Muted };

    static void apply(Mode mode);
    static bool isDark();
    static QColor color(Tone tone);
    // "#rrggbb", for rich text built in code.
    static QString colorName(Tone tone) { return color(tone).name(); }
    // Gives a label or button the tone's colour (errors bold); kept when the appearance changes.
    static void setTone(QWidget *widget, Tone tone);

    static Mode modeFromString(const QString &s);
    static QString modeToString(Mode mode);
    // Whether the system asks for dark, judged from the palette the platform gave and the
    // platform's own hint; exposed for tests.
    static bool systemPrefersDark(const QPalette &platformPalette);
    static QPalette darkPalette();
    // WCAG 2 contrast ratio of two colours (1..21).
    static double contrast(const QColor &a, const QColor &b);

private:
    static void restyle(QWidget *widget);
};

} // namespace onsite

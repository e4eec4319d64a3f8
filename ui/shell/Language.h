#pragma once

#include <QLocale>
#include <QStringList>

namespace onsite {

// The language of the user interface. Onsite's texts are compiled into the binary (.qm files
// from translations/*.ts); Qt's own (standard buttons, file dialogs) come from Qt's translations
// where the system has them. Formats of dates, times and money follow QLocale's default, which
// is the system locale, or the chosen language in the system's country when one is chosen.
class Language
{
public:
    // Language codes with a complete translation, English first.
    static QStringList available();
    // The language's name in itself, e.g. "Español".
    static QString nativeName(const QString &code);
    // The language to use: the setting when it names an available language, else the first of
    // the system's UI languages that is available, else English.
    static QString resolve(const QString &setting, const QLocale &system);
    // Loads the translations for code, replacing any installed before. False when a file for a
    // non-English language is missing (the texts then stay English).
    static bool install(const QString &code, const QLocale &system = QLocale::system());
    static QString current();
};

} // namespace onsite

#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace onsite {

namespace {

struct Installed {
    QString code;
    std::vector<std::unique_ptr<QTranslator>> translators;
};

Installed &installed()
{
    static Installed i;
    return i;
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString Language::nativeName(const QString &code)
{
    // Fixed names: QLocale's native names carry a country ("español de España").
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString Language::resolve(const QString &setting, const QLocale &system)
{
    const QStringList codes = available();
    if (codes.contains(setting))
        return setting;
    const QStringList wanted = system.uiLanguages();
    for (const QString &w : wanted) {
        const QString code = w.section(QLatin1Char('-'), 0, 0).toLower();
        if (codes.contains(code))
            return code;
    }
    return codes.first();
}

bool Language::install(const QString &code, const QLocale &system)
{
    Installed &state = installed();
    for (const auto &t : state.translators)
        QCoreApplication::removeTranslator(t.get());
    state.translators.clear();
    state.code = code;

    // Keep the system's country for formats; only the language changes.
    const QLocale locale(QLocale(code).language(), system.territory());
    QLocale::setDefault(locale.language() == system.language() ? system : locale);

    bool ok = true;
    // English source texts need a translator only for their plural forms.
    auto own = std::make_unique<QTranslator>();
    if (own->load(QStringLiteral(":/i18n/onsite_%1.qm").arg(code)))
        state.translators.push_back(std::move(own));
    else
        ok = false;
    if (code != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            state.translators.push_back(std::move(qt));
    }
    for (const auto &t : state.translators)
        QCoreApplication::installTranslator(t.get());
    return ok;
}

QString Language::current()
{
    return installed().code;
}

} // namespace onsite

// Catch2 runner with a QApplication on the offscreen platform (also during test discovery).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "FileDialog.h"
#include "Language.h"
#include "MessageBox.h"

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OnsiteTests"));
    QStandardPaths::setTestModeEnabled(true); // QSettings and data go to a test location
    // As the app does: English texts with their plural forms, US formats, whatever the machine.
    onsite::Language::install(QStringLiteral("en"),
                              QLocale(QLocale::English, QLocale::UnitedStates));
    onsite::MessageBox::setUnattended(true); // a forgotten answer fails, never hangs
    onsite::FileDialog::setUnattended(true);
    return Catch::Session().run(argc, argv);
}

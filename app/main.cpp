#include "AppController.h"
#include "AppSettings.h"
#include "Clock.h"
#include "EmbeddedServer.h"
#include "FirstPaintProbe.h"
#include "KeychainCredentialStore.h"
#include "Language.h"
#include "Log.h"
#include "LogFile.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "SignInDialog.h"
#include "Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

using namespace onsite;

namespace {

// The command line, shared by the headless answer to --help/--version and the app itself.
struct Options {
    QCommandLineParser parser;
    QCommandLineOption server{QStringLiteral("server"),
                              QCoreApplication::translate("main", "Onsite server to sign in to."),
                              QStringLiteral("URL")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QCoreApplication::translate("main", "Where the local cache lives."),
                               QStringLiteral("DIR")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Start the bundled server with demo data and sign in to it.")};

    Options()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Onsite: your assignments, checklists and time on site."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({server, dataDir, demo});
    }
};

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Onsite"));
    QCoreApplication::setApplicationName(QStringLiteral("onsite"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONSITE_VERSION));
}

// --help and --version answer without a display: packages, scripts and terminals over SSH
// run them where no window can open.
void answerHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--version" || a == "-v" || a == "--help" || a == "-h" || a == "-?" ||
            a == "--help-all") {
            QCoreApplication core(argc, argv);
            setNames();
            Language::install(Language::resolve(AppSettings::language(), QLocale::system()));
            Options options;
            options.parser.process(core); // prints and exits
        }
    }
}

// Every size the icon is drawn at, so title bars, task bars and the tray get sharp pixels at
// any scale; an installed theme icon (the package's hicolor set) wins where there is one.
void setIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/onsite/onsite-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.onsite.Onsite"), icon));
}

// The bundled server with demo data in `demoDir`; the app signs in to it once it listens.
void startDemo(EmbeddedServer &embedded, const QTemporaryDir &demoDir, MainWindow &window,
               AppController &controller)
{
    window.showMessage(QApplication::translate("main", "Starting the demo server…"));
    const QString db = demoDir.filePath(QStringLiteral("server.sqlite"));
    QObject::connect(
        &embedded, &EmbeddedServer::ready, &controller, [&controller, db](const QUrl &url) {
            // The client company's side of the demo, for the README's walkthrough.
            QTextStream(stdout) << "Demo server: " << url.toString() << "\n"
                                << "Company steps: onsite-server admin --db sqlite:" << db
                                << " pending 1\n";
            controller.signIn(url, QStringLiteral("alex@demo.onsite"),
                              QStringLiteral("onsite-demo"));
        });
    QObject::connect(
        &embedded, &EmbeddedServer::failed, &window, [&window](const QString &message) {
            QMessageBox::critical(&window, QApplication::translate("main", "Demo server"), message);
        });
    QObject::connect(&controller, &AppController::signInFailed, &window,
                     [&window](const QString &message) { window.showMessage(message); });
    embedded.setLogFile(demoDir.filePath(QStringLiteral("server.log")));
    embedded.start({QStringLiteral("--demo"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                    QStringLiteral("sqlite:") + db, QStringLiteral("--files"),
                    demoDir.filePath(QStringLiteral("files"))});
}

} // namespace

int main(int argc, char *argv[])
{
    FirstPaintProbe::markStart();
    answerHeadless(argc, argv);
    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Onsite"));
    QApplication::setDesktopFileName(QStringLiteral("org.onsite.Onsite"));

    Options options;
    options.parser.process(app);
    const QCommandLineParser &parser = options.parser;
    const QCommandLineOption &server = options.server;
    const QCommandLineOption &dataDir = options.dataDir;
    const QCommandLineOption &demo = options.demo;

    const bool isDemo = parser.isSet(demo);
    QTemporaryDir demoDir;
    if (isDemo)
        QApplication::setApplicationName(QStringLiteral("onsite-demo")); // separate settings
    // Before any window or translated text exists: the language is fixed for the session.
    Language::install(Language::resolve(AppSettings::language(), QLocale::system()));
    Theme::apply(Theme::modeFromString(AppSettings::appearance()));

    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir)
                        : isDemo
                            ? demoDir.filePath(QStringLiteral("client"))
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    LogFile::install(QDir(dir).filePath(QStringLiteral("onsite.log")));
    qCInfo(lcApp) << "Onsite" << ONSITE_VERSION << "starting; data in" << dir;

    SystemClock clock;
    std::unique_ptr<CredentialStore> credentials;
    if (isDemo)
        credentials = std::make_unique<MemoryCredentialStore>();
    else
        credentials = std::make_unique<KeychainCredentialStore>();
    MainWindow window(&clock);
    FirstPaintProbe::installIfAsked(window.table());
    AppController controller(&window, credentials.get(), dir, &clock);
    controller.setSyncIntervalSecs(AppSettings::syncIntervalSecs());
    window.show();

    EmbeddedServer embedded;
    if (isDemo) {
        startDemo(embedded, demoDir, window, controller);
    } else if (parser.isSet(server)) {
        controller.showSignIn(QString());
        controller.signInDialog()->setServer(parser.value(server));
    } else {
        controller.start();
    }
    // Decoding the icon's sizes takes longer than anything else before the first paint; the
    // cached rows load meanwhile (off this thread), so it comes after the window is shown.
    setIcon();
    const int rc = app.exec();
    embedded.stop();
    return rc;
}

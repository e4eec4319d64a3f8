#include "AppController.h"
#include "Clock.h"
#include "EmbeddedServer.h"
#include "KeychainCredentialStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace onsite;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Onsite"));
    QApplication::setApplicationName(QStringLiteral("onsite"));
    QApplication::setApplicationDisplayName(QStringLiteral("Onsite"));
    QApplication::setApplicationVersion(QStringLiteral(ONSITE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/onsite/onsite.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.onsite.Onsite"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Onsite: your assignments, checklists and time on site."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QApplication::translate("main", "Onsite server to sign in to."),
                                    QStringLiteral("URL"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QApplication::translate("main", "Where the local cache lives."),
        QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main",
                                "Start the bundled server with demo data and sign in to it."));
    parser.addOptions({server, dataDir, demo});
    parser.process(app);

    const bool isDemo = parser.isSet(demo);
    QTemporaryDir demoDir;
    if (isDemo)
        QApplication::setApplicationName(QStringLiteral("onsite-demo")); // separate settings
    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir)
                        : isDemo
                            ? demoDir.filePath(QStringLiteral("client"))
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    SystemClock clock;
    std::unique_ptr<CredentialStore> credentials;
    if (isDemo)
        credentials = std::make_unique<MemoryCredentialStore>();
    else
        credentials = std::make_unique<KeychainCredentialStore>();
    MainWindow window(&clock);
    AppController controller(&window, credentials.get(), dir, &clock);
    window.show();

    EmbeddedServer embedded;
    if (isDemo) {
        window.showMessage(QApplication::translate("main", "Starting the demo server…"));
        QObject::connect(&embedded, &EmbeddedServer::ready, &controller, [&](const QUrl &url) {
            // The client company's side of the demo, for the README's walkthrough.
            QTextStream(stdout) << "Demo server: " << url.toString() << "\n"
                                << "Company steps: onsite-server admin --db sqlite:"
                                << demoDir.filePath(QStringLiteral("server.sqlite"))
                                << " pending 1\n";
            controller.signIn(url, QStringLiteral("alex@demo.onsite"),
                              QStringLiteral("onsite-demo"));
        });
        QObject::connect(&embedded, &EmbeddedServer::failed, &window, [&](const QString &message) {
            QMessageBox::critical(&window, QApplication::translate("main", "Demo server"), message);
        });
        QObject::connect(&controller, &AppController::signInFailed, &window,
                         [&](const QString &message) { window.showMessage(message); });
        embedded.setLogFile(demoDir.filePath(QStringLiteral("server.log")));
        embedded.start(
            {QStringLiteral("--demo"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--db"),
             QStringLiteral("sqlite:") + demoDir.filePath(QStringLiteral("server.sqlite")),
             QStringLiteral("--files"), demoDir.filePath(QStringLiteral("files"))});
    } else if (parser.isSet(server)) {
        controller.showSignIn(QString());
        controller.signInDialog()->setServer(parser.value(server));
    } else {
        controller.start();
    }
    const int rc = app.exec();
    embedded.stop();
    return rc;
}

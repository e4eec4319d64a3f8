#include <catch2/catch.hpp>

#include "AppController.h"
#include "AppSession.h"
#include "Clock.h"
#include "DashboardModel.h"
#include "Fixtures.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "TestUtil.h"

#include <QSettings>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

// A restart paints the last account's cached rows before anything else; a list this long is
// read on two threads in two halves (AppSession::loadRows), which must join into the whole
// list: every row once, in id order.
TEST_CASE("a restart shows every cached row of a long list once, in order", "[ui][coldstart]")
{
    QTemporaryDir data;
    const QUrl server(QStringLiteral("http://127.0.0.1:9")); // nothing listens: offline
    const QString email = QStringLiteral("alex@demo.onsite");
    const int n = 2600;
    {
        LocalStore store(QStringLiteral("restart-writer"));
        QString error;
        REQUIRE(store.open(AppSession::cachePath(data.path(), server, email), &error));
        QList<Assignment> page;
        for (int id = 1; id <= n; ++id) {
            Assignment a = sampleAssignment(id);
            a.title = QStringLiteral("Job %1").arg(id);
            page.append(a);
        }
        REQUIRE(store.applyChangesPage(page, {}, QStringLiteral("1"),
                                       QDateTime::currentDateTimeUtc(), &error));
    }
    QSettings settings;
    settings.setValue(QStringLiteral("account/server"), server);
    settings.setValue(QStringLiteral("account/email"), email);

    SystemClock clock;
    MemoryCredentialStore credentials;
    credentials.write(AppSession::accountKey(server, email), QStringLiteral("token"));
    MainWindow window(&clock);
    AppController controller(&window, &credentials, data.path(), &clock);
    window.show();
    controller.start();
    DashboardModel *model = window.model();
    REQUIRE(waitFor([&] { return model->rowCount() == n; }, 20000));
    for (int r = 0; r < n; ++r) {
        INFO("row " << r);
        REQUIRE(model->rowAt(r).id == r + 1);
        REQUIRE(model->rowAt(r).title == QStringLiteral("Job %1").arg(r + 1));
    }
    settings.remove(QStringLiteral("account"));
}

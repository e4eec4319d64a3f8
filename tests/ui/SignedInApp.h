#pragma once

#include "AppController.h"
#include "Clock.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace onsite::test {

// The desktop app as a worker has it: the main window and its controller with a data folder
// of their own, signed in as Alex to `server` and synced once.
struct SignedInApp {
    QTemporaryDir data;
    SystemClock clock;
    MemoryCredentialStore credentials;
    MainWindow window{&clock};
    AppController controller{&window, &credentials, data.path(), &clock};

    explicit SignedInApp(const TestServer &server)
    {
        window.resize(1280, 860);
        window.show();
        QSignalSpy synced(&controller, &AppController::syncFinished);
        controller.signIn(server.url(), QStringLiteral("alex@demo.onsite"),
                          QStringLiteral("onsite-demo"));
        REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));
    }
};

} // namespace onsite::test

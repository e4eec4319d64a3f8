#pragma once

#include "AppController.h"
#include "AssignmentPage.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <functional>
#include <memory>

#include <catch2/catch.hpp>

namespace onsite::test {

// A server of its own with one new assignment for Alex, shaped by the test (Fixtures'
// assignmentInput, then `shape`), and the app signed in and showing that assignment's page.
struct NewAssignmentApp {
    TestServer server;
    std::unique_ptr<HttpClient> http;
    QString token;
    qint64 id = 0;
    std::unique_ptr<SignedInApp> app;

    explicit NewAssignmentApp(const QString &title, const std::function<void(QJsonObject &)> &shape)
    {
        REQUIRE(server.start());
        http = std::make_unique<HttpClient>(server.apiBase());
        token = http->signIn(QStringLiteral("alex@demo.onsite"));
        const qint64 me =
            http->get(QStringLiteral("me"), token).json.value(QStringLiteral("id")).toInteger();
        QJsonObject input = assignmentInput(me, title, {});
        shape(input);
        const auto created =
            http->post(QStringLiteral("company/assignments"), input, server.companyToken());
        REQUIRE(created.status == 201);
        id = created.json.value(QStringLiteral("id")).toInteger();

        app = std::make_unique<SignedInApp>(server);
        app->controller.openAssignment(id);
        REQUIRE(page()->assignmentId() == id);
    }

    AssignmentPage *page() const { return app->window.page(); }

    // Waits until the page, reloaded from the cache, satisfies `ok`.
    bool until(const std::function<bool()> &ok)
    {
        return waitFor(
            [&] {
                app->controller.openAssignment(id);
                return ok();
            },
            15000);
    }

    void sync()
    {
        QSignalSpy synced(&app->controller, &AppController::syncFinished);
        app->controller.syncNow();
        REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));
    }

    // The assignment as the server holds it.
    QJsonObject serverDoc() const
    {
        return http->get(QStringLiteral("assignments/%1").arg(id), token).json;
    }
};

} // namespace onsite::test

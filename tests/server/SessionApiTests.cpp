// The server API: sessions end when signed out, or after their idle and absolute lifetimes.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QDateTime>
#include <QTest>

using namespace onsite::test;

TEST_CASE("signing out ends the session", "[api]")
{
    HttpClient http(server().apiBase());
    const QString token = http.signIn(QStringLiteral("blair@demo.onsite"));
    REQUIRE(http.get(QStringLiteral("me"), token).status == 200);
    CHECK(http.request("DELETE", QStringLiteral("session"), {}, token).status == 204);
    CHECK(http.get(QStringLiteral("me"), token).status == 401);
}

TEST_CASE("sessions end after their idle and absolute lifetimes, and are cleaned up",
          "[api][sessions]")
{
    TestServer s;
    s.setExtraArguments({QStringLiteral("--session-idle-days"), QStringLiteral("2"),
                         QStringLiteral("--session-max-days"), QStringLiteral("10")});
    REQUIRE(s.start());
    HttpClient http(s.apiBase());
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    auto age = [&s](const QString &email, const QString &column, qint64 ms) {
        const QVariant changed =
            s.sql(QStringLiteral("UPDATE sessions SET %1 = %1 - ? WHERE worker_id = "
                                 "(SELECT id FROM workers WHERE email = ?)")
                      .arg(column),
                  {ms, email});
        INFO(s.lastError().toStdString());
        REQUIRE(changed.toInt() == 1);
    };
    const QString alex = QStringLiteral("alex@demo.onsite");
    const QString blair = QStringLiteral("blair@demo.onsite");

    // Unused for 3 days with a 2-day idle lifetime: ended, and the answer says so.
    const QString idle = http.signIn(alex);
    REQUIRE(http.get(QStringLiteral("me"), idle).status == 200);
    age(alex, QStringLiteral("last_used_at"), 3 * kDay);
    const auto ended = http.get(QStringLiteral("me"), idle);
    CHECK(ended.status == 401);
    CHECK(ended.errorCode() == QStringLiteral("session_expired"));
    CHECK(ended.errorMessage().contains(QStringLiteral("sign in again")));
    CHECK(http.get(QStringLiteral("me"), idle).errorCode() == QStringLiteral("unauthorized"));

    // Used a day ago: still good, and the use is recorded (the idle clock starts again).
    const QString used = http.signIn(blair);
    age(blair, QStringLiteral("last_used_at"), kDay);
    CHECK(http.get(QStringLiteral("me"), used).status == 200);
    const qint64 lastUse =
        s.sql(QStringLiteral("SELECT last_used_at FROM sessions WHERE worker_id = "
                             "(SELECT id FROM workers WHERE email = ?)"),
              {blair})
            .toLongLong();
    CHECK(lastUse > QDateTime::currentMSecsSinceEpoch() - 60000);
    // Signed in 11 days ago with a 10-day absolute lifetime: ended however recently used.
    age(blair, QStringLiteral("created_at"), 11 * kDay);
    CHECK(http.get(QStringLiteral("me"), used).errorCode() == QStringLiteral("session_expired"));

    // Clean-up (at start and hourly) removes ended sessions nobody presents again, and sign-in
    // failures older than their window.
    http.signIn(alex);
    age(alex, QStringLiteral("last_used_at"), 3 * kDay);
    REQUIRE(
        s.sql(QStringLiteral("INSERT INTO signin_failures (key, at) VALUES (?, ?)"),
              {QStringLiteral("email:old@test.onsite"), QDateTime::currentMSecsSinceEpoch() - kDay})
            .isValid());
    REQUIRE(s.restart());
    auto count = [&s](const char *table) {
        return s.sql(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt();
    };
    for (int i = 0; i < 50 && (count("sessions") || count("signin_failures")); ++i)
        QTest::qWait(100); // the clean-up runs beside the first requests
    CHECK(count("sessions") == 0);
    CHECK(count("signin_failures") == 0);
}

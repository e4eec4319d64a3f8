#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "KeychainCredentialStore.h"
#include "TestUtil.h"

#include <QSignalSpy>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

// Run by ctest twice: inside a D-Bus session with an unlocked gnome-keyring (the real secret
// service), and with no session bus at all, where the app must say so and keep working.
TEST_CASE("the session token round-trips through the system keychain", "[keychain]")
{
    const bool expectKeychain =
        qEnvironmentVariable("ONSITE_EXPECT_KEYCHAIN") == QLatin1String("1");
    KeychainCredentialStore store;
    const QString account =
        QStringLiteral("test-%1@127.0.0.1:1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString token = QStringLiteral("ow_") + QUuid::createUuid().toString(QUuid::Id128);

    QSignalSpy wrote(&store, &CredentialStore::writeFinished);
    store.write(account, token);
    REQUIRE(waitFor([&] { return wrote.count() > 0; }, 20000));
    const QString writeError = wrote.first().at(1).toString();

    QSignalSpy read(&store, &CredentialStore::readFinished);
    store.read(account);
    REQUIRE(waitFor([&] { return read.count() > 0; }, 20000));

    if (expectKeychain) {
        CHECK(writeError.isEmpty());
        CHECK(read.first().at(1).toString() == token);
        CHECK(read.first().at(2).toString().isEmpty());
        QSignalSpy removed(&store, &CredentialStore::removeFinished);
        store.remove(account);
        REQUIRE(waitFor([&] { return removed.count() > 0; }, 20000));
        QSignalSpy again(&store, &CredentialStore::readFinished);
        store.read(account);
        REQUIRE(waitFor([&] { return again.count() > 0; }, 20000));
        CHECK(again.first().at(1).toString().isEmpty()); // gone: the next start asks to sign in
    } else {
        // No secret service: a clear sentence for the status bar, and no token from anywhere.
        CHECK(writeError.contains(QStringLiteral("keychain")));
        CHECK(read.first().at(1).toString().isEmpty());
    }
}

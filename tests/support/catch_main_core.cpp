// Catch2 runner with a QCoreApplication, so tests can run event loops (network, timers).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OnsiteTests"));
    return Catch::Session().run(argc, argv);
}

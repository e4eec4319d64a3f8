#include "Money.h"

#include <QLocale>
#include <catch2/catch.hpp>

using namespace onsite;

namespace {

struct LocaleScope {
    explicit LocaleScope(const QLocale &l) { QLocale::setDefault(l); }
    ~LocaleScope() { QLocale::setDefault(QLocale::c()); }
};

std::optional<qint64> parse(const char *text, const char *currency, QString *error)
{
    error->clear();
    return Money::parse(QString::fromUtf8(text), QString::fromLatin1(currency), error);
}

} // namespace

TEST_CASE("money: amounts written the en_US way are accepted", "[money]")
{
    LocaleScope scope(QLocale(QLocale::English, QLocale::UnitedStates));
    QString error;
    CHECK(parse("50", "USD", &error) == 5000);
    CHECK(parse("$50", "USD", &error) == 5000);
    CHECK(parse("50 $", "USD", &error) == 5000);
    CHECK(parse("USD 50", "USD", &error) == 5000);
    CHECK(parse("50 usd", "USD", &error) == 5000);
    CHECK(parse("  1,250.50  ", "USD", &error) == 125050);
    CHECK(parse("$1,250.50", "USD", &error) == 125050);
    CHECK(parse("1,250", "USD", &error) == 125000);
    CHECK(parse("1,234,567.89", "USD", &error) == 123456789);
    CHECK(parse("42.5", "USD", &error) == 4250);
    CHECK(parse("€42.50", "EUR", &error) == 4250);
    CHECK(parse("4,250", "JPY", &error) == 4250);
    CHECK(parse("¥4,250", "JPY", &error) == 4250);
    CHECK(parse("1.234", "KWD", &error) == 1234);
    CHECK(error.isEmpty());
}

TEST_CASE("money: amounts written the es_ES way are accepted", "[money]")
{
    LocaleScope scope(QLocale(QLocale::Spanish, QLocale::Spain));
    QString error;
    CHECK(parse("1.250,50", "EUR", &error) == 125050);
    CHECK(parse("1.250,50 €", "EUR", &error) == 125050);
    CHECK(parse("€ 1.250,50", "EUR", &error) == 125050);
    CHECK(parse("EUR 1.250,50", "EUR", &error) == 125050);
    CHECK(parse("1 250,50", "EUR", &error) == 125050);
    CHECK(parse("1.250", "EUR", &error) == 125000);
    CHECK(parse("42,5", "EUR", &error) == 4250);
    CHECK(parse("50 $", "USD", &error) == 5000);
    CHECK(parse("1.250", "JPY", &error) == 1250);
    CHECK(error.isEmpty());
}

TEST_CASE("money: each refusal names what is wrong", "[money]")
{
    for (const QLocale &l : {QLocale(QLocale::English, QLocale::UnitedStates),
                             QLocale(QLocale::Spanish, QLocale::Spain)}) {
        LocaleScope scope(l);
        INFO(l.name().toStdString());
        QString error;
        CHECK_FALSE(parse("-50", "USD", &error));
        CHECK(error.contains(QLatin1String("more than zero")));
        CHECK(error.contains(QLatin1String("negative")));
        CHECK_FALSE(parse("-$50", "USD", &error));
        CHECK(error.contains(QLatin1String("negative")));
        CHECK_FALSE(parse("(50)", "USD", &error));
        CHECK(error.contains(QLatin1String("negative")));

        CHECK_FALSE(parse("abc", "USD", &error));
        CHECK(error.contains(QLatin1String("\"abc\" is not a number")));
        CHECK(error.contains(Money::amount(4250, QStringLiteral("USD")))); // an example
        CHECK_FALSE(parse("", "USD", &error));
        CHECK(error.contains(QLatin1String("Enter an amount")));

        CHECK_FALSE(parse("EUR 50", "USD", &error));
        CHECK(error.contains(QLatin1String("paid in USD")));
        CHECK_FALSE(parse("50 €", "USD", &error));
        CHECK(error.contains(QLatin1String("paid in USD")));

        CHECK_FALSE(parse("1,25,0", "USD", &error));
        CHECK(error.contains(QLatin1String("thousands separators")));
    }
    {
        LocaleScope scope(QLocale(QLocale::English, QLocale::UnitedStates));
        QString error;
        CHECK_FALSE(parse("42.505", "USD", &error));
        CHECK(error.contains(QLatin1String("USD amounts have at most 2 decimal")));
        CHECK(error.contains(QLatin1String("42.50")));
        CHECK_FALSE(parse("42.5", "JPY", &error));
        CHECK(error.contains(QLatin1String("JPY amounts have no decimals")));
        CHECK_FALSE(parse("1.250", "JPY", &error)); // a decimal point in en_US: not 1250 yen
        CHECK(error.contains(QLatin1String("no decimals")));
        CHECK_FALSE(parse("1,250.505", "USD", &error));
        CHECK(error.contains(QLatin1String("USD amounts have at most 2 decimal")));
    }
    {
        LocaleScope scope(QLocale(QLocale::Spanish, QLocale::Spain));
        QString error;
        CHECK_FALSE(parse("42,505", "EUR", &error));
        CHECK(error.contains(QLatin1String("EUR amounts have at most 2 decimal")));
        CHECK(error.contains(QLatin1String("42,50")));
        CHECK_FALSE(parse("42,5", "JPY", &error));
        CHECK(error.contains(QLatin1String("no decimals")));
    }
}

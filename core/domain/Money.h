#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace onsite {

// Amounts are integers in the currency's minor unit (DESIGN §3); how many digits that unit has
// depends on the currency (ISO 4217: JPY 0, USD 2, KWD 3). Formatting never uses floats.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)
public:
    static int decimals(const QString &currency);
    // "USD 1,234.50", "JPY 1,235" in the given locale's separators.
    static QString format(qint64 minorUnits, const QString &currency);
    // The same without the currency: "1,234.50", for a field labelled with it.
    static QString amount(qint64 minorUnits, const QString &currency);
    // An amount as the worker writes it, in minor units: "42.5", "$1,250.50", "50 $", "USD 50"
    // in en_US; "1.250,50 €" in es_ES; spaces anywhere. The locale decides what a lone "1.250"
    // means; more decimals than the currency has, a negative amount, another currency or
    // anything that is not a number is refused with *error saying which (DESIGN §5).
    static std::optional<qint64> parse(const QString &text, const QString &currency,
                                       QString *error);

private:
    struct Reading; // parse()'s work in progress (Money.cpp)
    static void dropCurrency(Reading &r);
    static bool dropSign(Reading &r, QString *error);
    static void normalizeDigits(Reading &r);
    static bool isNumber(const Reading &r);
    static QString notANumber(const Reading &r);
    static void splitFraction(Reading &r);
    static std::optional<qint64> toMinorUnits(Reading &r, QString *error);
};

} // namespace onsite

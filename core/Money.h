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
    // "42.5" or "42,50" (the locale's decimal point or '.') in minor units; no sign, no
    // grouping, at most the currency's decimals. Empty with *error set when it is not that.
    static std::optional<qint64> parse(const QString &text, const QString &currency,
                                       QString *error);
};

} // namespace onsite

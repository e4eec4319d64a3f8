#include "Money.h"

#include <QLocale>
#include <QSet>

namespace onsite {

int Money::decimals(const QString &currency)
{
    static const QSet<QString> none = {
        QStringLiteral("BIF"), QStringLiteral("CLP"), QStringLiteral("DJF"), QStringLiteral("GNF"),
        QStringLiteral("ISK"), QStringLiteral("JPY"), QStringLiteral("KMF"), QStringLiteral("KRW"),
        QStringLiteral("PYG"), QStringLiteral("RWF"), QStringLiteral("UGX"), QStringLiteral("UYI"),
        QStringLiteral("VND"), QStringLiteral("VUV"), QStringLiteral("XAF"), QStringLiteral("XOF"),
        QStringLiteral("XPF")};
    static const QSet<QString> three = {
        QStringLiteral("BHD"), QStringLiteral("IQD"), QStringLiteral("JOD"), QStringLiteral("KWD"),
        QStringLiteral("LYD"), QStringLiteral("OMR"), QStringLiteral("TND")};
    const QString c = currency.toUpper();
    return none.contains(c) ? 0 : three.contains(c) ? 3 : 2;
}

QString Money::format(qint64 minorUnits, const QString &currency)
{
    const QLocale l;
    const int d = decimals(currency);
    qint64 scale = 1;
    for (int i = 0; i < d; ++i)
        scale *= 10;
    const qint64 units = qAbs(minorUnits) / scale;
    QString text = l.toString(units);
    if (d > 0)
        text += l.decimalPoint() +
                QStringLiteral("%1").arg(qAbs(minorUnits) % scale, d, 10, QLatin1Char('0'));
    return tr("%1 %2%3").arg(currency, minorUnits < 0 ? QStringLiteral("-") : QString(), text);
}

} // namespace onsite

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
    return tr("%1 %2").arg(currency, amount(minorUnits, currency));
}

QString Money::amount(qint64 minorUnits, const QString &currency)
{
    const QLocale l;
    const int d = decimals(currency);
    qint64 scale = 1;
    for (int i = 0; i < d; ++i)
        scale *= 10;
    const qint64 units = qAbs(minorUnits) / scale;
    QString text = l.toString(units);
    // Qt 6.4 leaves out the top group separator where the locale wants two digits before
    // grouping starts (es: "1234.567" for 1.234.567); regroup the leading run in threes.
    const QString sep = l.groupSeparator();
    if (const qsizetype first = sep.isEmpty() ? -1 : text.indexOf(sep); first > 3) {
        QString lead = text.left(first);
        for (qsizetype i = lead.size() - 3; i > 0; i -= 3)
            lead.insert(i, sep);
        text = lead + text.mid(first);
    }
    if (d > 0)
        text += l.decimalPoint() +
                QStringLiteral("%1").arg(qAbs(minorUnits) % scale, d, 10, QLatin1Char('0'));
    return minorUnits < 0 ? QStringLiteral("-") + text : text;
}

std::optional<qint64> Money::parse(const QString &text, const QString &currency, QString *error)
{
    const int d = decimals(currency);
    const QString point = QLocale().decimalPoint();
    QString t = text.trimmed();
    if (t.startsWith(currency, Qt::CaseInsensitive))
        t = t.mid(currency.size()).trimmed();
    if (point != QLatin1String("."))
        t.replace(point, QStringLiteral("."));
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    auto digits = [](const QString &s) {
        for (const QChar c : s)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        return true;
    };
    const QString example = amount(4250 * (d == 0 ? 1 : d == 3 ? 10 : 1), currency);
    if (whole.isEmpty() || whole.size() > 12 || !digits(whole) || !digits(fraction) ||
        fraction.size() > d || (dot >= 0 && d == 0)) {
        *error = d == 0 ? tr("Enter a whole amount of %1, like 4250.").arg(currency)
                        : tr("Enter an amount with at most %n decimal(s), like %1.", nullptr, d)
                              .arg(example);
        return std::nullopt;
    }
    qint64 value = whole.toLongLong();
    for (int i = 0; i < d; ++i)
        value = value * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    return value;
}

} // namespace onsite

#include "Money.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

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

namespace {

// Signs written for a currency, besides its ISO code. "$" stands for every dollar (and peso).
const QHash<QString, QStringList> &currencySigns()
{
    static const QHash<QString, QStringList> signs = {
        {QStringLiteral("USD"), {QStringLiteral("US$"), QStringLiteral("$")}},
        {QStringLiteral("CAD"), {QStringLiteral("CA$"), QStringLiteral("C$"), QStringLiteral("$")}},
        {QStringLiteral("AUD"), {QStringLiteral("AU$"), QStringLiteral("A$"), QStringLiteral("$")}},
        {QStringLiteral("NZD"), {QStringLiteral("NZ$"), QStringLiteral("$")}},
        {QStringLiteral("MXN"), {QStringLiteral("MX$"), QStringLiteral("$")}},
        {QStringLiteral("EUR"), {QStringLiteral("€")}},
        {QStringLiteral("GBP"), {QStringLiteral("£")}},
        {QStringLiteral("JPY"), {QStringLiteral("¥"), QStringLiteral("￥"), QStringLiteral("円")}},
        {QStringLiteral("CNY"), {QStringLiteral("¥"), QStringLiteral("元")}},
        {QStringLiteral("INR"), {QStringLiteral("₹")}},
        {QStringLiteral("KRW"), {QStringLiteral("₩")}},
        {QStringLiteral("BRL"), {QStringLiteral("R$")}},
        {QStringLiteral("CHF"), {QStringLiteral("Fr.")}},
    };
    return signs;
}

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

bool allDigits(QStringView s)
{
    for (const QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return !s.isEmpty();
}

// "1,250,000" with `sep`: a first group of 1 to 3 digits, then groups of exactly 3.
bool validGrouping(const QString &whole, QChar sep)
{
    const QStringList groups = whole.split(sep);
    if (groups.size() < 2)
        return allDigits(whole);
    if (!allDigits(groups.first()) || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i)
        if (!allDigits(groups.at(i)) || groups.at(i).size() != 3)
            return false;
    return true;
}

} // namespace

std::optional<qint64> Money::parse(const QString &text, const QString &currency, QString *error)
{
    const QLocale locale;
    const int d = decimals(currency);
    const QString code = currency.toUpper();
    // The examples the messages give, in the locale's own way of writing amounts.
    const QString example = amount(d == 0 ? 4250 : d == 3 ? 42500 : 4250, currency);
    const QString grouped = amount(d == 0 ? 1250 : d == 3 ? 1250500 : 125050, currency);
    auto fail = [error](const QString &message) {
        *error = message;
        return std::optional<qint64>();
    };

    QString t = text.trimmed();
    if (t.isEmpty())
        return fail(tr("Enter an amount, like %1.").arg(example));

    // The currency, as its code or a sign, before or after the number: ours is dropped,
    // another one is refused rather than silently taken as ours.
    QStringList ours = currencySigns().value(code);
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code)
        ours.prepend(locale.currencySymbol(QLocale::CurrencySymbol));
    ours.prepend(code);
    for (const QString &sign : std::as_const(ours)) {
        if (sign.isEmpty())
            continue;
        if (t.startsWith(sign, Qt::CaseInsensitive)) {
            t = t.mid(sign.size()).trimmed();
            break;
        }
        if (t.endsWith(sign, Qt::CaseInsensitive)) {
            t.chop(sign.size());
            t = t.trimmed();
            break;
        }
    }
    // A leading or trailing minus (either sign), or an accountant's parentheses.
    const QString minusSigns = QStringLiteral("-\u2212") + locale.negativeSign();
    if ((!t.isEmpty() && (minusSigns.contains(t.front()) || minusSigns.contains(t.back()))) ||
        (t.startsWith(QLatin1Char('(')) && t.endsWith(QLatin1Char(')'))))
        return fail(tr("The amount must be more than zero: no negative amounts."));
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(locale.positiveSign()))
        t = t.mid(1);

    // What is left must be digits and separators; spaces (and the narrow spaces some locales
    // group with) are dropped.
    QString s;
    for (const QChar c : std::as_const(t)) {
        if (isSpace(c))
            continue;
        if (c.isDigit() && (c < QLatin1Char('0') || c > QLatin1Char('9')))
            s += QChar(u'0' + c.digitValue());
        else
            s += c;
    }
    const QString point = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const QChar dp = point.size() == 1 ? point.at(0) : QLatin1Char('.');
    const QChar gs = group.size() == 1 && !isSpace(group.at(0)) ? group.at(0) : QChar();
    auto isSeparator = [dp, gs](QChar c) {
        return c == QLatin1Char('.') || c == QLatin1Char(',') || c == dp ||
               (!gs.isNull() && c == gs);
    };
    bool number = !s.isEmpty();
    for (const QChar c : std::as_const(s))
        if (!(c >= QLatin1Char('0') && c <= QLatin1Char('9')) && !isSeparator(c))
            number = false;
    if (!number) {
        // Another currency's code or sign beside digits: say which currency the request is in.
        static const QRegularExpression isoCode(
            QStringLiteral("(^|[^A-Za-z])([A-Za-z]{3})($|[^A-Za-z])"));
        bool digits = false;
        for (const QChar c : std::as_const(s))
            digits = digits || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        const auto m = isoCode.match(t);
        if (digits && m.hasMatch() && m.captured(2).toUpper() != code)
            return fail(tr("This assignment is paid in %1: enter the amount in %1, like %2.")
                            .arg(code, example));
        for (auto it = currencySigns().begin(); it != currencySigns().end(); ++it)
            for (const QString &sign : it.value())
                if (digits && !ours.contains(sign) && text.contains(sign))
                    return fail(
                        tr("This assignment is paid in %1: enter the amount in %1, like %2.")
                            .arg(code, example));
        return fail(tr("\"%1\" is not a number. Enter the amount in digits, like %2.")
                        .arg(text.trimmed(), example));
    }

    // Which separator, if any, is the decimal one: the last separator written, when it appears
    // once and cannot be a thousands separator of this locale ("1,250" in English is 1250,
    // "1.250" in Spanish too; "42,5" and "42.5" are 42.50 in both).
    qsizetype last = -1;
    for (qsizetype i = s.size() - 1; i >= 0 && last < 0; --i)
        if (isSeparator(s.at(i)))
            last = i;
    QString whole = s;
    QString fraction;
    bool hasFraction = false;
    if (last >= 0) {
        const QChar c = s.at(last);
        const qsizetype after = s.size() - last - 1;
        const bool once = s.count(c) == 1;
        const bool decimal =
            once && (c == dp || !(c == gs && after == 3 && validGrouping(s.left(last), c)));
        if (decimal) {
            whole = s.left(last);
            fraction = s.mid(last + 1);
            hasFraction = true;
        }
    }
    // Thousands separators in the whole part: one kind, in groups of three.
    QChar sep;
    for (const QChar c : std::as_const(whole))
        if (isSeparator(c))
            sep = c;
    if (whole.isEmpty() && hasFraction && !fraction.isEmpty())
        whole = QStringLiteral("0"); // ".5"
    if (!sep.isNull() && (!validGrouping(whole, sep) || (hasFraction && sep == s.at(last))))
        return fail(tr("Check the thousands separators in \"%1\": write it like %2.")
                        .arg(text.trimmed(), grouped));
    whole.remove(sep);
    if (!allDigits(whole) || (!fraction.isEmpty() && !allDigits(fraction)))
        return fail(tr("\"%1\" is not a number. Enter the amount in digits, like %2.")
                        .arg(text.trimmed(), example));
    if (d == 0 && hasFraction)
        return fail(
            tr("%1 amounts have no decimals: enter a whole amount, like %2.").arg(code, example));
    if (fraction.size() > d)
        return fail(
            tr("%1 amounts have at most %n decimal(s), like %2.", nullptr, d).arg(code, example));
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
        whole.remove(0, 1);
    if (whole.size() > 12)
        return fail(tr("That amount is too large."));
    qint64 value = whole.toLongLong();
    for (int i = 0; i < d; ++i)
        value = value * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    return value;
}

} // namespace onsite

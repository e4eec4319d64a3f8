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

std::optional<qint64> fail(QString *error, const QString &message)
{
    *error = message;
    return std::nullopt;
}

} // namespace

struct Money::Reading {
    QString text;    // as the worker wrote it
    QString code;    // the currency, upper case
    int d = 2;       // its decimals
    QString example; // the examples the messages give, in the locale's way of writing amounts
    QString grouped;
    QLocale locale;
    QStringList ours; // our currency's code and signs
    QString t;        // the text, trimmed, once our currency and a plus sign are dropped
    QString s;        // t without spaces, its digits in ASCII
    QChar dp;         // the locale's decimal point
    QChar gs;         // the locale's group separator; null when it is a space
    QString whole;
    QString fraction;
    bool hasFraction = false;
    qsizetype last = -1; // the last separator in s

    bool isSeparator(QChar c) const
    {
        return c == QLatin1Char('.') || c == QLatin1Char(',') || c == dp ||
               (!gs.isNull() && c == gs);
    }
};

std::optional<qint64> Money::parse(const QString &text, const QString &currency, QString *error)
{
    Reading r;
    r.text = text;
    r.d = decimals(currency);
    r.code = currency.toUpper();
    r.example = amount(r.d == 0 ? 4250 : r.d == 3 ? 42500 : 4250, currency);
    r.grouped = amount(r.d == 0 ? 1250 : r.d == 3 ? 1250500 : 125050, currency);
    r.t = text.trimmed();
    if (r.t.isEmpty())
        return fail(error, tr("Enter an amount, like %1.").arg(r.example));
    dropCurrency(r);
    if (!dropSign(r, error))
        return std::nullopt;
    normalizeDigits(r);
    if (!isNumber(r))
        return fail(error, notANumber(r));
    splitFraction(r);
    return toMinorUnits(r, error);
}

// The currency, as its code or a sign, before or after the number: ours is dropped, another
// one is refused later rather than silently taken as ours.
void Money::dropCurrency(Reading &r)
{
    QStringList &ours = r.ours;
    ours = currencySigns().value(r.code);
    if (r.locale.currencySymbol(QLocale::CurrencyIsoCode) == r.code)
        ours.prepend(r.locale.currencySymbol(QLocale::CurrencySymbol));
    ours.prepend(r.code);
    QString &t = r.t;
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
}

// A leading or trailing minus (either sign), or an accountant's parentheses, is refused; a
// plus is dropped.
bool Money::dropSign(Reading &r, QString *error)
{
    QString &t = r.t;
    const QString minusSigns = QStringLiteral("-\u2212") + r.locale.negativeSign();
    if ((!t.isEmpty() && (minusSigns.contains(t.front()) || minusSigns.contains(t.back()))) ||
        (t.startsWith(QLatin1Char('(')) && t.endsWith(QLatin1Char(')')))) {
        *error = tr("The amount must be more than zero: no negative amounts.");
        return false;
    }
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(r.locale.positiveSign()))
        t = t.mid(1);
    return true;
}

// What is left must be digits and separators; spaces (and the narrow spaces some locales
// group with) are dropped.
void Money::normalizeDigits(Reading &r)
{
    for (const QChar c : std::as_const(r.t)) {
        if (isSpace(c))
            continue;
        if (c.isDigit() && (c < QLatin1Char('0') || c > QLatin1Char('9')))
            r.s += QChar(u'0' + c.digitValue());
        else
            r.s += c;
    }
    const QString point = r.locale.decimalPoint();
    const QString group = r.locale.groupSeparator();
    r.dp = point.size() == 1 ? point.at(0) : QLatin1Char('.');
    r.gs = group.size() == 1 && !isSpace(group.at(0)) ? group.at(0) : QChar();
}

bool Money::isNumber(const Reading &r)
{
    bool number = !r.s.isEmpty();
    for (const QChar c : std::as_const(r.s))
        if (!(c >= QLatin1Char('0') && c <= QLatin1Char('9')) && !r.isSeparator(c))
            number = false;
    return number;
}

// Why the text is not a number: another currency's code or sign beside digits says which
// currency the request is in.
QString Money::notANumber(const Reading &r)
{
    static const QRegularExpression isoCode(
        QStringLiteral("(^|[^A-Za-z])([A-Za-z]{3})($|[^A-Za-z])"));
    bool digits = false;
    for (const QChar c : std::as_const(r.s))
        digits = digits || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    const auto m = isoCode.match(r.t);
    if (digits && m.hasMatch() && m.captured(2).toUpper() != r.code)
        return tr("This assignment is paid in %1: enter the amount in %1, like %2.")
            .arg(r.code, r.example);
    for (auto it = currencySigns().begin(); it != currencySigns().end(); ++it)
        for (const QString &sign : it.value())
            if (digits && !r.ours.contains(sign) && r.text.contains(sign))
                return tr("This assignment is paid in %1: enter the amount in %1, like %2.")
                    .arg(r.code, r.example);
    return tr("\"%1\" is not a number. Enter the amount in digits, like %2.")
        .arg(r.text.trimmed(), r.example);
}

// Which separator, if any, is the decimal one: the last separator written, when it appears
// once and cannot be a thousands separator of this locale ("1,250" in English is 1250,
// "1.250" in Spanish too; "42,5" and "42.5" are 42.50 in both).
void Money::splitFraction(Reading &r)
{
    const QString &s = r.s;
    for (qsizetype i = s.size() - 1; i >= 0 && r.last < 0; --i)
        if (r.isSeparator(s.at(i)))
            r.last = i;
    r.whole = s;
    if (r.last < 0)
        return;
    const QChar c = s.at(r.last);
    const qsizetype after = s.size() - r.last - 1;
    const bool once = s.count(c) == 1;
    const bool decimal =
        once && (c == r.dp || !(c == r.gs && after == 3 && validGrouping(s.left(r.last), c)));
    if (decimal) {
        r.whole = s.left(r.last);
        r.fraction = s.mid(r.last + 1);
        r.hasFraction = true;
    }
}

// The whole part's thousands separators (one kind, in groups of three) and the decimals
// checked, the amount in minor units.
std::optional<qint64> Money::toMinorUnits(Reading &r, QString *error)
{
    QString &whole = r.whole;
    const QString &fraction = r.fraction;
    QChar sep;
    for (const QChar c : std::as_const(whole))
        if (r.isSeparator(c))
            sep = c;
    if (whole.isEmpty() && r.hasFraction && !fraction.isEmpty())
        whole = QStringLiteral("0"); // ".5"
    if (!sep.isNull() && (!validGrouping(whole, sep) || (r.hasFraction && sep == r.s.at(r.last))))
        return fail(error, tr("Check the thousands separators in \"%1\": write it like %2.")
                               .arg(r.text.trimmed(), r.grouped));
    whole.remove(sep);
    if (!allDigits(whole) || (!fraction.isEmpty() && !allDigits(fraction)))
        return fail(error, tr("\"%1\" is not a number. Enter the amount in digits, like %2.")
                               .arg(r.text.trimmed(), r.example));
    if (r.d == 0 && r.hasFraction)
        return fail(error, tr("%1 amounts have no decimals: enter a whole amount, like %2.")
                               .arg(r.code, r.example));
    if (fraction.size() > r.d)
        return fail(error, tr("%1 amounts have at most %n decimal(s), like %2.", nullptr, r.d)
                               .arg(r.code, r.example));
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
        whole.remove(0, 1);
    if (whole.size() > 12)
        return fail(error, tr("That amount is too large."));
    qint64 value = whole.toLongLong();
    for (int i = 0; i < r.d; ++i)
        value = value * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    return value;
}

} // namespace onsite

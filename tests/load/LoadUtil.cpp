#include "LoadUtil.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <cmath>

namespace loadrun {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString emailFor(const QString &pattern, int n)
{
    QString e = pattern;
    return e.replace(QLatin1String("{n}"), QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0')));
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QDateTime parseIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

double uniform(double lo, double hi)
{
    return lo + (hi - lo) * QRandomGenerator::global()->generateDouble();
}

bool chance(double p)
{
    return QRandomGenerator::global()->generateDouble() < p;
}

// Bounded exponential backoff with ±20 % jitter, as core/Backoff, in compressed time: 250 ms,
// 500 ms, 1 s, … at most 30 s.
int backoffMs(int attempt)
{
    const double base = std::min(30000.0, 250.0 * std::pow(2.0, std::min(10, attempt - 1)));
    return int(base * uniform(0.8, 1.2));
}

QByteArray sha256(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
}

QByteArray tusMetadata(const QList<QPair<QString, QString>> &pairs)
{
    QByteArray m;
    for (const auto &p : pairs) {
        if (!m.isEmpty())
            m += ',';
        m += p.first.toLatin1() + ' ' + p.second.toUtf8().toBase64();
    }
    return m;
}

// A PNG-looking file: the signature and an IHDR chunk, then random bytes (every upload unique,
// so the server's "same bytes for the same requirement" rule never merges two of them).
QByteArray pngBytes(int size)
{
    QByteArray b("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    b.reserve(size);
    while (b.size() < size) {
        const quint32 w = QRandomGenerator::global()->generate();
        b.append(reinterpret_cast<const char *>(&w), int(std::min<qsizetype>(4, size - b.size())));
    }
    return b;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 1 : 0);
}

} // namespace loadrun

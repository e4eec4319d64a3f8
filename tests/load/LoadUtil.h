#pragma once

// The load run's small helpers: its output, ids, times, randomness, backoff, tus metadata,
// upload contents and latency figures.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QTextStream>

namespace loadrun {

QTextStream &out();
QString uuid();
QString emailFor(const QString &pattern, int n);
QString iso(const QDateTime &t);
QDateTime parseIso(const QString &s);
double uniform(double lo, double hi);
bool chance(double p);
// Bounded exponential backoff with ±20 % jitter, as core/Backoff, in compressed time: 250 ms,
// 500 ms, 1 s, … at most 30 s.
int backoffMs(int attempt);
QByteArray sha256(const QByteArray &b);
QByteArray tusMetadata(const QList<QPair<QString, QString>> &pairs);
// A PNG-looking file: the signature and an IHDR chunk, then random bytes (every upload unique,
// so the server's "same bytes for the same requirement" rule never merges two of them).
QByteArray pngBytes(int size);
QString ms(double v);

} // namespace loadrun

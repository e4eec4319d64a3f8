#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace onsite {

// Strict, path-aware reading of a JSON object: the first problem is kept, naming the field
// ("schedule.start: expected an ISO 8601 UTC time ending in Z"). Unknown keys are ignored.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path, QString *error);

    bool ok() const { return m_error->isEmpty(); }
    QString path(const QString &key) const;
    void fail(const QString &key, const QString &message);

    // Any text read is at most kMaxString characters (a title, an address, an answer): no
    // field may grow a document without bound.
    static constexpr int kMaxString = 20000;
    QString string(const char *key, bool required = false);
    qint64 integer(const char *key, bool required = false, qint64 min = 0,
                   qint64 max = (qint64(1) << 53));
    bool boolean(const char *key, bool fallback = false);
    QDateTime instant(const char *key, bool required = false);
    QJsonObject object(const char *key, bool required = false);
    QJsonArray array(const char *key, bool required = false);

    template <typename E> E enumeration(const char *key, bool required, E fallback);

    static QDateTime parseInstant(const QString &text);
    static QString formatInstant(const QDateTime &t);

private:
    bool present(const char *key, bool required, QJsonValue *out);

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

} // namespace onsite

#include "Enums.h"

namespace onsite {

template <typename E> E JsonReader::enumeration(const char *key, bool required, E fallback)
{
    const QString s = string(key, required);
    if (s.isEmpty() || !ok())
        return fallback;
    if (auto v = fromWire<E>(s))
        return *v;
    fail(QString::fromLatin1(key), QStringLiteral("unknown value \"%1\"").arg(s));
    return fallback;
}

} // namespace onsite

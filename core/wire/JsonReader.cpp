#include "JsonReader.h"

#include <QTimeZone>
#include <cmath>

namespace onsite {

JsonReader::JsonReader(const QJsonObject &object, QString path, QString *error)
    : m_object(object), m_path(std::move(path)), m_error(error)
{}

QString JsonReader::path(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString &key, const QString &message)
{
    if (m_error->isEmpty())
        *m_error = path(key) + QStringLiteral(": ") + message;
}

bool JsonReader::present(const char *key, bool required, QJsonValue *out)
{
    *out = m_object.value(QLatin1String(key));
    if (out->isUndefined() || out->isNull()) {
        if (required)
            fail(QString::fromLatin1(key), QStringLiteral("is required"));
        return false;
    }
    return true;
}

QString JsonReader::string(const char *key, bool required)
{
    QJsonValue v;
    if (!present(key, required, &v))
        return {};
    if (!v.isString()) {
        fail(QString::fromLatin1(key), QStringLiteral("expected a string"));
        return {};
    }
    const QString text = v.toString();
    if (text.size() > kMaxString) {
        fail(QString::fromLatin1(key), QStringLiteral("longer than %1 characters").arg(kMaxString));
        return {};
    }
    if (required && text.trimmed().isEmpty())
        fail(QString::fromLatin1(key), QStringLiteral("must not be empty"));
    return text;
}

qint64 JsonReader::integer(const char *key, bool required, qint64 min, qint64 max)
{
    QJsonValue v;
    if (!present(key, required, &v))
        return 0;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d) {
        fail(QString::fromLatin1(key), QStringLiteral("expected a whole number"));
        return 0;
    }
    if (d < double(min) || d > double(max)) {
        fail(QString::fromLatin1(key),
             QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return 0;
    }
    return qint64(d);
}

bool JsonReader::boolean(const char *key, bool fallback)
{
    QJsonValue v;
    if (!present(key, false, &v))
        return fallback;
    if (!v.isBool()) {
        fail(QString::fromLatin1(key), QStringLiteral("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

QDateTime JsonReader::instant(const char *key, bool required)
{
    QJsonValue v;
    if (!present(key, required, &v))
        return {};
    const QDateTime t = v.isString() ? parseInstant(v.toString()) : QDateTime();
    if (!t.isValid())
        fail(QString::fromLatin1(key), QStringLiteral("expected an ISO 8601 UTC time ending in Z"));
    return t;
}

QJsonObject JsonReader::object(const char *key, bool required)
{
    QJsonValue v;
    if (!present(key, required, &v))
        return {};
    if (!v.isObject())
        fail(QString::fromLatin1(key), QStringLiteral("expected an object"));
    return v.toObject();
}

QJsonArray JsonReader::array(const char *key, bool required)
{
    QJsonValue v;
    if (!present(key, required, &v))
        return {};
    if (!v.isArray())
        fail(QString::fromLatin1(key), QStringLiteral("expected an array"));
    return v.toArray();
}

QDateTime JsonReader::parseInstant(const QString &text)
{
    // Instants on the wire are UTC and say so; a local or offset time is refused, not guessed.
    if (!text.endsWith(QLatin1Char('Z')) || text.size() < 20)
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    return t.toUTC();
}

QString JsonReader::formatInstant(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime u = t.toUTC();
    return u.time().msec() ? u.toString(Qt::ISODateWithMs) : u.toString(Qt::ISODate);
}

} // namespace onsite

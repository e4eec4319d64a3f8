#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace onsite::server {

// JSON as the server keeps it in text columns (documents, settings, history): compact UTF-8.
class StoredJson
{
public:
    static QString compact(const QJsonObject &o)
    {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    static QJsonObject parse(const QString &text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }
    // `object` (compact JSON of an object, as stored) with its top-level `key` set to
    // `value` (compact JSON), replaced where it is or added at the end: the bytes are
    // scanned, not parsed. Empty when `object` is not an object.
    static QByteArray withKey(const QByteArray &object, QByteArrayView key,
                              const QByteArray &value);
    // The same appended to `out` (no copy of its own); false, with `out` unchanged, when
    // `object` is not an object.
    static bool appendWithKey(QByteArray &out, const QByteArray &object, QByteArrayView key,
                              const QByteArray &value);
};

} // namespace onsite::server

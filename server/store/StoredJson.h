#pragma once

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
};

} // namespace onsite::server

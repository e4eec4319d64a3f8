#pragma once

#include <QJsonObject>
#include <QString>

namespace onsite {

struct Worker {
    qint64 id = 0;
    QString email;
    QString name;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("email"), email},
                {QStringLiteral("name"), name}};
    }
    static Worker fromJson(const QJsonObject &o)
    {
        return {o.value(QStringLiteral("id")).toInteger(),
                o.value(QStringLiteral("email")).toString(),
                o.value(QStringLiteral("name")).toString()};
    }
};

} // namespace onsite

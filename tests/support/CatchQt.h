#pragma once

// Lets Catch2 print Qt values in failure messages.
#include <catch2/catch.hpp>

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <> struct StringMaker<QStringList> {
    static std::string convert(const QStringList &l)
    {
        return "[" + l.join(QStringLiteral(", ")).toStdString() + "]";
    }
};
template <> struct StringMaker<QDateTime> {
    static std::string convert(const QDateTime &t)
    {
        return t.toString(Qt::ISODateWithMs).toStdString();
    }
};
} // namespace Catch

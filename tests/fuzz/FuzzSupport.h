#pragma once

// Shared by the libFuzzer targets of tests/fuzz (built with -DONSITE_FUZZ=ON, see
// scripts/fuzz.sh): reading the input as JSON, the wire round trip the server does when it
// stores a document, and stopping with a message when an invariant breaks.

#include "AssignmentCodec.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace onsite::fuzz {

// Inputs larger than this are not interesting and only slow the run down.
constexpr size_t kMaxInput = 64 * 1024;

// Formatting in the rules depends on the locale; fix it so a crash reproduces anywhere.
inline void initialize()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

[[noreturn]] inline void broken(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "\n=== FUZZ INVARIANT BROKEN: %s\n%s\n", what, qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}

inline std::optional<QJsonObject> parseObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// An assignment the codec accepted must survive what the server does with it: store the
// encoding as compact JSON text, read it back, decode, encode again, and get the same encoding.
// (A stored document that no longer decodes is an assignment nobody can change or sync.)
// `encoded` is AssignmentCodec::toJson of the document.
inline void checkStoredRoundTrip(const QJsonObject &encoded, const char *context)
{
    const QByteArray text = compact(encoded);
    const auto parsed = parseObject(text);
    if (!parsed)
        broken(context, QStringLiteral("the encoded document is not valid JSON text\n") +
                            QString::fromUtf8(text));
    QString error;
    const auto stored = AssignmentCodec::fromJson(*parsed, &error);
    if (!stored)
        broken(context, QStringLiteral("the stored JSON text does not decode: ") + error +
                            QLatin1Char('\n') + QString::fromUtf8(text));
    const QJsonObject again = AssignmentCodec::toJson(*stored);
    if (again != encoded)
        broken(context, QStringLiteral("the stored document changes on a second trip\n") +
                            QString::fromUtf8(text) + QStringLiteral("\n") +
                            QString::fromUtf8(compact(again)));
}

} // namespace onsite::fuzz

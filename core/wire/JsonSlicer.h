#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <optional>

namespace onsite {

// Finds where each item of an array sits in the text of a JSON document, so an item can be kept
// as the bytes that arrived instead of being encoded again. The text must be valid JSON (already
// accepted by QJsonDocument): this only scans its structure.
class JsonSlicer
{
public:
    // The items of the array under `key` in the top-level object, each as a slice of `json`.
    // nullopt when the key is missing, repeated or spelled with escapes, or is not an array.
    static std::optional<QList<QByteArrayView>> arrayItems(QByteArrayView json,
                                                           QLatin1StringView key);
    // The value of the member `key` of the top-level object, as a slice of `json`; an empty
    // slice when there is no such member. nullopt when `json` is not an object, or the key is
    // repeated or spelled with escapes.
    static std::optional<QByteArrayView> memberValue(QByteArrayView json, QLatin1StringView key);
};

} // namespace onsite

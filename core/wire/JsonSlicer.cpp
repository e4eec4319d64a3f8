#include "JsonSlicer.h"

#include <cstring>

namespace onsite {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The index just past the string that opens at json[i], or -1.
qsizetype skipString(QByteArrayView json, qsizetype i)
{
    const char *data = json.data();
    const qsizetype size = json.size();
    for (++i; i < size; ++i) {
        // Strings are most of the text: jump to the next quote and look back for escapes.
        const void *quote = std::memchr(data + i, '"', size_t(size - i));
        if (!quote)
            return -1;
        i = static_cast<const char *>(quote) - data;
        qsizetype backslashes = 0;
        while (data[i - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return i + 1;
    }
    return -1;
}

qsizetype skipSpace(QByteArrayView json, qsizetype i)
{
    while (i < json.size() && isSpace(json[i]))
        ++i;
    return i;
}

// The items of the array that opens at json[open], or nullopt.
std::optional<QList<QByteArrayView>> itemsFrom(QByteArrayView json, qsizetype open)
{
    QList<QByteArrayView> items;
    int depth = 0;
    qsizetype begin = -1;
    qsizetype last = -1; // the last character of the current item
    for (qsizetype i = open + 1; i < json.size(); ++i) {
        const char c = json[i];
        if (isSpace(c))
            continue;
        if (depth == 0 && (c == ',' || c == ']')) {
            if (begin >= 0)
                items.append(json.sliced(begin, last - begin + 1));
            if (c == ']')
                return items;
            begin = -1;
            continue;
        }
        if (begin < 0)
            begin = i;
        if (c == '"') {
            i = skipString(json, i);
            if (i < 0)
                return std::nullopt;
            last = --i;
            continue;
        }
        last = i;
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
    }
    return std::nullopt;
}

} // namespace

std::optional<QByteArrayView> JsonSlicer::memberValue(QByteArrayView json, QLatin1StringView key)
{
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return std::nullopt;
    int depth = 0;
    bool keyNext = false;
    qsizetype found = -1;
    qsizetype foundEnd = -1; // where the found value ends: at the next ',' or '}' of depth 1
    for (; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            const qsizetype end = skipString(json, i);
            if (end < 0)
                return std::nullopt;
            if (depth == 1 && keyNext) {
                keyNext = false;
                const qsizetype colon = skipSpace(json, end);
                if (colon >= json.size() || json[colon] != ':')
                    return std::nullopt; // not an object's member after all
                if (json.sliced(i + 1, end - i - 2) == QByteArrayView(key.data(), key.size())) {
                    if (found >= 0)
                        return std::nullopt; // repeated
                    found = skipSpace(json, colon + 1);
                }
            }
            i = end - 1;
        } else if (c == '{' || c == '[') {
            keyNext = ++depth == 1;
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && found >= 0 && foundEnd < 0)
                foundEnd = i;
        } else if (c == ',' && depth == 1) {
            keyNext = true;
            if (found >= 0 && foundEnd < 0)
                foundEnd = i;
        }
    }
    if (depth != 0)
        return std::nullopt;
    if (found < 0)
        return QByteArrayView();
    qsizetype last = foundEnd - 1;
    while (last > found && isSpace(json[last]))
        --last;
    return json.sliced(found, last - found + 1);
}

std::optional<QList<QByteArrayView>> JsonSlicer::arrayItems(QByteArrayView json,
                                                            QLatin1StringView key)
{
    const auto value = memberValue(json, key);
    if (!value || value->isEmpty() || value->front() != '[')
        return std::nullopt; // missing, repeated, or not an array
    return itemsFrom(json, value->data() - json.data());
}

} // namespace onsite

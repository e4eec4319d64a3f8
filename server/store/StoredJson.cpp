#include "StoredJson.h"

namespace onsite::server {
namespace {

// The end of the JSON value starting at `i` (one past its last byte), for well-formed compact
// JSON: strings are skipped with their escapes, brackets counted.
qsizetype valueEnd(const QByteArray &s, qsizetype i)
{
    int depth = 0;
    bool inString = false;
    for (; i < s.size(); ++i) {
        const char c = s.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            if (!inString && depth == 0)
                return i + 1;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; // a scalar ended by its container
            if (--depth == 0)
                return i + 1;
        } else if (c == ',' && depth == 0) {
            return i;
        }
    }
    return s.size();
}

} // namespace

QByteArray StoredJson::withKey(const QByteArray &object, QByteArrayView key,
                               const QByteArray &value)
{
    if (object.size() < 2 || object.front() != '{' || object.back() != '}')
        return {};
    const QByteArray quoted = '"' + key.toByteArray() + "\":";
    qsizetype i = 1;
    while (i < object.size() - 1) {
        // At a key of the top-level object.
        const qsizetype keyEnd = valueEnd(object, i);
        if (keyEnd >= object.size() || object.at(keyEnd) != ':')
            return {};
        const qsizetype end = valueEnd(object, keyEnd + 1);
        if (QByteArrayView(object).sliced(i, keyEnd + 1 - i) == quoted)
            return object.left(keyEnd + 1) + value + object.mid(end);
        i = end + 1; // past the comma
    }
    const bool empty = object.size() == 2;
    return object.left(object.size() - 1) + (empty ? "" : ",") + quoted + value + '}';
}

} // namespace onsite::server

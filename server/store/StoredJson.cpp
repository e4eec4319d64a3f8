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
    QByteArray out;
    out.reserve(object.size() + value.size() + key.size() + 4);
    return appendWithKey(out, object, key, value) ? out : QByteArray();
}

bool StoredJson::appendWithKey(QByteArray &out, const QByteArray &object, QByteArrayView key,
                               const QByteArray &value)
{
    if (object.size() < 2 || object.front() != '{' || object.back() != '}')
        return false;
    const QByteArrayView whole(object);
    qsizetype i = 1;
    while (i < object.size() - 1) {
        // At a key of the top-level object.
        const qsizetype keyEnd = valueEnd(object, i);
        if (keyEnd >= object.size() || object.at(keyEnd) != ':')
            return false;
        const qsizetype end = valueEnd(object, keyEnd + 1);
        const QByteArrayView name = whole.sliced(i, keyEnd - i);
        if (name.size() == key.size() + 2 && name.sliced(1, key.size()) == key) {
            out.append(whole.first(keyEnd + 1)).append(value).append(whole.sliced(end));
            return true;
        }
        i = end + 1; // past the comma
    }
    out.append(whole.first(object.size() - 1));
    if (object.size() > 2)
        out.append(',');
    out.append('"').append(key).append("\":").append(value).append('}');
    return true;
}

} // namespace onsite::server

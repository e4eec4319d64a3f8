#include "StoredJson.h"

#include "JsonSlicer.h"

namespace onsite::server {

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
    const QByteArrayView whole(object);
    const auto current = JsonSlicer::memberValue(whole, QLatin1StringView(key.data(), key.size()));
    if (!current || whole.back() != '}')
        return false;
    if (!current->isEmpty()) {
        const qsizetype at = current->data() - whole.data();
        out.append(whole.first(at)).append(value).append(whole.sliced(at + current->size()));
        return true;
    }
    out.append(whole.first(whole.size() - 1));
    if (whole.trimmed().size() > 2)
        out.append(',');
    out.append('"').append(key).append("\":").append(value).append('}');
    return true;
}

} // namespace onsite::server

#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace onsite {

// The bits of tus 1.0.0 (https://tus.io/protocols/resumable-upload) both the upload engine and
// the server speak.
namespace Tus {

inline constexpr char kVersion[] = "1.0.0";
inline constexpr char kExtensions[] = "creation,checksum,termination,expiration";
inline constexpr char kChecksumAlgorithms[] = "sha1,sha256";
// Our own header on OPTIONS: the largest PATCH body the server takes (DESIGN §2: ≤ 8 MiB).
inline constexpr char kChunkSizeHeader[] = "Onsite-Chunk-Size";
// On the PATCH that completes an upload: the deliverable it became.
inline constexpr char kDeliverableHeader[] = "Onsite-Deliverable-Id";
inline constexpr qint64 kMaxChunk = 8 * 1024 * 1024;

// "key base64(value),key2 base64(value2)"
inline QByteArray encodeMetadata(const QMap<QString, QString> &m)
{
    QByteArray out;
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (!out.isEmpty())
            out += ',';
        out += it.key().toLatin1();
        if (!it.value().isEmpty())
            out += ' ' + it.value().toUtf8().toBase64();
    }
    return out;
}

// false when a pair is malformed (bad key, bad base64, a key twice).
inline bool decodeMetadata(const QByteArray &header, QMap<QString, QString> *out)
{
    out->clear();
    if (header.trimmed().isEmpty())
        return true;
    for (const QByteArray &pair : header.split(',')) {
        const QList<QByteArray> kv = pair.trimmed().split(' ');
        if (kv.isEmpty() || kv.size() > 2 || kv.at(0).isEmpty())
            return false;
        const QString key = QString::fromLatin1(kv.at(0));
        if (out->contains(key))
            return false;
        QString value;
        if (kv.size() == 2) {
            const auto decoded =
                QByteArray::fromBase64Encoding(kv.at(1), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return false;
            value = QString::fromUtf8(*decoded);
        }
        out->insert(key, value);
    }
    return true;
}

} // namespace Tus
} // namespace onsite

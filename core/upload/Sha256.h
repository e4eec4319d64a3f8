#pragma once

#include <QByteArray>
#include <memory>

namespace onsite {

// SHA-256 of files that may be gigabytes: OpenSSL's (hardware-assisted, ~1 GB/s here) where the
// build found it, Qt's portable one (~0.1 GB/s) otherwise. Same answers either way.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, qint64 size);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    QByteArray result(); // raw 32 bytes; the object is spent afterwards

    static QByteArray hash(const QByteArray &data);
    static QByteArray hex(const QByteArray &data) { return hash(data).toHex(); }

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace onsite

#include "Sha256.h"

#ifdef ONSITE_HAVE_OPENSSL
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace onsite {

#ifdef ONSITE_HAVE_OPENSSL
struct Sha256::State {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : d(new State)
{
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr);
}

void Sha256::addData(const char *data, qint64 size)
{
    EVP_DigestUpdate(d->ctx, data, size_t(size));
}

QByteArray Sha256::result()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, reinterpret_cast<unsigned char *>(out.data()), &len);
    return out;
}
#else
struct Sha256::State {
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

Sha256::Sha256() : d(new State) {}

void Sha256::addData(const char *data, qint64 size)
{
    d->hash.addData(QByteArrayView(data, size));
}

QByteArray Sha256::result()
{
    return d->hash.result();
}
#endif

Sha256::~Sha256() = default;

QByteArray Sha256::hash(const QByteArray &data)
{
    Sha256 h;
    h.addData(data);
    return h.result();
}

} // namespace onsite

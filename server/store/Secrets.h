#pragma once

#include <QByteArray>
#include <QString>

namespace onsite::server {

// Passwords as Argon2id hashes (libsodium); tokens as random opaque strings, stored only as
// their SHA-256 so a copy of the database signs nobody in.
class Secrets
{
public:
    static bool init();
    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    static QString newToken(const char *prefix);
    static QString tokenHash(const QString &token);
};

} // namespace onsite::server

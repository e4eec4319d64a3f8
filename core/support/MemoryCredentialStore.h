#pragma once

#include "CredentialStore.h"

#include <QHash>

namespace onsite {

// Keeps secrets for this run only: for the throwaway demo session (whose server vanishes on
// exit, so there is nothing worth putting in the keychain) and for tests.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;
    void remove(const QString &account) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace onsite

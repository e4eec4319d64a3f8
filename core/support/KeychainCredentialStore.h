#pragma once

#include "CredentialStore.h"

namespace onsite {

class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;
    void remove(const QString &account) override;
};

} // namespace onsite

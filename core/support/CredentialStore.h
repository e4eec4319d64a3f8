#pragma once

#include <QObject>

namespace onsite {

// Where the worker's session token is kept between runs. The real one is the system keychain
// (KeychainCredentialStore); the token never goes to a plain file. Answers arrive as signals
// because keychains may ask the user or talk over D-Bus.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void read(const QString &account) = 0;
    virtual void write(const QString &account, const QString &secret) = 0;
    virtual void remove(const QString &account) = 0;

Q_SIGNALS:
    // error is empty on success; secret is empty when nothing is stored.
    void readFinished(const QString &account, const QString &secret, const QString &error);
    void writeFinished(const QString &account, const QString &error);
    void removeFinished(const QString &account, const QString &error);
};

} // namespace onsite

#include "MemoryCredentialStore.h"

#include <QTimer>

namespace onsite {

// Answers arrive on the next event-loop turn, like a real keychain's.
void MemoryCredentialStore::read(const QString &account)
{
    QTimer::singleShot(0, this, [this, account] {
        Q_EMIT readFinished(account, m_secrets.value(account), QString());
    });
}

void MemoryCredentialStore::write(const QString &account, const QString &secret)
{
    m_secrets.insert(account, secret);
    QTimer::singleShot(0, this, [this, account] { Q_EMIT writeFinished(account, QString()); });
}

void MemoryCredentialStore::remove(const QString &account)
{
    m_secrets.remove(account);
    QTimer::singleShot(0, this, [this, account] { Q_EMIT removeFinished(account, QString()); });
}

} // namespace onsite

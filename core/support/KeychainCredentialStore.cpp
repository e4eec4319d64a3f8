#include "KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

namespace onsite {
namespace {

const QString kService = QStringLiteral("Onsite");

QString describe(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainCredentialStore::tr(
            "No system keychain is available, so your sign-in is kept only until you quit.");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeychainCredentialStore::tr("Access to the system keychain was denied.");
    default:
        return KeychainCredentialStore::tr("The system keychain failed: %1")
            .arg(job->errorString());
    }
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject *parent) : CredentialStore(parent) {}

void KeychainCredentialStore::read(const QString &account)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account] {
        Q_EMIT readFinished(account, job->error() ? QString() : job->textData(), describe(job));
    });
    job->start();
}

void KeychainCredentialStore::write(const QString &account, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(account);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, account] { Q_EMIT writeFinished(account, describe(job)); });
    job->start();
}

void KeychainCredentialStore::remove(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, account] { Q_EMIT removeFinished(account, describe(job)); });
    job->start();
}

} // namespace onsite

#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace onsite::server {

// Companies, workers, their tokens and sessions: who is asking. Sign-in counts failures per
// email and per address in the database, so every server process sees the same count.
class Accounts
{
public:
    static constexpr int kMaxSignInFailures = 5;
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000;

    static qint64 createCompany(const QString &name, const QJsonObject &settings, ApiError *err);
    static qint64 createWorker(const QString &email, const QString &name, const QString &password,
                               ApiError *err);
    static QString createCompanyToken(qint64 companyId, ApiError *err);
    static QString companyName(qint64 companyId); // empty: no such company
    static std::optional<qint64> companyForToken(const QString &token);
    static std::optional<qint64> workerForToken(const QString &token);
    static QJsonObject worker(qint64 workerId);
    static std::optional<qint64> workerIdByEmail(const QString &email);

    // Sign-in: {token, worker} or an error (401 bad credentials, 429 too many failures).
    static QJsonObject signIn(const QString &email, const QString &password, const QString &peer,
                              ApiError *err);
    static void signOut(const QString &token);
};

} // namespace onsite::server

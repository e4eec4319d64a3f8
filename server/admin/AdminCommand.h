#pragma once

#include <QDateTime>
#include <QStringList>
#include <QTextStream>

namespace onsite::server {

// `onsite-server admin ...`: what an operator or a client company does from a shell, on the
// same stores (Accounts, AssignmentStore, OperationLog) as the HTTP API.
class AdminCommand
{
public:
    static int run(const QStringList &args);

private:
    // The company's decisions: pending, decide-request, approve, mark-paid, cancel.
    static int decisions(const QStringList &args, const QDateTime &now, QTextStream &out);
    static int attach(qint64 companyId, qint64 id, const QString &path, const QDateTime &now,
                      QTextStream &out);
};

} // namespace onsite::server

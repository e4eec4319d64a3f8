#pragma once

#include <QStringList>

namespace onsite::server {

// `onsite-server admin ...`: what an operator or a client company does from a shell, on the
// same ServerStore as the HTTP API.
class AdminCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace onsite::server

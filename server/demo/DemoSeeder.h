#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace onsite::server {

// The demo world of DESIGN §6, with every time relative to `now` so there is always something
// upcoming, in progress and late. Seeds only an empty database; either way hands out a fresh
// token for each demo company (name, token).
class DemoSeeder
{
public:
    static bool seed(const QDateTime &now, QList<QPair<QString, QString>> *companyTokens,
                     QString *error);
};

} // namespace onsite::server

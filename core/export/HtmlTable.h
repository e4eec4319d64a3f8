#pragma once

#include <QList>
#include <QStringList>

namespace onsite {

// The bordered tables of printed documents (timesheet, assignment record): a header row and
// rows of plain-text cells, escaped here.
class HtmlTable
{
public:
    static QString bordered(const QStringList &headers, const QList<QStringList> &rows);
};

} // namespace onsite

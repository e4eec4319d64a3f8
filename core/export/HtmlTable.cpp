#include "HtmlTable.h"

namespace onsite {

QString HtmlTable::bordered(const QStringList &headers, const QList<QStringList> &rows)
{
    QString h =
        QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>");
    for (const QString &c : headers)
        h += QStringLiteral("<th>%1</th>").arg(c.toHtmlEscaped());
    h += QStringLiteral("</tr>");
    for (const QStringList &r : rows) {
        h += QStringLiteral("<tr>");
        for (const QString &c : r)
            h += QStringLiteral("<td>%1</td>").arg(c.toHtmlEscaped());
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

} // namespace onsite

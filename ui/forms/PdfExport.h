#pragma once

#include <QString>

namespace onsite {

// Prints HTML (a timesheet, an assignment record) to an A4 PDF. Safe off the UI thread: it
// paints on a QPdfWriter, never on a widget.
class PdfExport
{
public:
    static bool write(const QString &html, const QString &title, const QString &path,
                      QString *error);
};

} // namespace onsite

#include "PdfExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace onsite {

bool PdfExport::write(const QString &html, const QString &title, const QString &path,
                      QString *error)
{
    // Written beside the target and renamed at the end, so a failed export leaves no half file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("Onsite"));
        pdf.setResolution(300);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        QTextDocument doc;
        doc.setDefaultStyleSheet(QStringLiteral("th{background:#eeeeee;text-align:left;}"
                                                "h1{font-size:16pt;} h2{font-size:13pt;}"));
        doc.setHtml(html);
        QFont f = doc.defaultFont();
        f.setPointSizeF(9);
        doc.setDefaultFont(f);
        doc.print(&pdf);
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace onsite

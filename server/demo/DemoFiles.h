#pragma once

#include <QByteArray>
#include <QString>

namespace onsite::server {

// Small real files for the demo's deliverables, so the app can open them and show thumbnails:
// a PNG "photo" (a coloured test card, built by hand: the server has no image library) and
// one-page PDFs (a sign-off sheet; the client's work order).
class DemoFiles
{
public:
    static QByteArray photo(int variant);
    static QByteArray signOffSheet(const QString &title);
    // A client company's one-page work order (a document attached to an assignment).
    static QByteArray workOrder(const QString &title, const QString &company,
                                const QString &address);
};

} // namespace onsite::server

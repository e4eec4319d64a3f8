#pragma once

#include <QByteArray>
#include <QString>

namespace onsite::server {

// Small real files for the demo's deliverables, so the app can open them and show thumbnails:
// a PNG "photo" (a coloured test card, built by hand: the server has no image library) and a
// one-page PDF sign-off sheet.
class DemoFiles
{
public:
    static QByteArray photo(int variant);
    static QByteArray signOffSheet(const QString &title);
};

} // namespace onsite::server

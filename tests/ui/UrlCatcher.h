#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

namespace onsite::test {

// Stands in for the system's programs (maps, phone, mail, a document viewer): registered with
// QDesktopServices::setUrlHandler(scheme, &catcher, "open"), it records what it was asked to
// open.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace onsite::test

// A drag source in its own process, for the real-window tests: a small window that, on a mouse
// press, starts a QDrag carrying the files named on its command line. Driven by xdotool, it
// makes the X server carry a real XDND drag into Onsite, which offscreen QTest events skip.
// Prints "ready" once shown and "drag finished: ACTION" after each drag, for the test's log.

#include <QApplication>
#include <QDrag>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

namespace {

class DragSource : public QLabel
{
public:
    explicit DragSource(QList<QUrl> urls) : m_urls(std::move(urls))
    {
        setWindowTitle(QStringLiteral("onsite-drag-source"));
        setText(QStringLiteral("Drag %1 file(s) from here").arg(m_urls.size()));
        setAlignment(Qt::AlignCenter);
        resize(220, 120);
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        auto *mime = new QMimeData;
        mime->setUrls(m_urls);
        auto *drag = new QDrag(this);
        drag->setMimeData(mime);
        const Qt::DropAction action = drag->exec(Qt::CopyAction);
        QTextStream(stdout) << "drag finished: " << (action == Qt::CopyAction ? "copy" : "ignored")
                            << Qt::endl;
    }

private:
    QList<QUrl> m_urls;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments().mid(1);
    QList<QUrl> urls;
    for (const QString &arg : args)
        urls << QUrl::fromLocalFile(QFileInfo(arg).absoluteFilePath());
    if (urls.isEmpty()) {
        QTextStream(stderr) << "usage: onsite_drag_source FILE...\n";
        return 2;
    }
    DragSource window(urls);
    window.show();
    // Once the window is on screen, so the test can wait for this line instead of sleeping.
    QTimer::singleShot(0, &window, [] { QTextStream(stdout) << "ready" << Qt::endl; });
    return app.exec();
}

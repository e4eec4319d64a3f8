#pragma once

#include <QLabel>

class QTimer;

namespace onsite {

// The status bar's notice (a sync's result, a refused change, a reminder): one line, as much
// of the text as fits ending in "…", the whole text in its tooltip. It never widens the window
// (a 1024-pixel laptop) and takes the room the permanent status widgets leave.
class StatusNotice : public QLabel
{
    Q_OBJECT
public:
    explicit StatusNotice(QWidget *parent = nullptr);
    // Shows `text` for `timeoutMs` (0: until the next one); an empty text clears the notice.
    void showMessage(const QString &text, int timeoutMs = 0);
    QString message() const { return m_message; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_message;
    QTimer *m_timeout;
};

} // namespace onsite

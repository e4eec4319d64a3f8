#pragma once

#include <QObject>

class QAbstractItemView;
class QTextEdit;

namespace onsite {

// Makes a list, table or text view exactly as tall as what it shows, for views inside a page
// that scrolls as a whole: a view with its own scroll bar inside a scrolling page hides rows
// (visit notes, the fifth line of a description) that the worker then never sees.
class FitToContents : public QObject
{
    Q_OBJECT
public:
    // `minimumRows`: the height kept when the view is empty or short (in rows of its font).
    static void apply(QAbstractItemView *view, int minimumRows = 1);
    static void apply(QTextEdit *text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FitToContents(QWidget *view, int minimumRows);
    void refit();

    QWidget *m_view;
    int m_minimumRows;
    bool m_pending = false;
};

} // namespace onsite

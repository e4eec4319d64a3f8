#include "FitToContents.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>

namespace onsite {

FitToContents::FitToContents(QWidget *view, int minimumRows)
    : QObject(view), m_view(view), m_minimumRows(minimumRows)
{
    auto *area = static_cast<QAbstractScrollArea *>(view);
    area->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    area->viewport()->installEventFilter(this);
    view->installEventFilter(this);
}

void FitToContents::apply(QAbstractItemView *view, int minimumRows)
{
    auto *fit = new FitToContents(view, minimumRows);
    auto later = [fit] {
        // Row heights are known only once the view has laid its rows out.
        if (fit->m_pending)
            return;
        fit->m_pending = true;
        QTimer::singleShot(0, fit, [fit] {
            fit->m_pending = false;
            fit->refit();
        });
    };
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, fit, later);
    connect(model, &QAbstractItemModel::rowsInserted, fit, later);
    connect(model, &QAbstractItemModel::rowsRemoved, fit, later);
    connect(model, &QAbstractItemModel::layoutChanged, fit, later);
    connect(model, &QAbstractItemModel::dataChanged, fit, later);
    fit->refit();
}

void FitToContents::apply(QTextEdit *text)
{
    auto *fit = new FitToContents(text, 2);
    connect(text->document(), &QTextDocument::contentsChanged, fit, &FitToContents::refit);
    fit->refit();
}

void FitToContents::refit()
{
    auto *area = static_cast<QAbstractScrollArea *>(m_view);
    const int frame = 2 * area->frameWidth();
    const int line = m_view->fontMetrics().height();
    int height = 0;
    if (auto *text = qobject_cast<QTextEdit *>(m_view)) {
        QTextDocument *doc = text->document();
        doc->setTextWidth(area->viewport()->width());
        height = int(doc->size().height()) + frame + 2;
        height = qMax(height, m_minimumRows * line + frame);
    } else if (auto *view = qobject_cast<QAbstractItemView *>(m_view)) {
        int rows = 0;
        if (auto *table = qobject_cast<QTableView *>(view)) {
            table->resizeRowsToContents();
            rows = table->verticalHeader()->length();
            if (table->horizontalHeader()->isVisible())
                height += table->horizontalHeader()->height();
        } else {
            for (int r = 0; r < view->model()->rowCount(view->rootIndex()); ++r)
                rows += view->sizeHintForRow(r);
        }
        const int minimum = m_minimumRows * (line + 8);
        height += qMax(rows, minimum) + frame;
        if (area->horizontalScrollBar()->isVisible())
            height += area->horizontalScrollBar()->height();
    }
    if (m_view->height() != height)
        m_view->setFixedHeight(height);
}

bool FitToContents::eventFilter(QObject *watched, QEvent *event)
{
    // A new width rewraps text; a shown view measures its header for the first time.
    if ((event->type() == QEvent::Resize && watched != m_view) ||
        (event->type() == QEvent::Show && watched == m_view))
        refit();
    return QObject::eventFilter(watched, event);
}

} // namespace onsite

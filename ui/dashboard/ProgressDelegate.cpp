#include "ProgressDelegate.h"

#include "DashboardModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace onsite {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    // The count sits beside the bar in the cell's own text colour: text drawn over a bar is
    // half white on blue and half dark on grey, hard to read in either half.
    const QString text = index.data(Qt::DisplayRole).toString();
    const QRect cell = option.rect.adjusted(4, 4, -4, -4);
    const int textWidth = option.fontMetrics.horizontalAdvance(text) + 6;
    QStyleOptionProgressBar bar;
    bar.rect = cell.adjusted(0, 0, -textWidth, 0);
    bar.minimum = 0;
    bar.maximum = qMax(1, index.data(DashboardModel::RequiredRole).toInt());
    bar.progress = qMin(bar.maximum, index.data(DashboardModel::DoneRole).toInt());
    bar.textVisible = false;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    painter->save();
    painter->setPen(option.palette.color(
        option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(cell.adjusted(cell.width() - textWidth, 0, 0, 0),
                      Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int text = option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString());
    return {text + 6 + 40 + 8, QStyledItemDelegate::sizeHint(option, index).height()};
}

} // namespace onsite

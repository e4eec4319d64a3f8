#include "TransferDelegate.h"

#include "DeliverablesModel.h"

#include <QApplication>
#include <QStyleOptionProgressBar>

namespace onsite {

void TransferDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    using S = DeliverablesModel::RowState;
    const auto state = S(index.data(DeliverablesModel::StateRole).toInt());
    if (state != S::Uploading && state != S::Hashing && state != S::Queued) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);
    // Bars count in KiB so files over 2 GiB fit the int range.
    const qint64 total = index.data(DeliverablesModel::TotalRole).toLongLong();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = state == S::Hashing ? 0 : int(qMax<qint64>(1, total / 1024));
    bar.progress = int(index.data(DeliverablesModel::SentRole).toLongLong() / 1024);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

} // namespace onsite

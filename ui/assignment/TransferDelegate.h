#pragma once

#include <QStyledItemDelegate>

namespace onsite {

// A file's state in the deliverables list: a progress bar while it is prepared or sent,
// the state's text otherwise.
class TransferDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace onsite

#include "ChipDelegate.h"

#include "Assignment.h"
#include "DashboardModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace onsite {

ChipDelegate::ChipDelegate(Kind kind, QObject *parent) : QStyledItemDelegate(parent), m_kind(kind)
{}

QColor ChipDelegate::statusColor(int status)
{
    switch (AssignmentStatus(status)) {
    case AssignmentStatus::Assigned:
        return QColor(0x1f, 0x6f, 0xb5); // blue
    case AssignmentStatus::InProgress:
        return QColor(0xe0, 0x7b, 0x00); // orange
    case AssignmentStatus::Submitted:
        return QColor(0x7b, 0x4f, 0xb8); // purple
    case AssignmentStatus::Approved:
        return QColor(0x2e, 0x7d, 0x32); // green
    case AssignmentStatus::Paid:
        return QColor(0x1b, 0x5e, 0x20); // dark green
    case AssignmentStatus::Cancelled:
        return QColor(0x75, 0x75, 0x75); // grey
    }
    return Qt::gray;
}

void ChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QStringList texts;
    QColor color;
    if (m_kind == Kind::Status) {
        texts << index.data(Qt::DisplayRole).toString();
        color = statusColor(index.data(DashboardModel::StatusRole).toInt());
    } else {
        texts = index.data(DashboardModel::LabelsRole).toStringList();
        color = QColor(0xc6, 0x28, 0x28);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = opt.font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    f.setBold(true);
    painter->setFont(f);
    const QFontMetrics fm(f);
    int x = opt.rect.left() + 4;
    const int h = fm.height() + 4;
    const int y = opt.rect.center().y() - h / 2;
    for (const QString &full : texts) {
        // A chip that does not fit is shortened with an ellipsis, never dropped: the colour
        // alone must not carry the meaning.
        const int room = opt.rect.right() - 4 - x;
        if (room < fm.horizontalAdvance(QStringLiteral("W…")) + 12)
            break;
        const QString t = fm.elidedText(full, Qt::ElideRight, room - 12);
        const int w = fm.horizontalAdvance(t) + 12;
        const QRect chip(x, y, w, h);
        QPainterPath path;
        path.addRoundedRect(chip, h / 2.0, h / 2.0);
        painter->fillPath(path, color);
        painter->setPen(Qt::white);
        painter->drawText(chip, Qt::AlignCenter, t);
        x += w + 4;
    }
    painter->restore();
}

QSize ChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    // Measured in the chips' own (bold) font, with paint()'s margins: a chip given its
    // width is never shortened.
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    f.setBold(true);
    const QFontMetrics fm(f);
    int w = 4 + 4 + 1;
    const QStringList texts = m_kind == Kind::Status
                                  ? QStringList{index.data(Qt::DisplayRole).toString()}
                                  : index.data(DashboardModel::LabelsRole).toStringList();
    for (const QString &t : texts)
        w += fm.horizontalAdvance(t) + 12 + 4;
    return {qMax(s.width(), w), qMax(s.height(), fm.height() + 10)};
}

} // namespace onsite

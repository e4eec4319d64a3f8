#pragma once

#include <QStyledItemDelegate>

namespace onsite {

// Paints a cell as rounded "chips": the status column as one coloured chip, the labels column
// as one red chip per label. Colours carry meaning, so each chip also has its text.
class ChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Kind { Status, Labels };
    ChipDelegate(Kind kind, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor statusColor(int status);

private:
    Kind m_kind;
};

} // namespace onsite

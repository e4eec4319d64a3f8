#pragma once

#include <QStyledItemDelegate>

namespace onsite {

// Edits an instant as the wall-clock time of the site's time zone (TimeLogModel::UtcRole and
// TimeZoneRole), whatever zone this computer is in, and hands back UTC.
class SiteDateTimeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace onsite

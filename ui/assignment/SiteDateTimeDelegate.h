#pragma once

#include <QStyledItemDelegate>

namespace onsite {

class Clock;

// Edits an instant as the wall-clock time of the site's time zone (TimeLogModel::UtcRole and
// TimeZoneRole), whatever zone this computer is in, and hands back UTC. An empty time (a visit
// still open) starts from the clock's "now".
class SiteDateTimeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SiteDateTimeDelegate(const Clock *clock, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    const Clock *m_clock;
};

} // namespace onsite

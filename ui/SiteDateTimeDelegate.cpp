#include "SiteDateTimeDelegate.h"

#include "SiteTime.h"
#include "TimeLogModel.h"

#include <QDateTimeEdit>
#include <QTimeZone>

namespace onsite {

QWidget *SiteDateTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    edit->setTimeSpec(Qt::UTC); // holds the site's wall-clock time, converted on the way out
    edit->setAccessibleName(
        tr("Time at the site (%1)").arg(index.data(TimeLogModel::TimeZoneRole).toString()));
    return edit;
}

void SiteDateTimeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    QDateTime utc = index.data(TimeLogModel::UtcRole).toDateTime();
    if (!utc.isValid())
        utc = QDateTime::currentDateTimeUtc();
    const QDateTime site = SiteTime::inZone(utc, index.data(TimeLogModel::TimeZoneRole).toString());
    static_cast<QDateTimeEdit *>(editor)->setDateTime(QDateTime(site.date(), site.time(), Qt::UTC));
}

void SiteDateTimeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    const QDateTime wall = static_cast<QDateTimeEdit *>(editor)->dateTime();
    const QTimeZone zone(index.data(TimeLogModel::TimeZoneRole).toString().toUtf8());
    const QDateTime utc = QDateTime(wall.date(), wall.time(), zone).toUTC();
    model->setData(index, utc, Qt::EditRole);
}

} // namespace onsite

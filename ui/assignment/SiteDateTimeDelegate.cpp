#include "SiteDateTimeDelegate.h"

#include "Clock.h"
#include "SiteTime.h"
#include "TimeLogModel.h"

#include <QDateTimeEdit>
#include <QSignalBlocker>
#include <QTimeZone>

namespace onsite {

namespace {
// Set once the worker changes the editor's value. An editor opened and left (Tab walks into
// the next cell and out again) writes nothing: an empty check-out is prefilled with "now" only
// as a starting point for typing, never as a value of its own.
constexpr char kTouched[] = "onsiteTouched";
} // namespace

SiteDateTimeDelegate::SiteDateTimeDelegate(const Clock *clock, QObject *parent)
    : QStyledItemDelegate(parent), m_clock(clock)
{}

QWidget *SiteDateTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    edit->setTimeSpec(Qt::UTC); // holds the site's wall-clock time, converted on the way out
    edit->setAccessibleName(
        tr("Time at the site (%1)").arg(index.data(TimeLogModel::TimeZoneRole).toString()));
    connect(edit, &QDateTimeEdit::dateTimeChanged, edit,
            [edit] { edit->setProperty(kTouched, true); });
    return edit;
}

void SiteDateTimeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // What the worker has typed stays: the view hands a refreshed row (a sync arriving, the
    // "not sent yet" marker clearing) to the open editor, which would overwrite the typing.
    if (editor->property(kTouched).toBool())
        return;
    QDateTime utc = index.data(TimeLogModel::UtcRole).toDateTime();
    if (!utc.isValid())
        utc = m_clock->now();
    auto *edit = static_cast<QDateTimeEdit *>(editor);
    const QSignalBlocker quiet(edit);
    // The editor shows minutes: seconds it cannot show must not ride along into a typed time.
    edit->setDateTime(
        SiteTime::editorWallTime(utc, index.data(TimeLogModel::TimeZoneRole).toString()));
    edit->setProperty(kTouched, false);
}

void SiteDateTimeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    if (!editor->property(kTouched).toBool())
        return;
    const QDateTime utc =
        SiteTime::fromEditorWallTime(static_cast<QDateTimeEdit *>(editor)->dateTime(),
                                     index.data(TimeLogModel::TimeZoneRole).toString());
    model->setData(index, utc, Qt::EditRole);
}

} // namespace onsite

#include "VisitsSection.h"

#include "Clock.h"
#include "FitToContents.h"
#include "MessageBox.h"
#include "Rules.h"
#include "SiteDateTimeDelegate.h"
#include "SiteTime.h"
#include "TimeLogModel.h"
#include "TimeOnSite.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace onsite {

VisitsSection::VisitsSection(const Clock *clock, QWidget *page)
    : QObject(page), m_clock(clock), m_page(page), m_confirm(new QPushButton(page)),
      m_checkIn(new QPushButton(tr("Check &in"), page)),
      m_checkOut(new QPushButton(tr("Check &out"), page)), m_phone(new QLabel(page)),
      m_model(new TimeLogModel(this)), m_view(new QTableView(page)),
      m_delete(new QPushButton(tr("&Delete visit…"), page)), m_title(new QLabel(page)),
      m_onSite(new QLabel(page)), m_tick(new QTimer(this))
{
    m_confirm->setAccessibleName(tr("Confirm schedule"));
    m_checkIn->setAccessibleName(tr("Check in"));
    m_checkOut->setAccessibleName(tr("Check out"));
    m_phone->setWordWrap(true);
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextFormat(Qt::RichText);
    m_onSite->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_onSite->setAccessibleName(tr("Time on site"));
    // Whole minutes are shown; every 20 s keeps the shown minute at most that late.
    m_tick->setObjectName(QStringLiteral("onSiteTick"));
    m_tick->setInterval(20 * 1000);
    connect(m_tick, &QTimer::timeout, this, &VisitsSection::showTimeOnSite);
    connect(m_confirm, &QPushButton::clicked, this, &VisitsSection::confirmClicked);
    connect(m_checkIn, &QPushButton::clicked, this, &VisitsSection::checkInClicked);
    connect(m_checkOut, &QPushButton::clicked, this, &VisitsSection::checkOutClicked);
    connect(m_delete, &QPushButton::clicked, this, &VisitsSection::deleteSelected);
    connect(m_model, &TimeLogModel::editRequested, this, &VisitsSection::editRequested);
    setUpView();
    m_delete->setToolTip(tr("Delete the selected visit (Delete)"));
}

void VisitsSection::setUpView()
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Visits"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(TimeLogModel::CheckIn,
                                     new SiteDateTimeDelegate(m_clock, m_view));
    m_view->setItemDelegateForColumn(TimeLogModel::CheckOut,
                                     new SiteDateTimeDelegate(m_clock, m_view));
    for (QAbstractItemDelegate *d :
         {m_view->itemDelegate(), m_view->itemDelegateForColumn(TimeLogModel::CheckIn),
          m_view->itemDelegateForColumn(TimeLogModel::CheckOut)})
        connect(d, &QAbstractItemDelegate::closeEditor, this, &VisitsSection::editorClosed);
    // Delete acts on the visits only while they have the keyboard, not on a row
    // left selected while the worker types elsewhere on the page.
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr,
                                    Qt::WidgetWithChildrenShortcut);
    connect(deleteKey, &QShortcut::activated, this, &VisitsSection::deleteSelected);
}

QHBoxLayout *VisitsSection::actionsRow() const
{
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_confirm);
    actions->addWidget(m_checkIn);
    actions->addWidget(m_checkOut);
    actions->addWidget(m_onSite);
    actions->addWidget(m_phone, 1);
    actions->addStretch(); // buttons keep their size when the phone instructions
                           // are hidden
    return actions;
}

void VisitsSection::addTableTo(QBoxLayout *column) const
{
    FitToContents::apply(m_view);
    auto *title = new QHBoxLayout;
    title->addWidget(m_title, 1);
    title->addWidget(m_delete);
    column->addLayout(title);
    column->addWidget(m_view);
}

void VisitsSection::show(const Assignment &a)
{
    m_model->setAssignment(a);
    m_view->resizeColumnsToContents();
    const QDateTime now = m_clock->now();
    const bool active = Rules::isActive(a);
    const bool confirmOpen =
        active && a.schedule.confirmRequired && !a.schedule.confirmedAt.isValid();
    m_confirm->setVisible(confirmOpen);
    if (confirmOpen)
        m_confirm->setText(a.schedule.confirmBy < now
                               ? tr("Confirm schedule (deadline passed %1)")
                                     .arg(SiteTime::relative(a.schedule.confirmBy, now))
                               : tr("Confirm schedule — by %1, %2")
                                     .arg(SiteTime::format(a.schedule.confirmBy, a.site.timeZone),
                                          SiteTime::relative(a.schedule.confirmBy, now)));
    const bool phone = a.phoneCheckin.required;
    const bool onSite = Rules::isCheckedIn(a);
    m_checkIn->setVisible(active && !phone && !onSite && Rules::checkInBlocker(a).isEmpty());
    m_checkOut->setVisible(active && !phone && onSite);
    m_phone->setVisible(active && phone);
    if (phone)
        m_phone->setText(tr("<b>Check in and out by phone:</b> call %1. %2")
                             .arg(a.phoneCheckin.number.toHtmlEscaped(),
                                  a.phoneCheckin.instructions.toHtmlEscaped()));
    m_delete->setEnabled(active);
    m_titleLead = active ? tr("<b>Time on site</b> — double-click a time or note to correct it")
                         : tr("<b>Time on site</b>");
    m_openSince = TimeOnSite::openSince(a);
    m_closedMs = TimeOnSite::closedMs(a);
    m_visits = TimeOnSite::visitCount(a);
    m_timeZone = a.site.timeZone;
    showTimeOnSite();
}

void VisitsSection::showTimeOnSite()
{
    const QDateTime now = m_clock->now();
    const qint64 openMs = m_openSince.isValid() ? qMax<qint64>(0, m_openSince.msecsTo(now)) : 0;
    m_onSite->setVisible(m_openSince.isValid());
    if (m_openSince.isValid()) {
        m_onSite->setText(
            tr("On site for %1 (since %2)")
                .arg(TimeOnSite::duration(openMs), SiteTime::format(m_openSince, m_timeZone)));
        if (!m_tick->isActive())
            m_tick->start();
    } else {
        m_tick->stop();
    }
    // The total says something beside the table once there is more than one visit.
    QString title = m_titleLead;
    if (m_visits > 1)
        title += QStringLiteral(" · ") + tr("%1 in %n visit(s)", nullptr, m_visits)
                                             .arg(TimeOnSite::duration(m_closedMs + openMs));
    m_title->setText(title);
}

QString VisitsSection::onSiteText() const
{
    return m_onSite->isVisibleTo(m_page) ? m_onSite->text() : QString();
}

bool VisitsSection::isEditing() const
{
    // An open editor is a widget on the view's viewport (the view's state is not
    // public).
    const auto children =
        m_view->viewport()->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    return std::any_of(children.cbegin(), children.cend(),
                       [](const QWidget *w) { return w->isVisible(); });
}

QWidget *VisitsSection::targetFor(const QString &key) const
{
    if (key == QLatin1String("confirm_schedule"))
        return m_confirm;
    if (key == QLatin1String("check_out"))
        return m_checkOut->isVisibleTo(m_page) ? static_cast<QWidget *>(m_checkOut) : m_view;
    if (key == QLatin1String("check_in_out") || key == QLatin1String("check_in")) {
        if (m_phone->isVisibleTo(m_page))
            return m_phone;
        if (m_checkIn->isVisibleTo(m_page))
            return m_checkIn;
        return m_checkOut->isVisibleTo(m_page) ? static_cast<QWidget *>(m_checkOut) : m_view;
    }
    return nullptr;
}

QString VisitsSection::phoneText() const
{
    return m_phone->isVisibleTo(m_page) ? m_phone->text() : QString();
}

QString VisitsSection::titleText() const
{
    return m_title->text();
}

void VisitsSection::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    const TimeLog *log = m_model->logAt(current.row());
    if (!log) {
        Q_EMIT errorRaised(tr("Select the visit to delete first."));
        return;
    }
    const QString when = current.sibling(current.row(), TimeLogModel::CheckIn).data().toString();
    if (MessageBox::question(m_page, tr("Delete visit"),
                             tr("Delete the visit checked in at %1? The client company still sees "
                                "that it was recorded and deleted.")
                                 .arg(when),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    Q_EMIT deleteRequested(log->id);
}

} // namespace onsite

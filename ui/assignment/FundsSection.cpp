#include "FundsSection.h"

#include "ChipDelegate.h"
#include "FitToContents.h"
#include "FundsRequestModel.h"
#include "MessageBox.h"
#include "Money.h"
#include "Rules.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QAction>
#include <QBoxLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

namespace onsite {

FundsSection::FundsSection(QWidget *page)
    : QObject(page), m_page(page), m_frame(new QFrame(page)), m_status(new QLabel(m_frame)),
      m_gear(new QToolButton(m_frame)), m_menu(new QMenu(m_gear)),
      m_askIncrease(new QAction(tr("Request a &budget increase…"), m_menu)),
      m_askExpense(new QAction(tr("Request &expense reimbursement…"), m_menu)),
      m_askBonus(new QAction(tr("Request a b&onus…"), m_menu)),
      m_model(new FundsRequestModel(this)), m_view(new QTableView(page)),
      m_withdraw(new QPushButton(tr("&Withdraw request…"), page)), m_note(new QLabel(page))
{
    setUpGear();
    setUpTable();
}

void FundsSection::setUpGear()
{
    m_frame->setObjectName(QStringLiteral("statusBar"));
    m_status->setMargin(6);
    m_gear->setText(tr("⚙ E&xtra funds"));
    m_gear->setAccessibleName(tr("Extra funds menu"));
    m_gear->setToolTip(tr("Request a budget increase, an expense reimbursement or a bonus"));
    m_gear->setPopupMode(QToolButton::InstantPopup);
    m_gear->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_gear->setMenu(m_menu);
    m_menu->setToolTipsVisible(true);
    // Shown, disabled, at the top while no request can be made: the menu still
    // opens and says why, rather than a disabled button whose reason hides in a
    // tooltip.
    m_blocked = m_menu->addAction(QString());
    m_blocked->setEnabled(false);
    m_menu->addAction(m_askIncrease);
    m_menu->addAction(m_askExpense);
    m_menu->addAction(m_askBonus);
    connect(m_askIncrease, &QAction::triggered, this,
            [this] { Q_EMIT requestClicked(FundsKind::BudgetIncrease); });
    connect(m_askExpense, &QAction::triggered, this,
            [this] { Q_EMIT requestClicked(FundsKind::Expense); });
    connect(m_askBonus, &QAction::triggered, this,
            [this] { Q_EMIT requestClicked(FundsKind::Bonus); });
    auto *statusLayout = new QHBoxLayout(m_frame);
    statusLayout->setContentsMargins(0, 0, 4, 0);
    statusLayout->addWidget(m_status, 1);
    statusLayout->addWidget(m_gear);
}

void FundsSection::setUpTable()
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Extra funds requests"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_note->setWordWrap(true);
    Theme::setTone(m_note, Theme::Tone::Muted);
    connect(m_withdraw, &QPushButton::clicked, this, &FundsSection::withdrawSelected);
}

void FundsSection::addTableTo(QBoxLayout *column, QWidget *parent) const
{
    FitToContents::apply(m_view);
    auto *title = new QHBoxLayout;
    title->addWidget(new QLabel(tr("<b>Extra funds requests</b>"), parent), 1);
    title->addWidget(m_withdraw);
    column->addLayout(title);
    column->addWidget(m_view);
    column->addWidget(m_note);
}

void FundsSection::show(const Assignment &a, const QDateTime &now)
{
    m_currency = a.pricing.currency;
    showStatus(a, now);
    showRequests(a);
}

// The status bar in the status's colour, with what is due next and by when.
void FundsSection::showStatus(const Assignment &a, const QDateTime &now)
{
    const QColor statusColor = ChipDelegate::statusColor(int(a.status));
    m_frame->setStyleSheet(
        QStringLiteral("QFrame#statusBar{background:%1;border-radius:4px;}"
                       "QLabel{color:white;font-weight:bold;}"
                       "QToolButton{color:white;font-weight:bold;border:1px solid white;"
                       "border-radius:3px;padding:2px 6px;}")
            .arg(statusColor.name()));
    const NextDue due = Rules::nextDue(a);
    QString statusLine = Rules::statusText(a.status);
    if (!due.key.isEmpty())
        statusLine += tr("  —  next: %1").arg(due.what);
    if (due.deadline.isValid())
        statusLine += tr(" by %1 (%2)")
                          .arg(SiteTime::format(due.deadline, a.site.timeZone),
                               SiteTime::relative(due.deadline, now));
    m_status->setText(statusLine);
}

// The requests, and which of them the gear menu offers now (or why none).
void FundsSection::showRequests(const Assignment &a)
{
    m_model->setAssignment(a);
    // The reason takes what is left (full text in its tooltip), so status and
    // decision show.
    for (int c = 0; c < FundsRequestModel::Reason; ++c)
        m_view->resizeColumnToContents(c);
    m_view->setColumnWidth(FundsRequestModel::Decision,
                           qMin(m_view->columnWidth(FundsRequestModel::Decision), 220));
    const bool active = Rules::isActive(a);
    const bool funds = Rules::canRequestFunds(a);
    m_gear->setVisible(active);
    const QString blocked =
        funds ? QString() : tr("Extra funds can be requested once you have checked in.");
    m_gear->setToolTip(funds ? tr("Request a budget increase, an expense reimbursement or a bonus")
                             : blocked);
    m_blocked->setText(blocked);
    m_blocked->setVisible(!funds);
    m_askExpense->setEnabled(funds);
    m_askBonus->setEnabled(funds);
    m_askIncrease->setEnabled(Rules::canRequest(a, FundsKind::BudgetIncrease));
    m_askIncrease->setText(a.pricing.counteroffersAllowed
                               ? tr("Request a &budget increase…")
                               : tr("Budget increase — not accepted by this client"));
    m_askIncrease->setToolTip(a.pricing.counteroffersAllowed ? QString()
                                                             : Rules::counteroffersOffText(a));
    m_note->setText(a.pricing.counteroffersAllowed ? QString() : Rules::counteroffersOffText(a));
    m_note->setVisible(!a.pricing.counteroffersAllowed && active);
    m_withdraw->setEnabled(active);
}

QString FundsSection::statusText() const
{
    return m_status->text();
}

QString FundsSection::noteText() const
{
    return m_note->isVisibleTo(m_page) ? m_note->text() : QString();
}

QAction *FundsSection::requestAction(FundsKind k) const
{
    switch (k) {
    case FundsKind::BudgetIncrease:
        return m_askIncrease;
    case FundsKind::Expense:
        return m_askExpense;
    case FundsKind::Bonus:
        return m_askBonus;
    }
    return nullptr;
}

void FundsSection::withdrawSelected()
{
    const FundsRequest *f = m_model->requestAt(m_view->currentIndex().row());
    if (!f) {
        Q_EMIT errorRaised(tr("Select the request to withdraw first."));
        return;
    }
    if (f->status != FundsStatus::Pending) {
        Q_EMIT errorRaised(tr("Only a pending request can be withdrawn; this one is %1.")
                               .arg(Rules::fundsStatusText(f->status).toLower()));
        return;
    }
    if (MessageBox::question(m_page, tr("Withdraw request"),
                             tr("Withdraw your %1 request for %2?")
                                 .arg(Rules::fundsKindText(f->kind).toLower(),
                                      Money::format(f->amountCents, m_currency)),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    Q_EMIT withdrawRequested(f->id);
}

} // namespace onsite

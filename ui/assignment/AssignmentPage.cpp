#include "AssignmentPage.h"

#include "AcceptedFiles.h"
#include "AssignmentDetails.h"
#include "ChipDelegate.h"
#include "Clock.h"
#include "DeliverablesPanel.h"
#include "Enums.h"
#include "FitToContents.h"
#include "FundsRequestModel.h"
#include "MessageBox.h"
#include "Money.h"
#include "PayCalculator.h"
#include "Rules.h"
#include "SiteDateTimeDelegate.h"
#include "SiteTime.h"
#include "SubmitDialog.h"
#include "TaskDialog.h"
#include "Theme.h"
#include "TimeLogModel.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace onsite {

const char AssignmentPage::kHighlighted[] = "onsiteHighlighted";

AssignmentPage::AssignmentPage(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_statusFrame(new QFrame(this)), m_statusBar(new QLabel(m_statusFrame)),
      m_gear(new QToolButton(m_statusFrame)), m_gearMenu(new QMenu(m_gear)),
      m_askIncrease(new QAction(tr("Request a &budget increase…"), m_gearMenu)),
      m_askExpense(new QAction(tr("Request &expense reimbursement…"), m_gearMenu)),
      m_askBonus(new QAction(tr("Request a b&onus…"), m_gearMenu)),
      m_funds(new FundsRequestModel(this)), m_fundsView(new QTableView(this)),
      m_withdraw(new QPushButton(tr("&Withdraw request…"), this)), m_fundsNote(new QLabel(this)),
      m_submit(new QPushButton(tr("Su&bmit for approval…"), this)), m_missing(new QLabel(this)),
      m_labels(new QLabel(this)), m_checklist(new QListWidget(this)),
      m_details(new QTextBrowser(this)), m_confirm(new QPushButton(this)),
      m_checkIn(new QPushButton(tr("Check &in"), this)),
      m_checkOut(new QPushButton(tr("Check &out"), this)), m_phone(new QLabel(this)),
      m_error(new QLabel(this)), m_logs(new TimeLogModel(this)), m_logView(new QTableView(this)),
      m_deleteLog(new QPushButton(tr("&Delete visit…"), this)),
      m_deliverables(new DeliverablesPanel(clock, this)), m_logsTitle(new QLabel(this)),
      m_scroll(new QScrollArea(this))
{
    setAcceptDrops(true);
    connectDeliverables();
    setUpVisits();
    setUpStatusAndFunds();
    setUpChecklistAndDetails();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topRow());
    layOutSections(); // after the top row: widgets are created in tab order
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_statusFrame);
    layout->addWidget(m_labels);
    layout->addLayout(actionsRow());
    auto *closeout = new QHBoxLayout;
    closeout->addWidget(m_submit);
    closeout->addWidget(m_missing, 1);
    layout->addLayout(closeout);
    layout->addWidget(m_scroll, 1);
    // Below the sections: a message appearing does not move the rows under the pointer (a
    // double-click whose second click lands on another row).
    layout->addWidget(m_error);
}

// The deliverables panel's requests, passed on with this assignment's id.
void AssignmentPage::connectDeliverables()
{
    connect(m_deliverables, &DeliverablesPanel::uploadFilesClicked, this,
            &AssignmentPage::pickFiles);
    connect(m_deliverables, &DeliverablesPanel::cancelRequested, this,
            &AssignmentPage::uploadCancelRequested);
    connect(m_deliverables, &DeliverablesPanel::retryRequested, this,
            &AssignmentPage::uploadRetryRequested);
    connect(m_deliverables, &DeliverablesPanel::useNewVersionRequested, this,
            &AssignmentPage::uploadNewVersionRequested);
    connect(m_deliverables, &DeliverablesPanel::removeRequested, this,
            [this](const QString &deliverableId, const QString &uploadId) {
                Q_EMIT deliverableRemoveRequested(m_id, deliverableId, uploadId);
            });
    connect(m_deliverables, &DeliverablesPanel::openRequested, this,
            [this](const QString &deliverableId, const QString &name) {
                Q_EMIT deliverableOpenRequested(m_id, deliverableId, name);
            });
}

// The visit buttons, the phone instructions, the error line and the visits table.
void AssignmentPage::setUpVisits()
{
    m_confirm->setAccessibleName(tr("Confirm schedule"));
    m_checkIn->setAccessibleName(tr("Check in"));
    m_checkOut->setAccessibleName(tr("Check out"));
    m_phone->setWordWrap(true);
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->hide();
    connect(m_confirm, &QPushButton::clicked, this, [this] { Q_EMIT confirmRequested(m_id); });
    connect(m_checkIn, &QPushButton::clicked, this, [this] { Q_EMIT checkInRequested(m_id); });
    connect(m_checkOut, &QPushButton::clicked, this, [this] { Q_EMIT checkOutRequested(m_id); });
    connect(m_deleteLog, &QPushButton::clicked, this, &AssignmentPage::deleteSelectedLog);
    connect(m_logs, &TimeLogModel::editRequested, this,
            [this](const QString &logId, const QDateTime &in, const QDateTime &out,
                   const QString &note) { Q_EMIT logEditRequested(m_id, logId, in, out, note); });
    m_logView->setModel(m_logs);
    m_logView->setAccessibleName(tr("Visits"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logView->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed);
    m_logView->verticalHeader()->hide();
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->setItemDelegateForColumn(TimeLogModel::CheckIn, new SiteDateTimeDelegate(m_logView));
    m_logView->setItemDelegateForColumn(TimeLogModel::CheckOut,
                                        new SiteDateTimeDelegate(m_logView));
    for (QAbstractItemDelegate *d :
         {m_logView->itemDelegate(), m_logView->itemDelegateForColumn(TimeLogModel::CheckIn),
          m_logView->itemDelegateForColumn(TimeLogModel::CheckOut)})
        connect(d, &QAbstractItemDelegate::closeEditor, this, [this] {
            // After the view has finished with the editor (and committed what was typed).
            QTimer::singleShot(0, this, [this] {
                if (m_deferred && !isEditingVisit())
                    show(*std::exchange(m_deferred, std::nullopt));
            });
        });
    // Delete acts on the visits only while they have the keyboard, not on a row left
    // selected while the worker types elsewhere on the page.
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_logView, nullptr, nullptr,
                                    Qt::WidgetWithChildrenShortcut);
    connect(deleteKey, &QShortcut::activated, this, &AssignmentPage::deleteSelectedLog);
    m_deleteLog->setToolTip(tr("Delete the selected visit (Delete)"));
}

// The title, the status bar with its extra-funds menu, and the requests table.
void AssignmentPage::setUpStatusAndFunds()
{
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The status bar carries the gear menu for extra funds (DESIGN §1.5).
    m_statusFrame->setObjectName(QStringLiteral("statusBar"));
    m_statusBar->setMargin(6);
    m_gear->setText(tr("⚙ E&xtra funds"));
    m_gear->setAccessibleName(tr("Extra funds menu"));
    m_gear->setToolTip(tr("Request a budget increase, an expense reimbursement or a bonus"));
    m_gear->setPopupMode(QToolButton::InstantPopup);
    m_gear->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_gear->setMenu(m_gearMenu);
    m_gearMenu->setToolTipsVisible(true);
    // Shown, disabled, at the top while no request can be made: the menu still opens and
    // says why, rather than a disabled button whose reason hides in a tooltip.
    m_fundsBlocked = m_gearMenu->addAction(QString());
    m_fundsBlocked->setEnabled(false);
    m_gearMenu->addAction(m_askIncrease);
    m_gearMenu->addAction(m_askExpense);
    m_gearMenu->addAction(m_askBonus);
    connect(m_askIncrease, &QAction::triggered, this,
            [this] { openFundsDialog(FundsKind::BudgetIncrease); });
    connect(m_askExpense, &QAction::triggered, this,
            [this] { openFundsDialog(FundsKind::Expense); });
    connect(m_askBonus, &QAction::triggered, this, [this] { openFundsDialog(FundsKind::Bonus); });
    auto *statusLayout = new QHBoxLayout(m_statusFrame);
    statusLayout->setContentsMargins(0, 0, 4, 0);
    statusLayout->addWidget(m_statusBar, 1);
    statusLayout->addWidget(m_gear);
    m_fundsView->setModel(m_funds);
    m_fundsView->setAccessibleName(tr("Extra funds requests"));
    m_fundsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fundsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fundsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fundsView->verticalHeader()->hide();
    m_fundsView->horizontalHeader()->setStretchLastSection(true);
    m_fundsView->setWordWrap(false);
    m_fundsNote->setWordWrap(true);
    Theme::setTone(m_fundsNote, Theme::Tone::Muted);
    connect(m_withdraw, &QPushButton::clicked, this, &AssignmentPage::withdrawSelected);
}

// Submit, what is missing, the checklist (each item goes where it is done), the details.
void AssignmentPage::setUpChecklistAndDetails()
{
    m_submit->setAccessibleName(tr("Submit for approval"));
    connect(m_submit, &QPushButton::clicked, this, [this] { openSubmitDialog(); });
    m_missing->setWordWrap(true);
    m_missing->setTextFormat(Qt::RichText);
    m_missing->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_missing, &QLabel::linkActivated, this, &AssignmentPage::goTo);
    auto follow = [this](QListWidgetItem *item) { goTo(item->data(Qt::UserRole).toString()); };
    connect(m_checklist, &QListWidget::itemClicked, this, follow);
    connect(m_checklist, &QListWidget::itemActivated, this, follow);
    m_checklist->setToolTip(tr("Click an item to go where it is done"));
    m_details->setOpenLinks(false);
    m_details->setAccessibleName(tr("Assignment details"));
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.toString() == QLatin1String("onsite:increase"))
            if (FundsRequestDialog *d = openFundsDialog(FundsKind::BudgetIncrease))
                d->proposeExtraHours(PayCalculator::compute(m_assignment).suggestedExtraHours);
    });
    m_labels->setTextFormat(Qt::RichText);
    m_checklist->setAccessibleName(tr("Checklist"));
    m_details->setOpenExternalLinks(false);
}

// Back to the dashboard, and the record export.
QHBoxLayout *AssignmentPage::topRow()
{
    auto *back = new QPushButton(tr("← Dashboard"), this);
    back->setShortcut(QKeySequence::Back);
    back->setAccessibleName(tr("Back to the dashboard"));
    connect(back, &QPushButton::clicked, this, &AssignmentPage::backRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch();
    auto *record = new QPushButton(tr("Export &record (PDF)…"), this);
    record->setToolTip(tr("Everything recorded for this assignment, to keep or to hand over"));
    connect(record, &QPushButton::clicked, this, [this] { Q_EMIT recordExportRequested(m_id); });
    top->addWidget(record);
    return top;
}

QHBoxLayout *AssignmentPage::actionsRow()
{
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_confirm);
    actions->addWidget(m_checkIn);
    actions->addWidget(m_checkOut);
    actions->addWidget(m_phone, 1);
    actions->addStretch(); // buttons keep their size when the phone instructions are hidden
    return actions;
}

// Details, visits and funds on the left; checklist and deliverables on the right; in a page
// that scrolls as a whole.
void AssignmentPage::layOutSections()
{
    auto *checklistBox = new QWidget(this);
    auto *cl = new QVBoxLayout(checklistBox);
    cl->setContentsMargins(0, 0, 0, 0);
    auto *checklistTitle = new QLabel(tr("&Checklist — click an item to do it"), checklistBox);
    checklistTitle->setTextFormat(Qt::PlainText);
    QFont bold = checklistTitle->font();
    bold.setBold(true);
    checklistTitle->setFont(bold);
    checklistTitle->setBuddy(m_checklist);
    cl->addWidget(checklistTitle);
    cl->addWidget(m_checklist);
    // The sections are as tall as what they show and the page scrolls as a whole, so nothing
    // hides in a box of its own on a small screen; two columns when there is room, else one.
    FitToContents::apply(m_details);
    FitToContents::apply(m_logView);
    FitToContents::apply(m_fundsView);
    FitToContents::apply(m_checklist);
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_details);
    auto *logsTitle = new QHBoxLayout;
    m_logsTitle->setTextFormat(Qt::RichText);
    logsTitle->addWidget(m_logsTitle, 1);
    logsTitle->addWidget(m_deleteLog);
    ll->addLayout(logsTitle);
    ll->addWidget(m_logView);
    auto *fundsTitle = new QHBoxLayout;
    fundsTitle->addWidget(new QLabel(tr("<b>Extra funds requests</b>"), left), 1);
    fundsTitle->addWidget(m_withdraw);
    ll->addLayout(fundsTitle);
    ll->addWidget(m_fundsView);
    ll->addWidget(m_fundsNote);
    ll->addStretch();
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(checklistBox);
    rl->addWidget(m_deliverables);
    rl->addStretch();
    auto *body = new QWidget(this);
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight, body);
    m_columns->setContentsMargins(0, 0, 0, 0);
    m_columns->addWidget(left, 1);
    m_columns->addWidget(right, 1);
    m_scroll->setWidget(body);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // A section that takes the keyboard (a click, Alt+C, Tab) is scrolled fully into view, and
    // stays in view when a message below the sections makes the scrolling part shorter.
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { keepInView(now); });
    m_scroll->viewport()->installEventFilter(this);
}

void AssignmentPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_columns->setDirection(width() >= kTwoColumnWidth ? QBoxLayout::LeftToRight
                                                       : QBoxLayout::TopToBottom);
}

void AssignmentPage::keyPressEvent(QKeyEvent *event)
{
    // Escape reaches the page only when no editor or popup took it first.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString AssignmentPage::visitsTitleText() const
{
    return m_logsTitle->text();
}

bool AssignmentPage::isTwoColumns() const
{
    return m_columns->direction() == QBoxLayout::LeftToRight;
}

QString AssignmentPage::titleText() const
{
    return m_title->text();
}
QString AssignmentPage::statusText() const
{
    return m_statusBar->text();
}

QString AssignmentPage::detailsText() const
{
    return m_details->toPlainText();
}

QStringList AssignmentPage::checklistTexts() const
{
    QStringList out;
    for (int i = 0; i < m_checklist->count(); ++i)
        out << m_checklist->item(i)->text();
    return out;
}

bool AssignmentPage::isEditingVisit() const
{
    // An open editor is a widget on the view's viewport (the view's state is not public).
    const auto children =
        m_logView->viewport()->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    return std::any_of(children.cbegin(), children.cend(),
                       [](const QWidget *w) { return w->isVisible(); });
}

void AssignmentPage::show(const Assignment &a)
{
    if (a.id == m_id && isEditingVisit()) {
        m_deferred = a;
        return;
    }
    m_deferred.reset();
    const QDateTime now = m_clock->now();
    if (a.id != m_id)
        showError(QString());
    if (a.id != m_id)
        m_uploads.clear();
    m_id = a.id;
    m_assignment = a;
    m_title->setText(QStringLiteral("#%1 %2").arg(a.id).arg(a.title));
    m_subtitle->setText(tr("%1 · %2, %3 · %4")
                            .arg(a.company.name, a.site.city, a.site.region,
                                 SiteTime::formatWithLocal(a.schedule.start, a.site.timeZone)));
    const QColor statusColor = ChipDelegate::statusColor(int(a.status));
    m_statusFrame->setStyleSheet(
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
    m_statusBar->setText(statusLine);

    QString chips;
    for (const Label &l : Rules::labels(a, now))
        chips +=
            QStringLiteral("<span style='background:#c62828;color:white;'>&nbsp;%1&nbsp;</span> ")
                .arg(l.text.toHtmlEscaped());
    m_labels->setText(chips);
    m_labels->setVisible(!chips.isEmpty());

    m_checklist->clear();
    const ChecklistProgress p = Rules::checklist(a);
    for (const ChecklistEntry &e : p.entries) {
        // An optional item not done is not a failure: no red cross, no "To do".
        const QString state = e.done ? tr("Done") : e.required ? tr("To do") : tr("Not done");
        const QString text = e.required ? tr("%1 — %2").arg(e.title, state)
                                        : tr("%1 (optional) — %2").arg(e.title, state);
        const QStyle::StandardPixmap icon = e.done       ? QStyle::SP_DialogApplyButton
                                            : e.required ? QStyle::SP_DialogCancelButton
                                                         : QStyle::SP_FileDialogInfoView;
        auto *item = new QListWidgetItem(style()->standardIcon(icon), text, m_checklist);
        item->setData(Qt::UserRole, e.key);
        item->setForeground(Theme::color(e.done       ? Theme::Tone::Success
                                         : e.required ? Theme::Tone::Error
                                                      : Theme::Tone::Muted));
    }
    m_details->setHtml(AssignmentDetails::html(a));
    m_logs->setAssignment(a);
    m_deliverables->setContent(a, m_uploads);
    m_logView->resizeColumnsToContents();
    m_funds->setAssignment(a);
    // The reason takes what is left (full text in its tooltip), so status and decision show.
    for (int c = 0; c < FundsRequestModel::Reason; ++c)
        m_fundsView->resizeColumnToContents(c);
    m_fundsView->setColumnWidth(FundsRequestModel::Decision,
                                qMin(m_fundsView->columnWidth(FundsRequestModel::Decision), 220));
    updateActions(a);
    updateCloseout(a);
}

void AssignmentPage::updateActions(const Assignment &a)
{
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
    m_deleteLog->setEnabled(active);
    m_logsTitle->setText(active ? tr("<b>Time on site</b> — double-click a time or note to "
                                     "correct it")
                                : tr("<b>Time on site</b>"));
}

QString AssignmentPage::phoneText() const
{
    return m_phone->isVisibleTo(this) ? m_phone->text() : QString();
}
QString AssignmentPage::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool AssignmentPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] { keepInView(QApplication::focusWidget()); });
    return QWidget::eventFilter(watched, event);
}

void AssignmentPage::keepInView(QWidget *w)
{
    QWidget *body = m_scroll->widget();
    if (!w || !body || !body->isAncestorOf(w))
        return;
    // The view itself, not its editor or viewport: the whole table comes into view.
    for (QWidget *p = w; p && p != body; p = p->parentWidget())
        if (qobject_cast<QAbstractScrollArea *>(p))
            w = p;
    // Measured by hand: QScrollArea::ensureWidgetVisible() goes by a view's current cell,
    // mapped without the header, and so leaves the last rows of a table cut off.
    const int height = m_scroll->viewport()->height();
    const QRect r(w->mapTo(body, QPoint(0, 0)), w->size());
    QScrollBar *bar = m_scroll->verticalScrollBar();
    if (r.height() > height) {
        // Taller than the view (a long description): left where the worker scrolled it while
        // any of it shows, else its top is brought into view.
        if (r.bottom() < bar->value() || r.top() >= bar->value() + height)
            bar->setValue(r.top());
        return;
    }
    if (r.bottom() >= bar->value() + height)
        bar->setValue(r.bottom() - height + 1);
    else if (r.top() < bar->value())
        bar->setValue(r.top());
}

void AssignmentPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void AssignmentPage::setUploads(const QList<UploadItem> &uploads)
{
    m_uploads.clear();
    for (const UploadItem &u : uploads)
        if (u.assignmentId == m_id)
            m_uploads.append(u);
    if (m_id)
        m_deliverables->setContent(m_assignment, m_uploads);
}

void AssignmentPage::setUploadProgress(const QString &id, qint64 sent, qint64 total, bool hashing)
{
    m_deliverables->setProgress(id, sent, total, hashing);
}

void AssignmentPage::setCachedFile(const QString &deliverableId, const QString &path)
{
    m_deliverables->setCachedFile(deliverableId, path);
}

void AssignmentPage::pickFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Upload files"), QString(),
        AcceptedFiles::dialogFilter() + QStringLiteral(";;") + tr("All files (*)"));
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    if (!urls.isEmpty())
        addFiles(urls);
}

void AssignmentPage::addFiles(const QList<QUrl> &urls)
{
    if (!Rules::isActive(m_assignment)) {
        showError(tr("This assignment is %1; it takes no more files.")
                      .arg(Rules::statusText(m_assignment.status).toLower()));
        return;
    }
    QStringList files;
    for (const QUrl &u : urls) {
        const QFileInfo info(u.toLocalFile());
        if (!u.isLocalFile())
            m_deliverables->addRefused(
                m_id, u.toDisplayString(),
                tr("%1 is not a file on this computer.").arg(u.toDisplayString()));
        else if (info.isDir())
            m_deliverables->addRefused(
                m_id, info.fileName(),
                tr("\"%1\" is a folder; drop the files inside it instead.").arg(info.fileName()));
        else
            files << info.absoluteFilePath();
    }
    if (files.isEmpty())
        return;
    if (m_uploadDialog)
        m_uploadDialog->deleteLater();
    m_uploadDialog = new UploadFilesDialog(m_assignment, files, this);
    m_uploadDialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_id;
    UploadFilesDialog *dialog = m_uploadDialog;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { Q_EMIT uploadRequested(id, dialog->choices()); });
    dialog->open();
}

void AssignmentPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && Rules::isActive(m_assignment))
        event->acceptProposedAction();
}

void AssignmentPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls() && Rules::isActive(m_assignment))
        event->acceptProposedAction();
}

void AssignmentPage::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    event->acceptProposedAction();
    addFiles(event->mimeData()->urls());
}

void AssignmentPage::deleteSelectedLog()
{
    const QModelIndex current = m_logView->currentIndex();
    const TimeLog *log = m_logs->logAt(current.row());
    if (!log) {
        showError(tr("Select the visit to delete first."));
        return;
    }
    const QString when = current.sibling(current.row(), TimeLogModel::CheckIn).data().toString();
    if (MessageBox::question(this, tr("Delete visit"),
                             tr("Delete the visit checked in at %1? The client company still sees "
                                "that it was recorded and deleted.")
                                 .arg(when),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    Q_EMIT logDeleteRequested(m_id, log->id);
}

QAction *AssignmentPage::requestAction(FundsKind k) const
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

QString AssignmentPage::fundsNoteText() const
{
    return m_fundsNote->isVisibleTo(this) ? m_fundsNote->text() : QString();
}

QString AssignmentPage::missingText() const
{
    return m_missing->isVisibleTo(this) ? m_missing->text() : QString();
}

void AssignmentPage::updateCloseout(const Assignment &a)
{
    const bool active = Rules::isActive(a);
    const bool funds = Rules::canRequestFunds(a);
    m_gear->setVisible(active);
    const QString blocked =
        funds ? QString() : tr("Extra funds can be requested once you have checked in.");
    m_gear->setToolTip(funds ? tr("Request a budget increase, an expense reimbursement or a bonus")
                             : blocked);
    m_fundsBlocked->setText(blocked);
    m_fundsBlocked->setVisible(!funds);
    m_askExpense->setEnabled(funds);
    m_askBonus->setEnabled(funds);
    const bool increase = Rules::canRequest(a, FundsKind::BudgetIncrease);
    m_askIncrease->setEnabled(increase);
    m_askIncrease->setText(a.pricing.counteroffersAllowed
                               ? tr("Request a &budget increase…")
                               : tr("Budget increase — not accepted by this client"));
    m_askIncrease->setToolTip(a.pricing.counteroffersAllowed ? QString()
                                                             : Rules::counteroffersOffText(a));
    m_fundsNote->setText(a.pricing.counteroffersAllowed ? QString()
                                                        : Rules::counteroffersOffText(a));
    m_fundsNote->setVisible(!a.pricing.counteroffersAllowed && active);
    m_withdraw->setEnabled(active);

    m_submit->setVisible(active);
    const QList<ChecklistEntry> missing = Rules::submitBlockersBesideNotes(a);
    m_submit->setEnabled(missing.isEmpty());
    QStringList links;
    for (const ChecklistEntry &e : missing)
        links << QStringLiteral("<a href='%1'>%2</a>")
                     .arg(e.key.toHtmlEscaped(), e.title.toHtmlEscaped());
    m_missing->setText(links.isEmpty()
                           ? QString()
                           : tr("Before submitting: %1").arg(links.join(QStringLiteral(", "))));
    m_missing->setVisible(active && !links.isEmpty());
}

FundsRequestDialog *AssignmentPage::openFundsDialog(FundsKind kind)
{
    if (!Rules::canRequestFunds(m_assignment)) {
        showError(tr("Extra funds can be requested while the assignment is in progress."));
        return nullptr;
    }
    if (!Rules::canRequest(m_assignment, kind)) {
        showError(Rules::counteroffersOffText(m_assignment));
        return nullptr;
    }
    auto *dialog = present(m_fundsDialog, new FundsRequestDialog(m_assignment, kind, this));
    const qint64 id = m_id;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { Q_EMIT fundsRequested(id, dialog->input()); });
    return dialog;
}

void AssignmentPage::withdrawSelected()
{
    const FundsRequest *f = m_funds->requestAt(m_fundsView->currentIndex().row());
    if (!f) {
        showError(tr("Select the request to withdraw first."));
        return;
    }
    if (f->status != FundsStatus::Pending) {
        showError(tr("Only a pending request can be withdrawn; this one is %1.")
                      .arg(Rules::fundsStatusText(f->status).toLower()));
        return;
    }
    if (MessageBox::question(this, tr("Withdraw request"),
                             tr("Withdraw your %1 request for %2?")
                                 .arg(Rules::fundsKindText(f->kind).toLower(),
                                      Money::format(f->amountCents, m_assignment.pricing.currency)),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    Q_EMIT withdrawRequested(m_id, f->id);
}

QWidget *AssignmentPage::targetFor(const QString &key) const
{
    if (key == QLatin1String("confirm_schedule"))
        return m_confirm;
    if (key == QLatin1String("check_out"))
        return m_checkOut->isVisibleTo(this) ? static_cast<QWidget *>(m_checkOut) : m_logView;
    if (key == QLatin1String("check_in_out") || key == QLatin1String("check_in")) {
        if (m_phone->isVisibleTo(this))
            return m_phone;
        if (m_checkIn->isVisibleTo(this))
            return m_checkIn;
        return m_checkOut->isVisibleTo(this) ? static_cast<QWidget *>(m_checkOut) : m_logView;
    }
    if (key == QLatin1String("deliverables"))
        return m_deliverables;
    return nullptr;
}

void AssignmentPage::goTo(const QString &key)
{
    if (key == QLatin1String("closeout_notes") || key == QLatin1String("submit")) {
        openSubmitDialog();
        return;
    }
    if (key.startsWith(QLatin1String("task:"))) {
        openTaskDialog(key.mid(5));
        return;
    }
    if (QWidget *w = targetFor(key))
        reveal(w);
}

void AssignmentPage::reveal(QWidget *w)
{
    keepInView(w);
    w->setFocus(Qt::OtherFocusReason);
    // A label (the phone instructions) draws no focus frame: a short flash of the highlight
    // colour shows where a checklist click led, instead of a click that seems to do nothing.
    if (qobject_cast<QLabel *>(w)) {
        w->setProperty(kHighlighted, true);
        w->setAutoFillBackground(true);
        w->setBackgroundRole(QPalette::Highlight);
        w->setForegroundRole(QPalette::HighlightedText);
        QTimer::singleShot(1500, w, [w] {
            w->setProperty(kHighlighted, false);
            w->setAutoFillBackground(false);
            w->setBackgroundRole(QPalette::Window);
            w->setForegroundRole(QPalette::WindowText);
        });
    }
}

SubmitDialog *AssignmentPage::openSubmitDialog()
{
    if (!Rules::isActive(m_assignment))
        return nullptr;
    const QList<ChecklistEntry> missing = Rules::submitBlockersBesideNotes(m_assignment);
    if (!missing.isEmpty()) {
        showError(tr("Not ready to submit; still to do: %1.").arg(missing.constFirst().title));
        goTo(missing.constFirst().key);
        return nullptr;
    }
    auto *dialog = present(m_submitDialog, new SubmitDialog(m_assignment, this));
    const qint64 id = m_id;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { Q_EMIT submitRequested(id, dialog->notes()); });
    return dialog;
}

TaskDialog *AssignmentPage::openTaskDialog(const QString &taskId)
{
    if (!Rules::isActive(m_assignment))
        return nullptr;
    for (const Task &t : std::as_const(m_assignment.tasks)) {
        if (t.id != taskId)
            continue;
        auto *dialog = present(m_taskDialog, new TaskDialog(t, this));
        const qint64 id = m_id;
        connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
            Q_EMIT taskAnswered(id, dialog->taskId(), dialog->answer());
        });
        return dialog;
    }
    return nullptr;
}

} // namespace onsite

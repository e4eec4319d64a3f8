#include "AssignmentPage.h"

#include "AcceptedFiles.h"
#include "Clock.h"
#include "DeliverablesPanel.h"
#include "FileDialog.h"
#include "FitToContents.h"
#include "FocusScroller.h"
#include "ModalForm.h"
#include "PayCalculator.h"
#include "Rules.h"
#include "SiteTime.h"
#include "SubmitDialog.h"
#include "TaskDialog.h"
#include "Theme.h"

#include <QBoxLayout>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace onsite {

const char AssignmentPage::kHighlighted[] = "onsiteHighlighted";

// The sections create their controls in the order of the members: the status
// bar's gear menu and the requests, Submit and the checklist, the details, the
// visits, the deliverables; then the top row. That order of creation is the
// page's Tab order.
AssignmentPage::AssignmentPage(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_funds(new FundsSection(this)), m_checklist(new ChecklistSection(this)),
      m_visits(new VisitsSection(clock, this)), m_reports(new ReportsSection(clock, this)),
      m_messages(new MessagesSection(this)), m_documents(new DocumentsSection(this)),
      m_deliverables(new DeliverablesPanel(clock, this)), m_error(new QLabel(this)),
      m_changeNote(new QLabel(this)), m_scroll(new QScrollArea(this))
{
    setAcceptDrops(true);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->hide();
    m_changeNote->setWordWrap(true);
    m_changeNote->setTextFormat(Qt::RichText);
    m_changeNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTone(m_changeNote, Theme::Tone::Warning);
    m_changeNote->hide();
    connectDeliverables();
    connectVisits();
    connectFundsAndChecklist();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topRow());
    layOutSections(); // after the top row: widgets are created in tab order
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_funds->statusBar());
    layout->addWidget(m_checklist->labels());
    layout->addWidget(m_changeNote);
    QHBoxLayout *actions = m_visits->actionsRow();
    actions->addWidget(m_reports->lateButton());
    actions->addWidget(m_reports->problemButton());
    layout->addLayout(actions);
    auto *closeout = new QHBoxLayout;
    closeout->addWidget(m_checklist->submitButton());
    closeout->addWidget(m_checklist->missingLabel(), 1);
    layout->addLayout(closeout);
    layout->addWidget(m_scroll, 1);
    // Below the sections: a message appearing does not move the rows under the
    // pointer (a double-click whose second click lands on another row).
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

// The visits' requests, passed on with this assignment's id.
void AssignmentPage::connectVisits()
{
    connect(m_visits, &VisitsSection::confirmClicked, this,
            [this] { Q_EMIT confirmRequested(m_id); });
    connect(m_visits, &VisitsSection::checkInClicked, this,
            [this] { Q_EMIT checkInRequested(m_id); });
    connect(m_visits, &VisitsSection::checkOutClicked, this,
            [this] { Q_EMIT checkOutRequested(m_id); });
    connect(m_visits, &VisitsSection::editRequested, this,
            [this](const QString &logId, const QDateTime &in, const QDateTime &out,
                   const QString &note) { Q_EMIT logEditRequested(m_id, logId, in, out, note); });
    connect(m_visits, &VisitsSection::deleteRequested, this,
            [this](const QString &logId) { Q_EMIT logDeleteRequested(m_id, logId); });
    connect(m_visits, &VisitsSection::errorRaised, this, &AssignmentPage::showError);
    connect(m_reports, &ReportsSection::etaReported, this,
            [this](const QDateTime &eta, const QString &reason) {
                Q_EMIT etaReportRequested(m_id, eta, reason);
            });
    connect(m_messages, &MessagesSection::messagePosted, this,
            [this](const QString &text, const QStringList &files) {
                Q_EMIT messagePostRequested(m_id, text, files);
            });
    connect(m_messages, &MessagesSection::errorRaised, this, &AssignmentPage::showError);
    connect(m_reports, &ReportsSection::problemReported, this,
            [this](ProblemKind kind, const QString &description) {
                Q_EMIT problemReportRequested(m_id, kind, description);
            });
    // After the view has finished with the editor (and committed what was typed).
    connect(m_visits, &VisitsSection::editorClosed, this,
            [this] { QTimer::singleShot(0, this, &AssignmentPage::showDeferred); });
}

void AssignmentPage::connectFundsAndChecklist()
{
    connect(m_funds, &FundsSection::requestClicked, this,
            [this](FundsKind kind) { openFundsDialog(kind); });
    connect(m_funds, &FundsSection::withdrawRequested, this,
            [this](const QString &requestId) { Q_EMIT withdrawRequested(m_id, requestId); });
    connect(m_funds, &FundsSection::errorRaised, this, &AssignmentPage::showError);
    connect(m_checklist, &ChecklistSection::errorRaised, this, &AssignmentPage::showError);
    connect(m_checklist, &ChecklistSection::submitClicked, this, [this] { openSubmitDialog(); });
    connect(m_checklist, &ChecklistSection::goToRequested, this, &AssignmentPage::goTo);
    connect(m_checklist, &ChecklistSection::increaseClicked, this, [this] {
        if (FundsRequestDialog *d = openFundsDialog(FundsKind::BudgetIncrease))
            d->proposeExtraHours(PayCalculator::compute(m_assignment).suggestedExtraHours);
    });
}

void AssignmentPage::showDeferred()
{
    if (m_deferred && !m_visits->isEditing())
        show(*std::exchange(m_deferred, std::nullopt));
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

// Details, visits and funds on the left; checklist and deliverables on the
// right; in a page that scrolls as a whole.
void AssignmentPage::layOutSections()
{
    QWidget *checklistBox = m_checklist->checklistBox(this);
    // The sections are as tall as what they show and the page scrolls as a whole,
    // so nothing hides in a box of its own on a small screen; two columns when
    // there is room, else one.
    FitToContents::apply(m_checklist->details());
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    // What the worker told the company (late, a problem) and the thread with it head the
    // column: that is the conversation going on now.
    m_reports->addListTo(ll);
    m_messages->addTo(ll);
    m_documents->addTo(ll);
    ll->addWidget(m_checklist->details());
    m_visits->addTableTo(ll);
    m_funds->addTableTo(ll, left);
    ll->addStretch();
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(checklistBox);
    // As tall as it needs: the left column is often taller, and its extra room would otherwise
    // open gaps between the deliverables' lines.
    m_deliverables->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
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
    m_scroller = new FocusScroller(m_scroll);
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

bool AssignmentPage::isTwoColumns() const
{
    return m_columns->direction() == QBoxLayout::LeftToRight;
}

QString AssignmentPage::titleText() const
{
    return m_title->text();
}

void AssignmentPage::show(const Assignment &a)
{
    if (a.id == m_id && m_visits->isEditing()) {
        m_deferred = a;
        return;
    }
    m_deferred.reset();
    const QDateTime now = m_clock->now();
    if (a.id != m_id) {
        showError(QString());
        setChangeNote(QString());
    }
    const bool another = a.id != m_id;
    if (another)
        m_uploads.clear();
    m_id = a.id;
    m_assignment = a;
    m_title->setText(QStringLiteral("#%1 %2").arg(a.id).arg(a.title));
    m_subtitle->setText(tr("%1 · %2, %3 · %4")
                            .arg(a.company.name, a.site.city, a.site.region,
                                 SiteTime::formatWithLocal(a.schedule.start, a.site.timeZone)));
    m_funds->show(a, now);
    m_checklist->show(a, now);
    m_visits->show(a);
    m_reports->show(a);
    m_messages->show(a);
    m_documents->show(a);
    m_deliverables->setContent(a, m_uploads);
    // Another assignment starts at its top (the thread, the documents), not where the last
    // one was left scrolled.
    if (another)
        m_scroll->verticalScrollBar()->setValue(0);
}

void AssignmentPage::setChangeNote(const QString &message)
{
    m_changeNote->setText(
        message.isEmpty()
            ? QString()
            : tr("<b>Changed since you last looked:</b> %1").arg(message.toHtmlEscaped()));
    m_changeNote->setVisible(!message.isEmpty());
}

QString AssignmentPage::changeNoteText() const
{
    return m_changeNote->isVisibleTo(this) ? m_changeNote->text() : QString();
}

QString AssignmentPage::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void AssignmentPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void AssignmentPage::setUploads(const QList<UploadItem> &uploads)
{
    // Files attached to messages travel in the same queue; the thread shows those.
    m_uploads.clear();
    for (const UploadItem &u : uploads)
        if (u.assignmentId == m_id && u.kind != QLatin1String(UploadItem::kMessageKind))
            m_uploads.append(u);
    m_messages->setUploads(uploads);
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
    const QStringList paths = FileDialog::openFileNames(
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
    auto *dialog = presentModal(m_fundsDialog, new FundsRequestDialog(m_assignment, kind, this));
    const qint64 id = m_id;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { Q_EMIT fundsRequested(id, dialog->input()); });
    return dialog;
}

QWidget *AssignmentPage::targetFor(const QString &key) const
{
    if (key == QLatin1String("deliverables"))
        return m_deliverables;
    return m_visits->targetFor(key);
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
    m_scroller->keepInView(w);
    w->setFocus(Qt::OtherFocusReason);
    // A label (the phone instructions) draws no focus frame: a short flash of the
    // highlight colour shows where a checklist click led, instead of a click that
    // seems to do nothing.
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
    auto *dialog = presentModal(m_submitDialog, new SubmitDialog(m_assignment, this));
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
        auto *dialog = presentModal(m_taskDialog, new TaskDialog(t, this));
        const qint64 id = m_id;
        connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
            Q_EMIT taskAnswered(id, dialog->taskId(), dialog->answer());
        });
        return dialog;
    }
    return nullptr;
}

} // namespace onsite

#include "AppController.h"

#include "AppSession.h"
#include "AssignmentActions.h"
#include "AssignmentPage.h"
#include "DeliverableFiles.h"
#include "Dialogs.h"
#include "DocumentFiles.h"
#include "Exports.h"
#include "LocalStore.h"
#include "MainWindow.h"

#include <utility>

namespace onsite {

AppController::AppController(MainWindow *window, CredentialStore *credentials, QString dataDir,
                             const Clock *clock, QObject *parent)
    : QObject(parent), m_window(window),
      m_session(new AppSession(window, credentials, std::move(dataDir), clock, this)),
      m_actions(new AssignmentActions(m_session, this)),
      m_files(new DeliverableFiles(m_session, m_actions, this)),
      m_documents(new DocumentFiles(m_session, this)), m_exports(new Exports(m_session, this)),
      m_dialogs(new Dialogs(m_session, this))
{
    connect(m_session, &AppSession::signedIn, this, &AppController::signedIn);
    connect(m_session, &AppSession::signInFailed, this, &AppController::signInFailed);
    connect(m_session, &AppSession::rowsReloaded, this, &AppController::rowsReloaded);
    connect(m_session, &AppSession::syncFinished, this, &AppController::syncFinished);
    connect(m_session, &AppSession::cacheChanged, this, &AppController::onCacheChanged);
    connect(m_session, &AppSession::reloading, this, &AppController::reopenShownAssignment);
    connect(m_dialogs, &Dialogs::settingsSaved, m_documents, &DocumentFiles::applyLimit);
    wireWindow();
    wirePage();
}

// The parts are children and go after this; the session ends first so that no engine
// answers into a part being destroyed.
AppController::~AppController()
{
    delete m_session;
}

void AppController::wireWindow()
{
    connect(m_window, &MainWindow::syncRequested, m_session, &AppSession::syncNow);
    connect(m_window, &MainWindow::cancelSyncRequested, m_session, &AppSession::cancelSync);
    connect(m_window, &MainWindow::signOutRequested, m_session, &AppSession::signOut);
    connect(m_window, &MainWindow::assignmentRequested, this, &AppController::openAssignment);
    connect(m_window, &MainWindow::checkInRequested, m_actions, &AssignmentActions::checkIn);
    connect(m_window, &MainWindow::checkOutRequested, m_actions, &AssignmentActions::checkOut);
    connect(m_window, &MainWindow::activityRequested, m_dialogs, &Dialogs::showActivity);
    connect(m_window, &MainWindow::scorecardRequested, m_dialogs, &Dialogs::showScorecard);
    connect(m_window, &MainWindow::settingsRequested, m_dialogs, &Dialogs::showSettings);
    connect(m_window, &MainWindow::calendarExportRequested, m_exports,
            &Exports::chooseCalendarExport);
    connect(m_window, &MainWindow::calendarLinkRequested, m_exports, &Exports::requestCalendarLink);
    connect(m_window, &MainWindow::timesheetExportRequested, m_exports,
            &Exports::chooseTimesheetExport);
}

void AppController::wirePage()
{
    AssignmentPage *page = m_window->page();
    connect(page, &AssignmentPage::confirmRequested, m_actions,
            &AssignmentActions::confirmSchedule);
    connect(page, &AssignmentPage::checkInRequested, m_actions, &AssignmentActions::checkIn);
    connect(page, &AssignmentPage::checkOutRequested, m_actions, &AssignmentActions::checkOut);
    connect(page, &AssignmentPage::logEditRequested, m_actions, &AssignmentActions::editLog);
    connect(page, &AssignmentPage::logDeleteRequested, m_actions, &AssignmentActions::deleteLog);
    connect(page, &AssignmentPage::fundsRequested, m_actions, &AssignmentActions::requestFunds);
    connect(page, &AssignmentPage::withdrawRequested, m_actions, &AssignmentActions::withdrawFunds);
    connect(page, &AssignmentPage::etaReportRequested, m_actions, &AssignmentActions::reportEta);
    connect(page, &AssignmentPage::messagePostRequested, m_actions,
            &AssignmentActions::postMessage);
    connect(page, &AssignmentPage::problemReportRequested, m_actions,
            &AssignmentActions::reportProblem);
    connect(page, &AssignmentPage::taskAnswered, m_actions, &AssignmentActions::answerTask);
    connect(page, &AssignmentPage::submitRequested, m_actions, &AssignmentActions::submit);
    connect(page, &AssignmentPage::uploadRequested, m_files, &DeliverableFiles::addFiles);
    connect(page, &AssignmentPage::uploadCancelRequested, m_files, &DeliverableFiles::cancelUpload);
    connect(page, &AssignmentPage::uploadRetryRequested, m_files, &DeliverableFiles::retryUpload);
    connect(page, &AssignmentPage::uploadNewVersionRequested, m_files,
            &DeliverableFiles::useNewVersion);
    connect(page, &AssignmentPage::deliverableRemoveRequested, m_files,
            &DeliverableFiles::removeDeliverable);
    connect(page, &AssignmentPage::deliverableOpenRequested, m_files,
            [this](qint64, const QString &deliverableId, const QString &name) {
                m_files->openDeliverable(deliverableId, name);
            });
    connect(page, &AssignmentPage::recordExportRequested, m_exports, &Exports::chooseRecordExport);
}

void AppController::start()
{
    m_session->start();
}

void AppController::signIn(const QUrl &server, const QString &email, const QString &password)
{
    m_session->signIn(server, email, password);
}

void AppController::showSignIn(const QString &message)
{
    m_session->showSignIn(message);
}

void AppController::signOut()
{
    m_session->signOut();
}

void AppController::setSyncIntervalSecs(int secs)
{
    m_session->setSyncIntervalSecs(secs);
}

bool AppController::isSignedIn() const
{
    return m_session->isSignedIn();
}

SignInDialog *AppController::signInDialog() const
{
    return m_session->signInDialog();
}

QString AppController::databasePath() const
{
    return m_session->databasePath();
}

QString AppController::accountKey(const QUrl &server, const QString &email)
{
    return AppSession::accountKey(server, email);
}

void AppController::syncNow()
{
    m_session->syncNow();
}

void AppController::openAssignment(qint64 id)
{
    if (!loadOnPage(id))
        return;
    // Said on this opening only: opened again, the page no longer says it.
    m_window->page()->setChangeNote(m_session->changeNotes()->take(id));
    m_window->showAssignmentPage();
    // Opened, the thread is read: the row's count goes, on the worker's other computers too.
    m_actions->markShownRead();
}

bool AppController::loadOnPage(qint64 id)
{
    LocalStore *reader = m_session->reader();
    if (!reader)
        return false;
    const auto a = reader->assignment(id);
    if (!a) {
        m_window->showMessage(tr("That assignment is no longer in your list."));
        m_window->showDashboard();
        return false;
    }
    m_pageStale = false;
    showOnPage(*a);
    return true;
}

void AppController::showOnPage(const Assignment &a)
{
    m_window->page()->show(a);
    m_actions->refreshUnsent();
    m_files->refreshUploads();
    m_files->useCachedFiles(a);
}

void AppController::onCacheChanged(const QList<Assignment> &views)
{
    // The page shows what the engine just wrote without reading it back; a change the engine
    // cannot list (a page of the change feed) makes the page read its document again.
    const qint64 shown = m_window->isShowingAssignment() ? m_window->page()->assignmentId() : 0;
    if (!shown)
        return;
    if (views.isEmpty()) {
        m_pageStale = true;
        return;
    }
    for (const Assignment &a : views)
        if (a.id == shown) {
            m_pageStale = false;
            showOnPage(a);
            return;
        }
}

void AppController::reopenShownAssignment()
{
    if (!m_window->isShowingAssignment() || !m_window->page()->assignmentId())
        return;
    if (std::exchange(m_pageStale, false))
        loadOnPage(m_window->page()->assignmentId());
    else
        m_window->page()->refresh(); // the time or the appearance moved on
}

} // namespace onsite

#include "AppController.h"

#include "ActivityDialog.h"
#include "JsonReader.h"
#include "Operation.h"

#include "AcceptedFiles.h"
#include "AppSettings.h"
#include "AssignmentPage.h"
#include "AssignmentRecord.h"
#include "AssignmentSummary.h"
#include "CalendarLinkJob.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DashboardModel.h"
#include "DeliverablesPanel.h"
#include "FundsRequestModel.h"
#include "ICalendar.h"
#include "LateNotifier.h"
#include "LocalStore.h"
#include "LogFile.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "OperationDescription.h"
#include "PdfExport.h"
#include "Rules.h"
#include "ScorecardDialog.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "SignInJob.h"
#include "SignOutJob.h"
#include "SyncEngine.h"
#include "TimeLogHistoryJob.h"
#include "TimeLogModel.h"
#include "Timesheet.h"
#include "TimesheetDialog.h"
#include "UploadEngine.h"
#include "UploadQueue.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace onsite {
namespace {

// Runs `work` on its own connection to the cache, on `pool`: the UI thread never waits on
// the disk. `failed` answers when the file cannot be opened.
template <typename Work, typename Failed>
auto readCache(QThreadPool *pool, const QString &db, Work work, Failed failed)
{
    return QtConcurrent::run(pool, [db, work, failed] {
        LocalStore store(QStringLiteral("read-") +
                         QUuid::createUuid().toString(QUuid::WithoutBraces));
        QString error;
        return store.open(db, &error) ? work(store) : failed(error);
    });
}

QUrl apiBase(const QUrl &server)
{
    QUrl u = server;
    QString p = u.path();
    if (!p.endsWith(QLatin1Char('/')))
        p += QLatin1Char('/');
    u.setPath(p + QStringLiteral("api/v1/"));
    return u;
}

} // namespace

AppController::AppController(MainWindow *window, CredentialStore *credentials, QString dataDir,
                             const Clock *clock, QObject *parent)
    : QObject(parent), m_window(window), m_credentials(credentials), m_dataDir(std::move(dataDir)),
      m_clock(clock), m_nam(new QNetworkAccessManager(this)), m_late(new LateNotifier(clock, this)),
      m_labelTimer(new QTimer(this))
{
    connect(m_late, &LateNotifier::notify, m_window,
            [this](const QString &title, const QString &message, qint64 id, const QString &kind) {
                if (AppSettings::notify(kind))
                    m_window->notify(title, message, id);
            });
    QDir().mkpath(m_dataDir);
    m_loadPool.setMaxThreadCount(1);
    connect(&m_loader, &QFutureWatcher<QVector<DashboardRow>>::finished, this, [this] {
        QVector<DashboardRow> rows = m_loader.result();
        const int n = int(rows.size());
        m_late->check(rows);
        m_window->model()->setRows(std::move(rows));
        Q_EMIT rowsReloaded(n);
        if (m_reloadAgain) {
            m_reloadAgain = false;
            reload();
        }
    });
    connect(m_window, &MainWindow::syncRequested, this, &AppController::syncNow);
    connect(m_window, &MainWindow::cancelSyncRequested, this, [this] {
        if (m_engine)
            QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel);
    });
    connect(m_window, &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_window, &MainWindow::assignmentRequested, this, &AppController::openAssignment);
    connect(m_window, &MainWindow::checkInRequested, this, &AppController::checkIn);
    m_window->setVisitBlockers([this](qint64 id) {
        MainWindow::VisitBlockers b;
        if (const auto a = m_reader ? m_reader->assignment(id) : std::nullopt) {
            b.checkIn = Rules::checkInBlocker(*a);
            b.checkOut = Rules::checkOutBlocker(*a);
        }
        return b;
    });
    connect(m_window, &MainWindow::checkOutRequested, this, &AppController::checkOut);
    connect(m_window, &MainWindow::activityRequested, this, &AppController::showActivity);
    AssignmentPage *page = m_window->page();
    connect(page, &AssignmentPage::confirmRequested, this, &AppController::confirmSchedule);
    connect(page, &AssignmentPage::checkInRequested, this, &AppController::checkIn);
    connect(page, &AssignmentPage::checkOutRequested, this, &AppController::checkOut);
    connect(page, &AssignmentPage::logEditRequested, this, &AppController::editLog);
    connect(page, &AssignmentPage::logDeleteRequested, this, &AppController::deleteLog);
    connect(page, &AssignmentPage::uploadRequested, this, &AppController::addFiles);
    connect(page, &AssignmentPage::uploadCancelRequested, this, [this](const QString &uploadId) {
        onUploads([uploadId](UploadEngine *u) { u->cancel(uploadId); });
    });
    connect(page, &AssignmentPage::uploadRetryRequested, this, [this](const QString &uploadId) {
        onUploads([uploadId](UploadEngine *u) { u->retry(uploadId); });
    });
    connect(page, &AssignmentPage::uploadNewVersionRequested, this,
            [this](const QString &uploadId) {
                onUploads([uploadId](UploadEngine *u) { u->useCurrentFile(uploadId); });
            });
    connect(page, &AssignmentPage::deliverableRemoveRequested, this,
            &AppController::removeDeliverable);
    connect(page, &AssignmentPage::fundsRequested, this, &AppController::requestFunds);
    connect(page, &AssignmentPage::withdrawRequested, this, &AppController::withdrawFunds);
    connect(page, &AssignmentPage::taskAnswered, this, &AppController::answerTask);
    connect(page, &AssignmentPage::submitRequested, this, &AppController::submit);
    connect(m_window, &MainWindow::scorecardRequested, this, &AppController::showScorecard);
    connect(m_window, &MainWindow::settingsRequested, this, &AppController::showSettings);
    connect(m_window, &MainWindow::calendarExportRequested, this,
            &AppController::chooseCalendarExport);
    connect(m_window, &MainWindow::calendarLinkRequested, this,
            &AppController::requestCalendarLink);
    connect(m_window, &MainWindow::timesheetExportRequested, this,
            &AppController::chooseTimesheetExport);
    connect(page, &AssignmentPage::recordExportRequested, this, &AppController::chooseRecordExport);
    connect(this, &AppController::calendarLinkReady, this, &AppController::showCalendarLink);
    connect(this, &AppController::exported, this,
            [this](bool ok, const QString &path, const QString &message) {
                m_window->showMessage(
                    ok ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                       : tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), message));
            });
    connect(page, &AssignmentPage::deliverableOpenRequested, this,
            [this](qint64, const QString &deliverableId, const QString &name) {
                openDeliverable(deliverableId, name);
            });
    // Labels such as Worker Late appear with the passing of time, not only with new data.
    connect(m_labelTimer, &QTimer::timeout, this, &AppController::reload);
    m_labelTimer->start(60 * 1000);
}

AppController::~AppController()
{
    closeSession();
}

QString AppController::accountKey(const QUrl &server, const QString &email)
{
    return email.toLower() + QLatin1Char('@') + server.host() + QLatin1Char(':') +
           QString::number(server.port(server.scheme() == QLatin1String("https") ? 443 : 80));
}

QString AppController::accountSettingsKey() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(accountKey(m_server, m_email).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16));
}

void AppController::start()
{
    QSettings settings;
    const QUrl server = settings.value(QStringLiteral("account/server")).toUrl();
    const QString email = settings.value(QStringLiteral("account/email")).toString();
    if (server.isEmpty() || email.isEmpty()) {
        showSignIn(QString());
        return;
    }
    const QString account = accountKey(server, email);
    auto *conn = new QMetaObject::Connection;
    *conn = connect(m_credentials, &CredentialStore::readFinished, this,
                    [this, conn, account, server, email](const QString &acc, const QString &secret,
                                                         const QString &error) {
                        if (acc != account)
                            return;
                        disconnect(*conn);
                        delete conn;
                        if (secret.isEmpty()) {
                            showSignIn(error);
                            return;
                        }
                        openSession(server, email, secret);
                    });
    m_credentials->read(account);
}

void AppController::showSignIn(const QString &message)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        QSettings settings;
        m_dialog->setServer(settings.value(QStringLiteral("account/server")).toString());
        m_dialog->setEmail(settings.value(QStringLiteral("account/email")).toString());
        connect(m_dialog, &SignInDialog::signInRequested, this,
                [this] { signIn(m_dialog->server(), m_dialog->email(), m_dialog->password()); });
    }
    m_dialog->showError(message);
    m_dialog->show();
    m_dialog->raise();
}

void AppController::signIn(const QUrl &server, const QString &email, const QString &password)
{
    auto *job = new SignInJob(m_nam, apiBase(server), email, password, this);
    job->setTimeoutMs(20000);
    connect(job, &NetworkJob::finished, this, [this, job, server, email] {
        job->deleteLater();
        if (job->errorKind() != NetworkJob::ErrorKind::None) {
            if (m_dialog)
                m_dialog->showError(job->errorMessage());
            Q_EMIT signInFailed(job->errorMessage());
            return;
        }
        QSettings settings;
        settings.setValue(QStringLiteral("account/server"), server);
        settings.setValue(QStringLiteral("account/email"), email);
        const QString account = accountKey(server, email);
        auto *conn = new QMetaObject::Connection;
        *conn = connect(m_credentials, &CredentialStore::writeFinished, this,
                        [this, conn, account](const QString &acc, const QString &error) {
                            if (acc != account)
                                return;
                            disconnect(*conn);
                            delete conn;
                            if (!error.isEmpty())
                                m_window->showMessage(error); // keeps working, token in memory
                        });
        m_credentials->write(account, job->token());
        if (m_dialog)
            m_dialog->accept();
        openSession(server, email, job->token());
    });
    job->start();
}

void AppController::openSession(const QUrl &server, const QString &email, const QString &token)
{
    closeSession();
    m_server = server;
    m_email = email;
    m_token = token;
    const QByteArray key =
        QCryptographicHash::hash(accountKey(server, email).toUtf8(), QCryptographicHash::Sha1);
    // One cache file per account, so switching accounts never mixes or discards anyone's work.
    m_dbPath = QDir(m_dataDir).filePath(
        QStringLiteral("cache-%1.sqlite").arg(QString::fromLatin1(key.toHex().left(16))));
    m_window->setAccount(tr("%1 on %2").arg(email, server.host()));
    m_window->setLastSuccessfulSync(
        QSettings().value(QStringLiteral("sync/%1/lastOk").arg(accountSettingsKey())).toDateTime());
    m_late->setAccount(accountKey(server, email));

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sync"));
    m_engine = new SyncEngine(m_dbPath, apiBase(server));
    m_engine->moveToThread(m_thread);
    connect(m_engine, &SyncEngine::opened, this, &AppController::onEngineOpened);
    connect(m_engine, &SyncEngine::storeChanged, this, &AppController::reload);
    connect(m_engine, &SyncEngine::onlineChanged, m_window, &MainWindow::setOnline);
    connect(m_engine, &SyncEngine::pendingCountChanged, m_window, [this](int n) {
        m_window->setPendingCount(n);
        refreshUnsent();
        refreshActivity();
    });
    connect(m_engine, &SyncEngine::needsAttentionChanged, m_window,
            &MainWindow::setNeedsAttentionCount);
    connect(m_engine, &SyncEngine::operationRejected, this,
            [this](const QString &, const QString &message) {
                m_window->showMessage(tr("A change was refused by the server: %1").arg(message));
            });
    connect(m_engine, &SyncEngine::recorded, this,
            [this](const QString &opId, bool ok, const QString &, const QString &message) {
                if (!ok)
                    m_window->page()->showError(message);
                else
                    m_window->page()->showError(QString());
                Q_EMIT changeRecorded(opId, ok, message);
            });
    connect(m_engine, &SyncEngine::syncStarted, m_window, [this] { m_window->setSyncing(true); });
    connect(m_engine, &SyncEngine::syncFinished, this,
            [this](bool ok, const QString &message, const QDateTime &at) {
                m_window->setSyncing(false);
                m_window->setSyncResult(ok, at, message);
                if (ok)
                    QSettings().setValue(QStringLiteral("sync/%1/lastOk").arg(accountSettingsKey()),
                                         at.toUTC());
                Q_EMIT syncFinished(ok, message);
            });
    connect(m_engine, &SyncEngine::signInRequired, this, &AppController::showSignIn);
    connect(m_engine, &SyncEngine::notice, this,
            [this](qint64 id, const QString &kind, const QString &title, const QString &message) {
                if (AppSettings::notify(AppSettings::kindOfNotice(kind)))
                    m_window->notify(title, message, id);
                else
                    m_window->showMessage(tr("%1: %2").arg(title, message));
                Q_EMIT noticeShown(id, kind, title, message);
            });
    connect(m_engine, &SyncEngine::scorecardChanged, this, [this](const QJsonObject &o) {
        if (m_scorecard)
            m_scorecard->setScorecard(Scorecard::fromJson(o), m_clock->now(), QString());
    });
    connect(m_engine, &SyncEngine::scorecardFailed, this, [this](const QString &message) {
        if (m_scorecard)
            showCachedScorecard(message);
    });

    // Uploads travel on the same thread and write through the sync engine's store.
    m_uploads = new UploadEngine(apiBase(server));
    m_uploads->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_uploads, &QObject::deleteLater);
    // The engine (and its store) goes after the upload engine that writes through it.
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_uploads, &UploadEngine::itemsChanged, this, [this] {
        refreshUploads();
        refreshActivity();
    });
    connect(m_uploads, &UploadEngine::progress, this,
            [this](const QString &id, qint64 sent, qint64, bool hashing) {
                if (m_activity && !hashing)
                    m_activity->setUploadProgress(id, sent);
            });
    connect(m_uploads, &UploadEngine::progress, m_window->page(),
            &AssignmentPage::setUploadProgress);
    connect(m_uploads, &UploadEngine::refused, this,
            [this](const QString &path, const QString &message) {
                // Listed beside the deliverables of the assignment the file was added to.
                const qint64 id = m_addingFor.take(path);
                m_window->page()->deliverables()->addRefused(id ? id
                                                                : m_window->page()->assignmentId(),
                                                             QFileInfo(path).fileName(), message);
            });
    connect(m_uploads, &UploadEngine::uploaded, this, &AppController::syncNow);
    connect(m_uploads, &UploadEngine::signInRequired, this, &AppController::showSignIn);
    connect(m_uploads, &UploadEngine::downloaded, this,
            [this](const QString &id, const QString &path, bool ok, const QString &message) {
                m_fetching.remove(id);
                if (ok)
                    m_window->page()->setCachedFile(id, path);
                if (m_openAfter.remove(id)) {
                    if (ok)
                        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
                    else
                        m_window->page()->showError(
                            tr("The file could not be fetched: %1").arg(message));
                }
            });
    m_thread->start();
    SyncEngine *engine = m_engine;
    UploadEngine *uploads = m_uploads;
    const int interval = m_intervalSecs;
    QMetaObject::invokeMethod(engine, [engine, uploads, token, interval] {
        engine->open();
        engine->setToken(token);
        engine->setIntervalSecs(interval);
        if (engine->store()) {
            uploads->attach(engine->store());
            uploads->setToken(token);
            uploads->resume();
        }
    });
}

void AppController::onEngineOpened(bool ok, const QString &error)
{
    if (!ok) {
        m_window->showMessage(tr("Cannot open the local cache: %1").arg(error));
        return;
    }
    m_reader = std::make_unique<LocalStore>(QStringLiteral("ui-") +
                                            QUuid::createUuid().toString(QUuid::WithoutBraces));
    QString readerError;
    if (!m_reader->open(m_dbPath, &readerError))
        m_window->showMessage(readerError);
    reload();
    m_window->showMessage(QString());
    Q_EMIT signedIn();
    syncNow();
}

void AppController::closeSession()
{
    if (m_engine) {
        QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel);
        m_engine = nullptr;
    }
    if (m_uploads) {
        QMetaObject::invokeMethod(m_uploads, &UploadEngine::pause);
        m_uploads = nullptr;
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_loader.waitForFinished();
    m_reader.reset();
}

void AppController::signOut()
{
    if (!m_token.isEmpty()) {
        auto *job = new SignOutJob(m_nam, apiBase(m_server), m_token, this);
        connect(job, &NetworkJob::finished, job, &QObject::deleteLater);
        job->start();
        m_credentials->remove(accountKey(m_server, m_email));
    }
    m_token.clear();
    closeSession();
    m_window->model()->setRows({});
    m_window->showDashboard();
    showSignIn(QString());
}

void AppController::syncNow()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow);
}

void AppController::reload()
{
    if (m_dbPath.isEmpty() || !m_reader)
        return;
    if (m_loader.isRunning()) {
        m_reloadAgain = true;
        return;
    }
    const QString path = m_dbPath;
    const QDateTime now = m_clock->now();
    m_loader.setFuture(readCache(
        &m_loadPool, path,
        [now](LocalStore &store) {
            QVector<DashboardRow> rows;
            QString error;
            const QList<AssignmentSummary> all = store.summaries(&error);
            rows.reserve(all.size());
            for (const AssignmentSummary &s : all)
                rows.append(DashboardRow::from(s, now));
            return rows;
        },
        [](const QString &) { return QVector<DashboardRow>(); }));
    if (m_window->isShowingAssignment() && m_window->page()->assignmentId())
        openAssignment(m_window->page()->assignmentId());
}

void AppController::openAssignment(qint64 id)
{
    if (!m_reader)
        return;
    const auto a = m_reader->assignment(id);
    if (!a) {
        m_window->showMessage(tr("That assignment is no longer in your list."));
        m_window->showDashboard();
        return;
    }
    m_window->page()->show(*a);
    refreshUnsent();
    refreshUploads();
    useCachedFiles(*a);
    m_window->showAssignmentPage();
}

QString AppController::cachePath(const QString &deliverableId, const QString &filename) const
{
    return QDir(m_dataDir).filePath(
        QStringLiteral("files/%1/%2").arg(deliverableId, AcceptedFiles::sanitizedName(filename)));
}

void AppController::useCachedFiles(const Assignment &a)
{
    constexpr qint64 kThumbnailFetchLimit = 8 * 1024 * 1024;
    for (const Deliverable &d : a.deliverables) {
        const QString path = cachePath(d.id, d.filename);
        if (QFileInfo::exists(path)) {
            m_window->page()->setCachedFile(d.id, path);
        } else if (AcceptedFiles::isImage(d.filename) && d.size <= kThumbnailFetchLimit &&
                   m_uploads && !m_fetching.contains(d.id)) {
            m_fetching.insert(d.id);
            const QString id = d.id;
            onUploads([id, path](UploadEngine *u) { u->download(id, path); });
        }
    }
}

void AppController::openDeliverable(const QString &deliverableId, const QString &filename)
{
    const QString path = cachePath(deliverableId, filename);
    if (QFileInfo::exists(path)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        return;
    }
    m_openAfter.insert(deliverableId);
    m_window->showMessage(tr("Fetching \"%1\"…").arg(filename));
    if (m_fetching.contains(deliverableId))
        return;
    m_fetching.insert(deliverableId);
    onUploads([deliverableId, path](UploadEngine *u) { u->download(deliverableId, path); });
}

void AppController::refreshUploads()
{
    if (!m_reader)
        return;
    m_window->page()->setUploads(
        UploadQueue(m_reader->database()).items(m_window->page()->assignmentId()));
}

template <typename F> void AppController::onUploads(F f)
{
    if (!m_uploads) {
        m_window->page()->showError(tr("Sign in first."));
        return;
    }
    UploadEngine *uploads = m_uploads;
    QMetaObject::invokeMethod(uploads, [uploads, f] { f(uploads); });
}

void AppController::addFiles(qint64 id, const QList<FileChoice> &files)
{
    for (const FileChoice &c : files)
        m_addingFor.insert(c.path, id);
    onUploads([id, files](UploadEngine *u) {
        for (const FileChoice &c : files)
            u->add(id, c.path, c.kind, c.requirementId);
    });
}

void AppController::removeDeliverable(qint64 id, const QString &deliverableId,
                                      const QString &uploadId)
{
    // Through the outbox like every change, so it waits offline; the local copy of the upload
    // is forgotten at once.
    record(Operation::make(id, QStringLiteral("deliverable.remove"),
                           {{QStringLiteral("id"), deliverableId}}, m_clock->now()));
    onUploads([uploadId](UploadEngine *u) { u->cancel(uploadId); });
}

} // namespace onsite

namespace onsite {

void AppController::record(const Operation &op)
{
    if (!m_engine) {
        m_window->page()->showError(tr("Sign in first."));
        return;
    }
    SyncEngine *engine = m_engine;
    // The engine's thread owns the only writing connection; the answer comes back as recorded().
    QMetaObject::invokeMethod(engine, [engine, op] { engine->record(op); });
}

void AppController::confirmSchedule(qint64 id)
{
    record(Operation::make(id, QStringLiteral("schedule.confirm"), {}, m_clock->now()));
}

void AppController::checkIn(qint64 id)
{
    const QDateTime now = m_clock->now();
    if (const auto a = m_reader ? m_reader->assignment(id) : std::nullopt) {
        const QString blocker = Rules::checkInBlocker(*a);
        if (!blocker.isEmpty()) {
            refuseAction(blocker);
            return;
        }
        // Outside the allotted window the worker may be on the wrong assignment or day: ask.
        const QString outside = Rules::checkInOutsideWindowText(*a, now);
        if (!outside.isEmpty() &&
            MessageBox::question(
                m_window, tr("Check in outside the window"),
                tr("%1\n\nCheck in to #%2 %3 now anyway?").arg(outside).arg(a->id).arg(a->title),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
    }
    record(
        Operation::make(id, QStringLiteral("time_log.upsert"),
                        {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QStringLiteral("check_in"), JsonReader::formatInstant(now)}},
                        now));
}

void AppController::checkOut(qint64 id)
{
    const auto a = m_reader ? m_reader->assignment(id) : std::nullopt;
    const int index = a ? Rules::openVisit(*a) : -1;
    const TimeLog *open = index >= 0 ? &a->timeLogs.at(index) : nullptr;
    if (!open) {
        refuseAction(a ? Rules::checkOutBlocker(*a)
                       : tr("You are not checked in to this assignment."));
        return;
    }
    const QDateTime now = m_clock->now();
    QJsonObject payload{{QStringLiteral("id"), open->id},
                        {QStringLiteral("check_in"), JsonReader::formatInstant(open->checkIn)},
                        {QStringLiteral("check_out"), JsonReader::formatInstant(now)}};
    if (!open->note.isEmpty())
        payload.insert(QStringLiteral("note"), open->note);
    record(Operation::make(id, QStringLiteral("time_log.upsert"), payload, now));
}

void AppController::refuseAction(const QString &reason)
{
    // Said where the worker is looking: on the page when it is open, in the status bar always.
    if (m_window->isShowingAssignment())
        m_window->page()->showError(reason);
    m_window->showMessage(reason);
}

void AppController::editLog(qint64 id, const QString &logId, const QDateTime &checkIn,
                            const QDateTime &checkOut, const QString &note)
{
    QJsonObject payload{{QStringLiteral("id"), logId},
                        {QStringLiteral("check_in"), JsonReader::formatInstant(checkIn)}};
    if (checkOut.isValid())
        payload.insert(QStringLiteral("check_out"), JsonReader::formatInstant(checkOut));
    if (!note.isEmpty())
        payload.insert(QStringLiteral("note"), note);
    record(Operation::make(id, QStringLiteral("time_log.upsert"), payload, m_clock->now()));
}

void AppController::deleteLog(qint64 id, const QString &logId)
{
    record(Operation::make(id, QStringLiteral("time_log.delete"), {{QStringLiteral("id"), logId}},
                           m_clock->now()));
}

void AppController::showActivity()
{
    if (!m_activity) {
        m_activity = new ActivityDialog(m_window);
        m_activity->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_activity, &ActivityDialog::dismissRequested, this, [this](const QString &opId) {
            if (m_engine) {
                SyncEngine *engine = m_engine;
                QMetaObject::invokeMethod(engine, [engine, opId] { engine->dismiss(opId); });
            }
        });
    }
    refreshActivity();
    m_activity->show();
    m_activity->raise();
    // Keys go to it (Escape closes it), also when opened again while behind the main window.
    m_activity->activateWindow();
}

void AppController::refreshUnsent()
{
    const qint64 id = m_window->page()->assignmentId();
    if (!m_reader || !id)
        return;
    const OperationDescription::Unsent u = OperationDescription::unsent(m_reader->outbox(), id);
    m_window->page()->timeLogs()->setUnsent(u.timeLogs);
    m_window->page()->fundsRequests()->setUnsent(u.fundsRequests);
}

void AppController::refreshActivity()
{
    if (!m_activity || !m_reader)
        return;
    const QList<OutboxEntry> entries = m_reader->outbox();
    const QList<UploadItem> uploads = UploadQueue(m_reader->database()).items();
    QHash<qint64, QString> titles;
    auto title = [this, &titles](qint64 id) {
        if (!titles.contains(id))
            if (const auto a = m_reader->assignment(id))
                titles.insert(a->id, QStringLiteral("#%1 %2").arg(a->id).arg(a->title));
    };
    for (const OutboxEntry &e : entries)
        title(e.op.assignmentId);
    for (const UploadItem &u : uploads)
        title(u.assignmentId);
    // Each change named against the assignment as it stood just before it.
    const QStringList changes = OperationDescription::describeAll(
        entries, [this](qint64 id) { return m_reader->serverAssignment(id); }, m_clock->now());
    m_activity->setEntries(entries, titles, changes);
    m_activity->setUploads(uploads, titles);
}

void AppController::requestFunds(qint64 id, const FundsRequestInput &request)
{
    if (!request.receiptPath.isEmpty()) {
        // The form checked the receipt; checked again here, as the file may have changed, since
        // a request must never name a receipt that will not be uploaded.
        const FileVerdict v = AcceptedFiles::checkFile(request.receiptPath, 0).verdict;
        if (!v.ok) {
            refuseAction(tr("The request was not sent: %1").arg(v.message));
            return;
        }
    }
    QJsonObject payload{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("kind"), toWire(request.kind)},
                        {QStringLiteral("amount_cents"), request.amountCents},
                        {QStringLiteral("reason"), request.reason}};
    if (request.extraHours > 0)
        payload.insert(QStringLiteral("extra_hours"), request.extraHours);
    if (!request.receiptPath.isEmpty()) {
        // The receipt travels like a deliverable (no requirement); the request names the
        // deliverable it will become, so both can wait offline in any order.
        const QString receiptId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        payload.insert(QStringLiteral("receipt"), receiptId);
        const QString path = request.receiptPath;
        onUploads([id, path, receiptId](UploadEngine *u) {
            u->add(id, path, toWire(DeliverableKind::Other), QString(), receiptId);
        });
    }
    record(Operation::make(id, QStringLiteral("funds_request.create"), payload, m_clock->now()));
}

void AppController::withdrawFunds(qint64 id, const QString &requestId)
{
    record(Operation::make(id, QStringLiteral("funds_request.withdraw"),
                           {{QStringLiteral("id"), requestId}}, m_clock->now()));
}

void AppController::answerTask(qint64 id, const QString &taskId, const QJsonValue &answer)
{
    record(Operation::make(id, QStringLiteral("task.complete"),
                           {{QStringLiteral("id"), taskId}, {QStringLiteral("answer"), answer}},
                           m_clock->now()));
}

void AppController::submit(qint64 id, const QString &notes)
{
    QJsonObject payload;
    if (!notes.isEmpty())
        payload.insert(QStringLiteral("resolution"), notes);
    record(Operation::make(id, QStringLiteral("assignment.submit"), payload, m_clock->now()));
}

void AppController::showScorecard()
{
    if (!m_reader) {
        m_window->showMessage(tr("Sign in first."));
        return;
    }
    if (!m_scorecard) {
        m_scorecard = new ScorecardDialog(m_window);
        m_scorecard->setAttribute(Qt::WA_DeleteOnClose);
    }
    // The last copy at once (offline too), then the server's current figures.
    showCachedScorecard(QString());
    refreshEarnings();
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::refreshScorecard);
    m_scorecard->show();
    m_scorecard->raise();
}

void AppController::showCachedScorecard(const QString &problem)
{
    if (!m_reader)
        return;
    const QJsonObject cached =
        QJsonDocument::fromJson(m_reader->meta(QStringLiteral("scorecard")).toUtf8()).object();
    if (cached.isEmpty() && problem.isEmpty())
        return;
    m_scorecard->setScorecard(
        Scorecard::fromJson(cached),
        JsonReader::parseInstant(cached.value(QStringLiteral("computed_at")).toString()), problem);
}

void AppController::refreshEarnings()
{
    if (!m_scorecard || m_dbPath.isEmpty())
        return;
    const QString path = m_dbPath;
    auto *watcher = new QFutureWatcher<QList<EarningsPeriod>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_scorecard)
            m_scorecard->setEarnings(watcher->result());
    });
    // Decoding every document is disk and CPU work: off the UI thread, on the loader's pool.
    watcher->setFuture(readCache(
        &m_loadPool, path,
        [](LocalStore &store) {
            QString error;
            return Earnings::byMonth(store.assignments(&error));
        },
        [](const QString &) { return QList<EarningsPeriod>(); }));
}

void AppController::runExport(const QString &path, std::function<QString(LocalStore &)> work)
{
    if (m_dbPath.isEmpty()) {
        Q_EMIT exported(false, path, tr("Sign in first."));
        return;
    }
    m_window->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    const QString db = m_dbPath;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT exported(error.isEmpty(), path, error);
    });
    watcher->setFuture(
        readCache(&m_loadPool, db, work, [](const QString &error) { return error; }));
}

namespace {

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return f.errorString();
    return {};
}

} // namespace

void AppController::exportCalendar(const QString &path)
{
    const QDateTime now = m_clock->now();
    const QString name = tr("Onsite — %1").arg(m_email);
    runExport(path, [path, now, name](LocalStore &store) {
        QString error;
        const QList<Assignment> all = store.assignments(&error);
        return error.isEmpty() ? writeFile(path, ICalendar::build(all, now, name)) : error;
    });
}

void AppController::exportTimesheet(const QDate &from, const QDate &to, bool pdf,
                                    const QString &path)
{
    // Local days, as the worker picked them: from the first day's midnight to the day after
    // the last.
    const QDateTime start = from.startOfDay().toUTC();
    const QDateTime end = to.addDays(1).startOfDay().toUTC();
    const QString worker = m_email;
    runExport(path, [=](LocalStore &store) {
        QString error;
        const QList<TimesheetRow> rows = Timesheet::rows(store.assignments(&error), start, end);
        if (!error.isEmpty())
            return error;
        if (!pdf)
            return writeFile(path, Timesheet::csv(rows));
        QString pdfError;
        PdfExport::write(Timesheet::html(rows, start, end, worker), tr("Timesheet"), path,
                         &pdfError);
        return pdfError;
    });
}

void AppController::exportRecord(qint64 id, const QString &path)
{
    // The edit history lives on the server: fetched first (a short request), or the record
    // says it could not be.
    auto *job = new TimeLogHistoryJob(m_nam, apiBase(m_server), m_token, id, this);
    job->setTimeoutMs(15000);
    const QDateTime now = m_clock->now();
    connect(job, &NetworkJob::finished, this, [this, job, id, path, now] {
        job->deleteLater();
        const bool known = job->errorKind() == NetworkJob::ErrorKind::None;
        const QJsonArray history = job->history();
        runExport(path, [=](LocalStore &store) {
            const auto a = store.assignment(id);
            if (!a)
                return tr("That assignment is no longer in your list.");
            QString error;
            PdfExport::write(AssignmentRecord::html(*a, history, known, now),
                             tr("Assignment record #%1").arg(id), path, &error);
            return error;
        });
    });
    job->start();
}

void AppController::requestCalendarLink()
{
    if (m_token.isEmpty()) {
        Q_EMIT calendarLinkReady(QString(), tr("Sign in first."));
        return;
    }
    auto *job = new CalendarLinkJob(m_nam, apiBase(m_server), m_token, this);
    job->setTimeoutMs(15000);
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->errorKind() != NetworkJob::ErrorKind::None)
            Q_EMIT calendarLinkReady(QString(), job->errorMessage());
        else
            Q_EMIT calendarLinkReady(job->link(), QString());
    });
    job->start();
}

QString AppController::askSavePath(const QString &title, const QString &fileName,
                                   const QString &filter)
{
    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    return QFileDialog::getSaveFileName(m_window, title, documents.filePath(fileName), filter);
}

void AppController::chooseCalendarExport()
{
    const QString path = askSavePath(tr("Export calendar"), QStringLiteral("onsite.ics"),
                                     tr("iCalendar files (*.ics)"));
    if (!path.isEmpty())
        exportCalendar(path);
}

void AppController::chooseTimesheetExport()
{
    TimesheetDialog dialog(m_clock->now().toLocalTime().date(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool pdf = dialog.format() == TimesheetDialog::Format::Pdf;
    const QString suggested =
        QStringLiteral("timesheet-%1-%2.%3")
            .arg(dialog.from().toString(Qt::ISODate), dialog.to().toString(Qt::ISODate),
                 pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    const QString path = askSavePath(tr("Export timesheet"), suggested,
                                     pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTimesheet(dialog.from(), dialog.to(), pdf, path);
}

void AppController::chooseRecordExport(qint64 id)
{
    const QString path =
        askSavePath(tr("Export assignment record"), QStringLiteral("assignment-%1.pdf").arg(id),
                    tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportRecord(id, path);
}

void AppController::showCalendarLink(const QString &url, const QString &error)
{
    if (!error.isEmpty()) {
        m_window->showMessage(tr("No calendar link: %1").arg(error));
        return;
    }
    QGuiApplication::clipboard()->setText(url);
    m_window->showMessage(tr("Calendar link copied to the clipboard."));
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Calendar subscription"),
        tr("Add this address to your calendar app (\"subscribe\" or \"add by URL\") "
           "to see your assignments there; it is already on the clipboard. Anyone "
           "with it can read your schedule: asking again makes a new one and stops "
           "the old one."),
        QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(url);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void AppController::showSettings()
{
    auto *dialog = new SettingsDialog(m_server.toString(), m_dataDir, LogFile::path(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] {
        m_intervalSecs = AppSettings::syncIntervalSecs();
        if (m_engine) {
            SyncEngine *engine = m_engine;
            const int secs = m_intervalSecs;
            QMetaObject::invokeMethod(engine, [engine, secs] { engine->setIntervalSecs(secs); });
        }
        reload(); // the page's coloured text is rebuilt in the appearance just chosen
    });
    dialog->open();
}

} // namespace onsite

#include "AppSession.h"

#include "AssignmentPage.h"
#include "AssignmentSummary.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DashboardModel.h"
#include "LateNotifier.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "ReadCache.h"
#include "SignInDialog.h"
#include "SignInJob.h"
#include "SignOutJob.h"
#include "SyncEngine.h"
#include "UploadEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <utility>

namespace onsite {

namespace {

// Reading the rows and making them the dashboard's is most of a cold start: a list this long
// is read in two halves at once, on two threads (each a reader of the cache file).
constexpr int kSplitAtRows = 2000;

QVector<DashboardRow> rowsOf(LocalStore &store, qint64 fromId, qint64 toId, const QDateTime &now)
{
    QVector<DashboardRow> rows;
    // Each summary is made a row as it is read: no list of them all is held at once.
    store.eachSummary(fromId, toId, [&rows, &now](AssignmentSummary &&s) {
        rows.append(DashboardRow::from(s, now));
    });
    return rows;
}

} // namespace

AppSession::AppSession(MainWindow *window, CredentialStore *credentials, QString dataDir,
                       const Clock *clock, QObject *parent)
    : QObject(parent), m_window(window), m_credentials(credentials), m_dataDir(std::move(dataDir)),
      m_clock(clock), m_nam(new QNetworkAccessManager(this)), m_late(new LateNotifier(clock, this)),
      m_labelTimer(new QTimer(this))
{
    QDir().mkpath(m_dataDir);
    m_loadPool.setMaxThreadCount(1);
    m_helperPool.setMaxThreadCount(1);
    connect(&m_loader, &QFutureWatcher<QVector<DashboardRow>>::finished, this,
            &AppSession::onRowsLoaded);
    // Labels such as Worker Late appear with the passing of time, not only with new data.
    connect(m_labelTimer, &QTimer::timeout, this, &AppSession::reload);
    m_labelTimer->start(60 * 1000);
}

AppSession::~AppSession()
{
    closeSession();
}

QString AppSession::accountKey(const QUrl &server, const QString &email)
{
    return email.toLower() + QLatin1Char('@') + server.host() + QLatin1Char(':') +
           QString::number(server.port(server.scheme() == QLatin1String("https") ? 443 : 80));
}

QUrl AppSession::apiBase(const QUrl &server)
{
    QUrl u = server;
    QString p = u.path();
    if (!p.endsWith(QLatin1Char('/')))
        p += QLatin1Char('/');
    u.setPath(p + QStringLiteral("api/v1/"));
    return u;
}

SignInDialog *AppSession::signInDialog() const
{
    return m_dialog;
}

QString AppSession::accountSettingsKey() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(accountKey(m_server, m_email).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16));
}

void AppSession::start()
{
    QSettings settings;
    const QUrl server = settings.value(QStringLiteral("account/server")).toUrl();
    const QString email = settings.value(QStringLiteral("account/email")).toString();
    if (server.isEmpty() || email.isEmpty()) {
        showSignIn(QString());
        return;
    }
    // The last account's cached rows are painted first; the keychain, the engines and the
    // network wait until they are shown.
    if (showCachedRows(server, email))
        m_afterRowsShown = [this, server, email] { resume(server, email); };
    else
        resume(server, email);
}

void AppSession::resume(const QUrl &server, const QString &email)
{
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
                            forgetCachedRows(); // as before: no rows behind the sign-in
                            showSignIn(error);
                            return;
                        }
                        openSession(server, email, secret);
                    });
    m_credentials->read(account);
}

void AppSession::showSignIn(const QString &message)
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

void AppSession::signIn(const QUrl &server, const QString &email, const QString &password)
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
        keepToken(accountKey(server, email), job->token());
        if (m_dialog)
            m_dialog->accept();
        openSession(server, email, job->token());
    });
    job->start();
}

void AppSession::keepToken(const QString &account, const QString &token)
{
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
    m_credentials->write(account, token);
}

QString AppSession::cachePath(const QString &dataDir, const QUrl &server, const QString &email)
{
    const QByteArray key =
        QCryptographicHash::hash(accountKey(server, email).toUtf8(), QCryptographicHash::Sha1);
    // One cache file per account, so switching accounts never mixes or discards anyone's work.
    return QDir(dataDir).filePath(
        QStringLiteral("cache-%1.sqlite").arg(QString::fromLatin1(key.toHex().left(16))));
}

bool AppSession::showCachedRows(const QUrl &server, const QString &email)
{
    const QString path = cachePath(m_dataDir, server, email);
    if (!QFileInfo::exists(path))
        return false;
    m_dbPath = path;
    m_earlyLoad = true;
    loadRows();
    return true;
}

void AppSession::forgetCachedRows()
{
    if (m_thread || m_dbPath.isEmpty())
        return; // a session's rows, or none shown
    m_earlyLoad = false;
    m_dbPath.clear(); // a load still running is dropped when it ends
    m_window->model()->setRows({});
}

void AppSession::openSession(const QUrl &server, const QString &email, const QString &token)
{
    // The early load of the cached rows goes on (nothing to wait for before a first session).
    if (m_thread)
        closeSession();
    useAccount(server, email, token);
    createEngines();
    connectSyncEngine();
    connectUploadEngine();
    Q_EMIT engineCreated();
    startEngines(token);
}

void AppSession::useAccount(const QUrl &server, const QString &email, const QString &token)
{
    m_server = server;
    m_email = email;
    m_token = token;
    m_dbPath = cachePath(m_dataDir, server, email);
    m_window->setAccount(tr("%1 on %2").arg(email, server.host()));
    m_window->setLastSuccessfulSync(
        QSettings().value(QStringLiteral("sync/%1/lastOk").arg(accountSettingsKey())).toDateTime());
    m_late->setAccount(accountKey(server, email));
    m_changeNotes.setAccount(accountKey(server, email));
}

void AppSession::createEngines()
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sync"));
    m_engine = new SyncEngine(m_dbPath, api());
    // Every "now" from the one injected clock (it is only read, from either thread).
    m_engine->setClock(m_clock);
    m_engine->moveToThread(m_thread);
    // Uploads travel on the same thread and write through the sync engine's store.
    m_uploads = new UploadEngine(api());
    m_uploads->setClock(m_clock);
    m_uploads->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_uploads, &QObject::deleteLater);
    // The engine (and its store) goes after the upload engine that writes through it.
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

void AppSession::connectSyncEngine()
{
    connect(m_engine, &SyncEngine::opened, this, &AppSession::onEngineOpened);
    connect(m_engine, &SyncEngine::storeChanged, this, [this](const QList<Assignment> &views) {
        Q_EMIT cacheChanged(views);
        reload();
    });
    connect(m_engine, &SyncEngine::onlineChanged, m_window, &MainWindow::setOnline);
    connect(m_engine, &SyncEngine::pendingCountChanged, m_window, &MainWindow::setPendingCount);
    connect(m_engine, &SyncEngine::needsAttentionChanged, m_window,
            &MainWindow::setNeedsAttentionCount);
    connect(m_engine, &SyncEngine::operationRejected, this,
            [this](const QString &, const QString &message) {
                m_window->showMessage(tr("A change was refused by the server: %1").arg(message));
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
    connect(m_engine, &SyncEngine::signInRequired, this, &AppSession::showSignIn);
}

void AppSession::connectUploadEngine()
{
    connect(m_uploads, &UploadEngine::uploaded, this, &AppSession::syncNow);
    connect(m_uploads, &UploadEngine::signInRequired, this, &AppSession::showSignIn);
}

void AppSession::startEngines(const QString &token)
{
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

void AppSession::onEngineOpened(bool ok, const QString &error)
{
    if (!ok) {
        m_window->showMessage(tr("Cannot open the local cache: %1").arg(error));
        return;
    }
    m_reader = std::make_unique<LocalStore>(QStringLiteral("ui-") +
                                            QUuid::createUuid().toString(QUuid::WithoutBraces));
    QString readerError;
    if (!m_reader->openReader(m_dbPath, &readerError))
        m_window->showMessage(readerError);
    reload();
    m_window->showMessage(QString());
    Q_EMIT signedIn();
    syncNow();
}

void AppSession::closeSession()
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
    Q_EMIT sessionClosed();
}

void AppSession::signOut()
{
    if (!m_token.isEmpty()) {
        auto *job = new SignOutJob(m_nam, api(), m_token, this);
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

void AppSession::setSyncIntervalSecs(int secs)
{
    m_intervalSecs = secs;
    if (m_engine) {
        SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(engine, [engine, secs] { engine->setIntervalSecs(secs); });
    }
}

void AppSession::syncNow()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow);
}

void AppSession::cancelSync()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel);
}

void AppSession::onUploads(std::function<void(UploadEngine *)> f)
{
    if (!m_uploads) {
        m_window->page()->showError(tr("Sign in first."));
        return;
    }
    UploadEngine *uploads = m_uploads;
    QMetaObject::invokeMethod(uploads, [uploads, f] { f(uploads); });
}

void AppSession::reload()
{
    if (m_dbPath.isEmpty() || !m_reader)
        return;
    if (m_loader.isRunning()) {
        m_reloadAgain = true;
        return;
    }
    loadRows();
}

void AppSession::loadRows()
{
    const QDateTime now = m_clock->now();
    m_loadingPath = m_dbPath;
    m_loader.setFuture(readCache(
        &m_loadPool, m_dbPath,
        [now, path = m_dbPath, helper = &m_helperPool](LocalStore &store) {
            const qint64 middle = store.summariesMiddleId(kSplitAtRows);
            if (!middle)
                return rowsOf(store, SummaryTable::kFirstId, SummaryTable::kEndId, now);
            // Each half is read in its own transaction: a sync committing in between changes
            // rows the reload it triggers shows next.
            QFuture<std::optional<QVector<DashboardRow>>> upper = readCache(
                helper, path,
                [now, middle](LocalStore &other) {
                    return std::optional(rowsOf(other, middle, SummaryTable::kEndId, now));
                },
                [](const QString &) { return std::optional<QVector<DashboardRow>>(); });
            QVector<DashboardRow> rows = rowsOf(store, SummaryTable::kFirstId, middle, now);
            std::optional<QVector<DashboardRow>> rest = upper.takeResult();
            rows.append(rest ? std::move(*rest) : rowsOf(store, middle, SummaryTable::kEndId, now));
            return rows;
        },
        [](const QString &) { return QVector<DashboardRow>(); }));
    Q_EMIT reloading();
}

void AppSession::onRowsLoaded()
{
    QVector<DashboardRow> rows = m_loader.result();
    if (m_loadingPath != m_dbPath) { // the account changed or was forgotten meanwhile
        m_reloadAgain = false;
        reload();
        return;
    }
    const int n = int(rows.size());
    // Rows loaded before the session opened are only shown: what is late is said once the
    // account is known, by the load that follows the engine's opening.
    if (!std::exchange(m_earlyLoad, false))
        m_late->check(rows);
    m_window->model()->setRows(std::move(rows));
    Q_EMIT rowsReloaded(n);
    if (m_afterRowsShown) // after the paint the reset asked for
        QTimer::singleShot(0, this, std::exchange(m_afterRowsShown, {}));
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
    }
}

} // namespace onsite

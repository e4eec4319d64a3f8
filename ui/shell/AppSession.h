#pragma once

#include "Assignment.h"
#include "ChangeNotes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>
#include <QVector>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThread;
class QTimer;

namespace onsite {

class Clock;
class CredentialStore;
class LateNotifier;
class LocalStore;
class MainWindow;
class SignInDialog;
class SyncEngine;
class UploadEngine;
struct DashboardRow;

// The signed-in account: signs in and out (token kept in the credential store, never on disk
// in plain text), runs the sync and upload engines on their own thread, and reloads the
// dashboard off the UI thread whenever the cache changes. The other parts of the controller
// reach the engines and the cache through it.
class AppSession : public QObject
{
    Q_OBJECT
public:
    AppSession(MainWindow *window, CredentialStore *credentials, QString dataDir,
               const Clock *clock, QObject *parent = nullptr);
    ~AppSession() override;

    // Resumes the last account (token from the credential store) or asks to sign in.
    void start();
    void signIn(const QUrl &server, const QString &email, const QString &password);
    void showSignIn(const QString &message);
    void signOut();
    // Also applied to a running engine (the settings dialog changes it).
    void setSyncIntervalSecs(int secs);

    bool isSignedIn() const { return m_engine != nullptr; }
    SignInDialog *signInDialog() const;
    QString databasePath() const { return m_dbPath; }
    static QString accountKey(const QUrl &server, const QString &email);
    static QUrl apiBase(const QUrl &server);
    // The account's cache file in `dataDir`.
    static QString cachePath(const QString &dataDir, const QUrl &server, const QString &email);
    QUrl api() const { return apiBase(m_server); }

    MainWindow *window() const { return m_window; }
    const Clock *clock() const { return m_clock; }
    QNetworkAccessManager *network() const { return m_nam; }
    QString dataDir() const { return m_dataDir; }
    QUrl server() const { return m_server; }
    QString email() const { return m_email; }
    QString token() const { return m_token; }
    LateNotifier *lateNotifier() const { return m_late; }
    ChangeNotes *changeNotes() { return &m_changeNotes; }
    // Null while signed out. The engines live on the sync thread: call them by invokeMethod.
    SyncEngine *engine() const { return m_engine; }
    UploadEngine *uploads() const { return m_uploads; }
    // The UI thread's own connection to the cache; null until the engine opened it.
    LocalStore *reader() const { return m_reader.get(); }
    // One thread for reads of the cache off the UI thread (dashboard, earnings, exports).
    QThreadPool *loadPool() { return &m_loadPool; }
    // Runs f on the upload engine's thread, or says to sign in first.
    void onUploads(std::function<void(UploadEngine *)> f);

    void syncNow();
    void cancelSync();
    void reload();

Q_SIGNALS:
    void signedIn();
    void signInFailed(const QString &message);
    void rowsReloaded(int count);
    void syncFinished(bool ok, const QString &message);
    // A new session's engines exist and have not started yet: the time to connect to them.
    void engineCreated();
    // The sync engine changed the cache (SyncEngine::storeChanged), before the reload.
    void cacheChanged(const QList<Assignment> &views);
    // The session's engines are gone (signed out, or another session replaces this one).
    void sessionClosed();
    // The dashboard is being reloaded (the cache changed, or the time or appearance did).
    void reloading();

private:
    bool showCachedRows(const QUrl &server, const QString &email);
    void resume(const QUrl &server, const QString &email);
    void forgetCachedRows();
    void loadRows();
    void openSession(const QUrl &server, const QString &email, const QString &token);
    void useAccount(const QUrl &server, const QString &email, const QString &token);
    void createEngines();
    void connectSyncEngine();
    void connectUploadEngine();
    void startEngines(const QString &token);
    void closeSession();
    void onEngineOpened(bool ok, const QString &error);
    void onRowsLoaded();
    void keepToken(const QString &account, const QString &token);
    QString accountSettingsKey() const; // the signed-in account, for settings keys

    MainWindow *m_window;
    CredentialStore *m_credentials;
    QString m_dataDir;
    const Clock *m_clock;
    QNetworkAccessManager *m_nam;
    QPointer<SignInDialog> m_dialog;
    QThread *m_thread = nullptr;
    SyncEngine *m_engine = nullptr;
    UploadEngine *m_uploads = nullptr;
    LateNotifier *m_late;
    ChangeNotes m_changeNotes;
    std::unique_ptr<LocalStore> m_reader;
    // Reads the second half of a long list for m_loadPool's load (so it outlives that pool).
    QThreadPool m_helperPool;
    QThreadPool m_loadPool;
    QFutureWatcher<QVector<DashboardRow>> m_loader;
    bool m_reloadAgain = false;
    QString m_loadingPath;                  // the file the running load reads
    bool m_earlyLoad = false;               // the running load started before the session opened
    std::function<void()> m_afterRowsShown; // start()'s next step, once cached rows are shown
    QTimer *m_labelTimer;
    QUrl m_server;
    QString m_email;
    QString m_token;
    QString m_dbPath;
    int m_intervalSecs = 60;
};

} // namespace onsite

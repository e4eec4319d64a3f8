#pragma once

#include "FundsRequestDialog.h"
#include "UploadFilesDialog.h"
#include <QDate>
#include <QFutureWatcher>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QUrl>
#include <QVector>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThread;
class QTimer;

namespace onsite {

class ActivityDialog;
class ScorecardDialog;
class Clock;
struct Operation;
class CredentialStore;
class LocalStore;
class MainWindow;
class SignInDialog;
class SyncEngine;
class UploadEngine;
class LateNotifier;
struct DashboardRow;

// The session: signs in (token kept in the credential store, never on disk in plain text),
// runs the sync engine on its own thread, reloads the dashboard off the UI thread whenever the
// cache changes, and opens assignments. The window only shows what this tells it.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(MainWindow *window, CredentialStore *credentials, QString dataDir,
                  const Clock *clock, QObject *parent = nullptr);
    ~AppController() override;

    // Resumes the last account (token from the credential store) or asks to sign in.
    void start();
    void signIn(const QUrl &server, const QString &email, const QString &password);
    void showSignIn(const QString &message);
    void signOut();
    void setSyncIntervalSecs(int secs) { m_intervalSecs = secs; }

    bool isSignedIn() const { return m_engine != nullptr; }
    SignInDialog *signInDialog() const { return m_dialog; }
    QString databasePath() const { return m_dbPath; }
    static QString accountKey(const QUrl &server, const QString &email);

public Q_SLOTS:
    void syncNow();
    void reload();
    void openAssignment(qint64 id);
    void confirmSchedule(qint64 id);
    void checkIn(qint64 id);
    void checkOut(qint64 id);
    void editLog(qint64 id, const QString &logId, const QDateTime &checkIn,
                 const QDateTime &checkOut, const QString &note);
    void deleteLog(qint64 id, const QString &logId);
    void showActivity();
    void addFiles(qint64 id, const QList<onsite::FileChoice> &files);
    void removeDeliverable(qint64 id, const QString &deliverableId, const QString &uploadId);
    // Close-out: through the outbox like every change, so each works offline.
    void requestFunds(qint64 id, const onsite::FundsRequestInput &request);
    void withdrawFunds(qint64 id, const QString &requestId);
    void answerTask(qint64 id, const QString &taskId, const QJsonValue &answer);
    void submit(qint64 id, const QString &notes);
    void showScorecard();
    // Exports, written off the UI thread; each answers with exported().
    void exportCalendar(const QString &path);
    void exportTimesheet(const QDate &from, const QDate &to, bool pdf, const QString &path);
    void exportRecord(qint64 id, const QString &path);
    // A new private calendar subscription URL from the server; answers calendarLinkReady().
    void requestCalendarLink();
    void showSettings();

Q_SIGNALS:
    void signedIn();
    void signInFailed(const QString &message);
    void rowsReloaded(int count);
    void syncFinished(bool ok, const QString &message);
    // The outcome of a change the worker made (recorded locally, or refused with a reason).
    void changeRecorded(const QString &opId, bool ok, const QString &message);
    // A decision of the client company arrived (also shown as a desktop notification).
    void noticeShown(qint64 assignmentId, const QString &kind, const QString &title,
                     const QString &message);
    void exported(bool ok, const QString &path, const QString &message);
    void calendarLinkReady(const QString &url, const QString &error);

private:
    void openSession(const QUrl &server, const QString &email, const QString &token);
    void closeSession();
    void onEngineOpened(bool ok, const QString &error);
    void record(const Operation &op);
    // Says why an action the worker asked for cannot be done (page and status bar).
    void refuseAction(const QString &reason);
    void refreshActivity();
    QString accountSettingsKey() const; // the signed-in account, for settings keys
    // The shown assignment's visits and requests not yet acknowledged by the server.
    void refreshUnsent();
    void refreshEarnings();
    // The scorecard last fetched, kept in the cache; `problem` says why it is not fresher.
    void showCachedScorecard(const QString &problem);
    // A save dialog opening in the worker's documents folder with `fileName` suggested.
    QString askSavePath(const QString &title, const QString &fileName, const QString &filter);
    // Runs work(store) on the loader's pool with its own connection to the cache; work returns
    // an error message or an empty string.
    void runExport(const QString &path, std::function<QString(LocalStore &)> work);
    void chooseCalendarExport();
    void chooseTimesheetExport();
    void chooseRecordExport(qint64 id);
    void showCalendarLink(const QString &url, const QString &error);
    void refreshUploads();
    QString cachePath(const QString &deliverableId, const QString &filename) const;
    // Fetched copies of the shown assignment's files; image thumbnails fetched when missing.
    void useCachedFiles(const Assignment &a);
    void openDeliverable(const QString &deliverableId, const QString &filename);
    // Runs f on the upload engine's thread.
    template <typename F> void onUploads(F f);

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
    QSet<QString> m_fetching;           // deliverable ids being downloaded
    QSet<QString> m_openAfter;          // ... to open once there
    QHash<QString, qint64> m_addingFor; // file path -> assignment, until checked
    std::unique_ptr<LocalStore> m_reader;
    QThreadPool m_loadPool;
    QFutureWatcher<QVector<DashboardRow>> m_loader;
    bool m_reloadAgain = false;
    QTimer *m_labelTimer;
    QUrl m_server;
    QString m_email;
    QString m_token;
    QString m_dbPath;
    int m_intervalSecs = 60;
    QPointer<ActivityDialog> m_activity;
    QPointer<ScorecardDialog> m_scorecard;
};

} // namespace onsite

#pragma once

#include "Assignment.h"

#include <QObject>

class QUrl;

namespace onsite {

class AppSession;
class AssignmentActions;
class Clock;
class CredentialStore;
class DeliverableFiles;
class DocumentFiles;
class Dialogs;
class Exports;
class MainWindow;
class SignInDialog;

// Wires core to the window: owns one object per job and connects the window's and the page's
// requests to them. AppSession signs in and runs the engines, AssignmentActions records what the
// worker does, DeliverableFiles moves files, Exports saves them, Dialogs shows the side windows
// and notifications. Opening an assignment's page, which needs several of them, happens here.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(MainWindow *window, CredentialStore *credentials, QString dataDir,
                  const Clock *clock, QObject *parent = nullptr);
    ~AppController() override;

    AppSession *session() const { return m_session; }
    AssignmentActions *actions() const { return m_actions; }
    DeliverableFiles *files() const { return m_files; }
    DocumentFiles *documents() const { return m_documents; }
    Exports *exports() const { return m_exports; }
    Dialogs *dialogs() const { return m_dialogs; }

    // The session's entry points, as the app's main() and the tests drive them.
    void start();
    void signIn(const QUrl &server, const QString &email, const QString &password);
    void showSignIn(const QString &message);
    void signOut();
    void setSyncIntervalSecs(int secs);
    bool isSignedIn() const;
    SignInDialog *signInDialog() const;
    QString databasePath() const;
    static QString accountKey(const QUrl &server, const QString &email);
    void syncNow();

    void openAssignment(qint64 id);

Q_SIGNALS:
    void signedIn();
    void signInFailed(const QString &message);
    void rowsReloaded(int count);
    void syncFinished(bool ok, const QString &message);

private:
    void wireWindow();
    void wirePage();
    void reopenShownAssignment();
    void onCacheChanged(const QList<Assignment> &views);
    // Shows the cached document on the page (false, back to the dashboard, when it is gone).
    bool loadOnPage(qint64 id);
    void showOnPage(const Assignment &a);

    MainWindow *m_window;
    AppSession *m_session;
    AssignmentActions *m_actions;
    DeliverableFiles *m_files;
    DocumentFiles *m_documents;
    Exports *m_exports;
    Dialogs *m_dialogs;
    bool m_pageStale = false; // the cache changed under the shown page in ways not listed
};

} // namespace onsite

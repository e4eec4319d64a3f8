#pragma once

#include <QObject>
#include <QPointer>

namespace onsite {

class ActivityDialog;
class AppSession;
class ScorecardDialog;

// The windows beside the main one (activity, scorecard with earnings, settings), kept current
// while open, and the notifications: company decisions from the sync engine and the late
// notifier's reminders, as desktop notifications or status bar messages as the worker chose.
class Dialogs : public QObject
{
    Q_OBJECT
public:
    explicit Dialogs(AppSession *session, QObject *parent = nullptr);

    void showActivity();
    void showScorecard();
    void showSettings();

Q_SIGNALS:
    // A decision of the client company arrived (also shown as a desktop notification).
    void noticeShown(qint64 assignmentId, const QString &kind, const QString &title,
                     const QString &message);
    // The settings dialog was accepted (AppSettings holds the new values).
    void settingsSaved();

private:
    void connectEngine();
    void showNotice(qint64 id, const QString &kind, const QString &title, const QString &message);
    void refreshActivity();
    // The scorecard last fetched, kept in the cache; `problem` says why it is not fresher.
    void showCachedScorecard(const QString &problem);
    void refreshEarnings();

    AppSession *m_session;
    QPointer<ActivityDialog> m_activity;
    QPointer<ScorecardDialog> m_scorecard;
};

} // namespace onsite

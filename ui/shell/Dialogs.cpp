#include "Dialogs.h"

#include "ActivityDialog.h"
#include "AppSession.h"
#include "AppSettings.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "Earnings.h"
#include "JsonReader.h"
#include "LateNotifier.h"
#include "LocalStore.h"
#include "LogFile.h"
#include "MainWindow.h"
#include "OperationDescription.h"
#include "ReadCache.h"
#include "ScorecardDialog.h"
#include "SettingsDialog.h"
#include "SyncEngine.h"
#include "UploadEngine.h"
#include "UploadQueue.h"

#include <QFutureWatcher>
#include <QJsonDocument>

namespace onsite {

Dialogs::Dialogs(AppSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    MainWindow *window = m_session->window();
    connect(m_session->lateNotifier(), &LateNotifier::notify, window,
            [window](const QString &title, const QString &message, qint64 id, const QString &kind) {
                if (AppSettings::notify(kind))
                    window->notify(title, message, id);
            });
    connect(m_session, &AppSession::engineCreated, this, &Dialogs::connectEngine);
}

void Dialogs::connectEngine()
{
    SyncEngine *engine = m_session->engine();
    UploadEngine *uploads = m_session->uploads();
    connect(engine, &SyncEngine::pendingCountChanged, m_session->window(),
            [this] { refreshActivity(); });
    connect(engine, &SyncEngine::notice, this, &Dialogs::showNotice);
    connect(engine, &SyncEngine::scorecardChanged, this, [this](const QJsonObject &o) {
        if (m_scorecard)
            m_scorecard->setScorecard(Scorecard::fromJson(o), m_session->clock()->now(), QString());
    });
    connect(engine, &SyncEngine::scorecardFailed, this, [this](const QString &message) {
        if (m_scorecard)
            showCachedScorecard(message);
    });
    connect(uploads, &UploadEngine::itemsChanged, this, [this] { refreshActivity(); });
    connect(uploads, &UploadEngine::progress, this,
            [this](const QString &id, qint64 sent, qint64, bool hashing) {
                if (m_activity && !hashing)
                    m_activity->setUploadProgress(id, sent);
            });
}

void Dialogs::showNotice(qint64 id, const QString &kind, const QString &title,
                         const QString &message)
{
    MainWindow *window = m_session->window();
    // What changed is also said on the page: at once if it is open, else when next opened.
    if (kind == QLatin1String("changed")) {
        if (window->isShowingAssignment() && window->page()->assignmentId() == id)
            window->page()->setChangeNote(message);
        else
            m_session->changeNotes()->add(id, message);
    }
    if (AppSettings::notify(AppSettings::kindOfNotice(kind)))
        window->notify(title, message, id);
    else
        window->showMessage(tr("%1: %2").arg(title, message));
    Q_EMIT noticeShown(id, kind, title, message);
}

void Dialogs::showActivity()
{
    if (!m_activity) {
        m_activity = new ActivityDialog(m_session->window());
        m_activity->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_activity, &ActivityDialog::dismissRequested, this, [this](const QString &opId) {
            if (SyncEngine *engine = m_session->engine())
                QMetaObject::invokeMethod(engine, [engine, opId] { engine->dismiss(opId); });
        });
    }
    refreshActivity();
    m_activity->show();
    m_activity->raise();
    // Keys go to it (Escape closes it), also when opened again while behind the main window.
    m_activity->activateWindow();
}

void Dialogs::refreshActivity()
{
    LocalStore *reader = m_session->reader();
    if (!m_activity || !reader)
        return;
    const QList<OutboxEntry> entries = reader->outbox();
    const QList<UploadItem> uploads = UploadQueue(reader->database()).items();
    QHash<qint64, QString> titles;
    auto title = [reader, &titles](qint64 id) {
        if (!titles.contains(id))
            if (const auto a = reader->assignment(id))
                titles.insert(a->id, QStringLiteral("#%1 %2").arg(a->id).arg(a->title));
    };
    for (const OutboxEntry &e : entries)
        title(e.op.assignmentId);
    for (const UploadItem &u : uploads)
        title(u.assignmentId);
    // Each change named against the assignment as it stood just before it.
    const QStringList changes = OperationDescription::describeAll(
        entries, [reader](qint64 id) { return reader->serverAssignment(id); },
        m_session->clock()->now());
    m_activity->setEntries(entries, titles, changes);
    m_activity->setUploads(uploads, titles);
}

void Dialogs::showScorecard()
{
    if (!m_session->reader()) {
        m_session->window()->showMessage(tr("Sign in first."));
        return;
    }
    if (!m_scorecard) {
        m_scorecard = new ScorecardDialog(m_session->window());
        m_scorecard->setAttribute(Qt::WA_DeleteOnClose);
    }
    // The last copy at once (offline too), then the server's current figures.
    showCachedScorecard(QString());
    refreshEarnings();
    if (SyncEngine *engine = m_session->engine())
        QMetaObject::invokeMethod(engine, &SyncEngine::refreshScorecard);
    m_scorecard->show();
    m_scorecard->raise();
}

void Dialogs::showCachedScorecard(const QString &problem)
{
    LocalStore *reader = m_session->reader();
    if (!reader)
        return;
    const QJsonObject cached =
        QJsonDocument::fromJson(reader->meta(QStringLiteral("scorecard")).toUtf8()).object();
    if (cached.isEmpty() && problem.isEmpty())
        return;
    m_scorecard->setScorecard(
        Scorecard::fromJson(cached),
        JsonReader::parseInstant(cached.value(QStringLiteral("computed_at")).toString()), problem);
}

void Dialogs::refreshEarnings()
{
    const QString path = m_session->databasePath();
    if (!m_scorecard || path.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<QList<EarningsPeriod>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_scorecard)
            m_scorecard->setEarnings(watcher->result());
    });
    // Decoding every document is disk and CPU work: off the UI thread, on the loader's pool.
    watcher->setFuture(readCache(
        m_session->loadPool(), path,
        [](LocalStore &store) {
            QString error;
            return Earnings::byMonth(store.assignments(&error));
        },
        [](const QString &) { return QList<EarningsPeriod>(); }));
}

void Dialogs::showSettings()
{
    auto *dialog = new SettingsDialog(m_session->server().toString(), m_session->dataDir(),
                                      LogFile::path(), m_session->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] {
        m_session->setSyncIntervalSecs(AppSettings::syncIntervalSecs());
        Q_EMIT settingsSaved();
        m_session->reload(); // the page's coloured text is rebuilt in the appearance just chosen
    });
    dialog->open();
}

} // namespace onsite

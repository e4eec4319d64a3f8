#pragma once

#include <QObject>
#include <functional>

class QDate;

namespace onsite {

class AppSession;
class LocalStore;

// The files the worker saves (calendar, timesheet, an assignment's record), each written off
// the UI thread from its own connection to the cache, and the private calendar subscription
// link. The menu entries ask where to save first; the export functions take the path.
class Exports : public QObject
{
    Q_OBJECT
public:
    explicit Exports(AppSession *session, QObject *parent = nullptr);

    // Each answers with exported().
    void exportCalendar(const QString &path);
    void exportTimesheet(const QDate &from, const QDate &to, bool pdf, const QString &path);
    void exportRecord(qint64 id, const QString &path);
    // A new private calendar subscription URL from the server; answers calendarLinkReady().
    void requestCalendarLink();
    // The menu entries: ask for a path (and the timesheet's days), then export.
    void chooseCalendarExport();
    void chooseTimesheetExport();
    void chooseRecordExport(qint64 id);

Q_SIGNALS:
    void exported(bool ok, const QString &path, const QString &message);
    void calendarLinkReady(const QString &url, const QString &error);

private:
    // A save dialog opening in the worker's documents folder with `fileName` suggested.
    QString askSavePath(const QString &title, const QString &fileName, const QString &filter);
    // Runs work(store) on the session's load pool with its own connection to the cache; work
    // returns an error message or an empty string.
    void runExport(const QString &path, std::function<QString(LocalStore &)> work);
    void showExported(bool ok, const QString &path, const QString &message);
    void showCalendarLink(const QString &url, const QString &error);

    AppSession *m_session;
};

} // namespace onsite

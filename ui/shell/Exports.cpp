#include "Exports.h"

#include "AppSession.h"
#include "AssignmentRecord.h"
#include "CalendarLinkJob.h"
#include "Clock.h"
#include "FileDialog.h"
#include "ICalendar.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "PdfExport.h"
#include "ReadCache.h"
#include "TimeLogHistoryJob.h"
#include "Timesheet.h"
#include "TimesheetDialog.h"

#include <QClipboard>
#include <QDir>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace onsite {
namespace {

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return f.errorString();
    return {};
}

} // namespace

Exports::Exports(AppSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(this, &Exports::calendarLinkReady, this, &Exports::showCalendarLink);
    connect(this, &Exports::exported, this, &Exports::showExported);
}

void Exports::showExported(bool ok, const QString &path, const QString &message)
{
    m_session->window()->showMessage(
        ok ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
           : tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), message));
}

void Exports::runExport(const QString &path, std::function<QString(LocalStore &)> work)
{
    const QString db = m_session->databasePath();
    if (db.isEmpty()) {
        Q_EMIT exported(false, path, tr("Sign in first."));
        return;
    }
    m_session->window()->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT exported(error.isEmpty(), path, error);
    });
    watcher->setFuture(
        readCache(m_session->loadPool(), db, work, [](const QString &error) { return error; }));
}

void Exports::exportCalendar(const QString &path)
{
    const QDateTime now = m_session->clock()->now();
    const QString name = tr("Onsite — %1").arg(m_session->email());
    runExport(path, [path, now, name](LocalStore &store) {
        QString error;
        const QList<Assignment> all = store.assignments(&error);
        return error.isEmpty() ? writeFile(path, ICalendar::build(all, now, name)) : error;
    });
}

void Exports::exportTimesheet(const QDate &from, const QDate &to, bool pdf, const QString &path)
{
    // Local days, as the worker picked them: from the first day's midnight to the day after
    // the last.
    const QDateTime start = from.startOfDay().toUTC();
    const QDateTime end = to.addDays(1).startOfDay().toUTC();
    const QString worker = m_session->email();
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

void Exports::exportRecord(qint64 id, const QString &path)
{
    // The edit history lives on the server: fetched first (a short request), or the record
    // says it could not be.
    auto *job =
        new TimeLogHistoryJob(m_session->network(), m_session->api(), m_session->token(), id, this);
    job->setTimeoutMs(15000);
    const QDateTime now = m_session->clock()->now();
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

void Exports::requestCalendarLink()
{
    const QString token = m_session->token();
    if (token.isEmpty()) {
        Q_EMIT calendarLinkReady(QString(), tr("Sign in first."));
        return;
    }
    auto *job = new CalendarLinkJob(m_session->network(), m_session->api(), token, this);
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

QString Exports::askSavePath(const QString &title, const QString &fileName, const QString &filter)
{
    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    return FileDialog::saveFileName(m_session->window(), title, documents.filePath(fileName),
                                    filter);
}

void Exports::chooseCalendarExport()
{
    const QString path = askSavePath(tr("Export calendar"), QStringLiteral("onsite.ics"),
                                     tr("iCalendar files (*.ics)"));
    if (!path.isEmpty())
        exportCalendar(path);
}

void Exports::chooseTimesheetExport()
{
    TimesheetDialog dialog(m_session->clock()->now().toLocalTime().date(), m_session->window());
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

void Exports::chooseRecordExport(qint64 id)
{
    const QString path =
        askSavePath(tr("Export assignment record"), QStringLiteral("assignment-%1.pdf").arg(id),
                    tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportRecord(id, path);
}

void Exports::showCalendarLink(const QString &url, const QString &error)
{
    MainWindow *window = m_session->window();
    if (!error.isEmpty()) {
        window->showMessage(tr("No calendar link: %1").arg(error));
        return;
    }
    QGuiApplication::clipboard()->setText(url);
    window->showMessage(tr("Calendar link copied to the clipboard."));
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Calendar subscription"),
        tr("Add this address to your calendar app (\"subscribe\" or \"add by URL\") "
           "to see your assignments there; it is already on the clipboard. Anyone "
           "with it can read your schedule: asking again makes a new one and stops "
           "the old one."),
        QMessageBox::Ok, window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(url);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

} // namespace onsite

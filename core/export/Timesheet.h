#pragma once

#include "Assignment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace onsite {

struct TimesheetRow {
    qint64 assignmentId = 0;
    QString title;
    QString company;
    QString timeZone;
    QDateTime checkIn;  // UTC
    QDateTime checkOut; // UTC; null while on site
    qint64 seconds = 0; // 0 while on site
    QString source;     // desktop, phone
    bool edited = false;
    QString note;
};

// Time on site for a period, for the worker's own records or an invoice: every visit (not
// deleted) that began in [from, to), oldest first. As CSV (RFC 4180, UTF-8, site times with
// their UTC offset and the same instants in UTC) and as HTML for the PDF the app prints.
class Timesheet
{
    Q_DECLARE_TR_FUNCTIONS(Timesheet)
public:
    static QList<TimesheetRow> rows(const QList<Assignment> &assignments, const QDateTime &from,
                                    const QDateTime &to);
    static QByteArray csv(const QList<TimesheetRow> &rows);
    static QString html(const QList<TimesheetRow> &rows, const QDateTime &from, const QDateTime &to,
                        const QString &worker);
    static QString csvField(const QString &value);
};

} // namespace onsite

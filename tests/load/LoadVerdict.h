#pragma once

// What the load run's check against the database found (Load::verify), for its report.

#include <QJsonValue>
#include <QStringList>

namespace loadrun {

struct LoadVerdict {
    bool dbOk = false;
    qint64 lost = 0, duplicated = 0, phantom = 0, stale = 0, badFiles = 0;
    QStringList findings; // the first 30
    qint64 logsInDocs = 0, deliverablesInDocs = 0;
    QJsonValue uploadsJson; // [tus uploads on the server, of which unfinished]

    // A finding for the report; only the first 30 are kept.
    void note(const QString &s)
    {
        if (findings.size() < 30)
            findings << s;
    }
};

} // namespace loadrun

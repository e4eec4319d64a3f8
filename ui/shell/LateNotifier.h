#pragma once

#include "DashboardRow.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <QVector>

namespace onsite {

class Clock;

// Says once what became late or is about to be due (DESIGN §1.8): each late label appearing
// (Not Confirmed, Worker Late, Deliverables Late), a schedule to confirm or files still missing
// within the next two hours, a check-in window opening, a visit still open half an hour after
// the scheduled end. Each reload's rows are compared with what
// was already announced for the account, kept in the settings so a restart does not announce it
// again; a deadline moved and missed again is news again. Several at once are said together. Time
// comes from the clock.
class LateNotifier : public QObject
{
    Q_OBJECT
public:
    // A schedule to confirm and files still missing are reminded of this long before.
    static constexpr qint64 kDueSoonMs = 2 * 3600 * 1000;

    explicit LateNotifier(const Clock *clock, QObject *parent = nullptr);
    void setAccount(const QString &accountKey);
    void check(const QVector<DashboardRow> &rows);

Q_SIGNALS:
    // kind: "late" (a label appeared) or "reminders" (due soon, window open), for the settings.
    void notify(const QString &title, const QString &message, qint64 assignmentId,
                const QString &kind);

private:
    // A row with news, and the time its message names (a deadline, or when a window closes).
    struct Due {
        const DashboardRow *row;
        qint64 shownMs;
    };
    // What in `rows` was not announced yet, by code (in a fixed order); `current` gets every
    // event that holds now, announced or not.
    QMap<QString, QList<Due>> collect(const QVector<DashboardRow> &rows, qint64 now,
                                      QSet<QString> &current) const;
    // One notice for the rows with news of one code: by name for one, as a count for several.
    void announce(const QString &code, const QList<Due> &list, const QDateTime &now);

    const Clock *m_clock;
    QString m_settingsKey;
    QSet<QString> m_announced; // "code:id:deadline-ms"
};

} // namespace onsite

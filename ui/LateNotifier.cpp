#include "LateNotifier.h"

#include "Clock.h"
#include "SiteTime.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSettings>

namespace onsite {
LateNotifier::LateNotifier(const Clock *clock, QObject *parent) : QObject(parent), m_clock(clock) {}

void LateNotifier::setAccount(const QString &accountKey)
{
    const QByteArray key = QCryptographicHash::hash(accountKey.toUtf8(), QCryptographicHash::Sha1);
    m_settingsKey =
        QStringLiteral("notified/%1/announced").arg(QString::fromLatin1(key.toHex().left(16)));
    const QStringList stored = QSettings().value(m_settingsKey).toStringList();
    m_announced = QSet<QString>(stored.begin(), stored.end());
}

void LateNotifier::check(const QVector<DashboardRow> &rows)
{
    if (m_settingsKey.isEmpty())
        return;
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    QMap<QString, QList<const DashboardRow *>> fresh; // by code, in a fixed order
    QMap<qint64, qint64> deadlines;                   // confirm_soon: id -> deadline
    QMap<qint64, qint64> filesDue;                    // files_due_soon: id -> due
    QSet<QString> current;
    auto consider = [&](const QString &code, const DashboardRow &r, qint64 deadlineMs) {
        const QString key = QStringLiteral("%1:%2:%3").arg(code).arg(r.id).arg(deadlineMs);
        current.insert(key);
        if (!m_announced.contains(key))
            fresh[code].append(&r);
    };
    for (const DashboardRow &r : rows) {
        for (const Label &l : r.labels)
            consider(l.code, r, l.since.toMSecsSinceEpoch());
        if (r.nextKey == QLatin1String("confirm_schedule") && r.nextDueMs > now &&
            r.nextDueMs - now <= kConfirmSoonMs) {
            consider(QStringLiteral("confirm_soon"), r, r.nextDueMs);
            deadlines.insert(r.id, r.nextDueMs);
        }
        if (r.deliverablesDueMs > now && r.deliverablesDueMs - now <= kFilesDueSoonMs) {
            consider(QStringLiteral("files_due_soon"), r, r.deliverablesDueMs);
            filesDue.insert(r.id, r.deliverablesDueMs);
        }
        // The window is open (opens <= now, and it closes at the deadline of "check in").
        if (r.nextKey == QLatin1String("check_in") && r.checkinOpensMs > 0 &&
            r.checkinOpensMs <= now && now <= r.nextDueMs) {
            consider(QStringLiteral("checkin_open"), r, r.checkinOpensMs);
            deadlines.insert(r.id, r.nextDueMs);
        }
    }
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        const QString &code = it.key();
        const QList<const DashboardRow *> &list = it.value();
        const DashboardRow *one = list.size() == 1 ? list.first() : nullptr;
        const QString name =
            one ? QStringLiteral("#%1 %2").arg(one->id).arg(one->title) : QString();
        const qint64 id = one ? one->id : 0;
        const int n = int(list.size());
        if (code == QLatin1String("deliverables_late"))
            Q_EMIT notify(tr("Deliverables late"),
                          one ? tr("%1: the files were due and are still missing.").arg(name)
                              : tr("%1 assignments have files that were due and are still "
                                   "missing.")
                                    .arg(n),
                          id, QStringLiteral("late"));
        else if (code == QLatin1String("worker_late"))
            Q_EMIT notify(tr("Worker Late"),
                          one ? tr("%1: the check-in window closed without a check-in.").arg(name)
                              : tr("%1 assignments: the check-in window closed without a "
                                   "check-in.")
                                    .arg(n),
                          id, QStringLiteral("late"));
        else if (code == QLatin1String("not_confirmed"))
            Q_EMIT notify(tr("Not Confirmed"),
                          one ? tr("%1: the confirmation deadline passed; confirm now so the "
                                   "client knows you are coming.")
                                    .arg(name)
                              : tr("%1 assignments passed their confirmation deadline.").arg(n),
                          id, QStringLiteral("late"));
        else if (code == QLatin1String("confirm_soon"))
            Q_EMIT notify(
                tr("Confirm your schedule"),
                one ? tr("%1: confirm by %2 (%3).")
                          .arg(name,
                               SiteTime::format(QDateTime::fromMSecsSinceEpoch(
                                                    deadlines.value(one->id), Qt::UTC),
                                                one->timeZone),
                               SiteTime::relative(QDateTime::fromMSecsSinceEpoch(
                                                      deadlines.value(one->id), Qt::UTC),
                                                  m_clock->now()))
                    : tr("%1 assignments need their schedule confirmed within two hours.").arg(n),
                id, QStringLiteral("reminders"));
        else if (code == QLatin1String("files_due_soon")) {
            const QDateTime due =
                one ? QDateTime::fromMSecsSinceEpoch(filesDue.value(one->id), Qt::UTC)
                    : QDateTime();
            Q_EMIT notify(tr("Files due soon"),
                          one ? tr("%1: the files are due by %2 (%3).")
                                    .arg(name, SiteTime::format(due, one->timeZone),
                                         SiteTime::relative(due, m_clock->now()))
                              : tr("%1 assignments have files due within two hours.").arg(n),
                          id, QStringLiteral("reminders"));
        }
    }
    if (fresh.contains(QStringLiteral("checkin_open"))) {
        const QList<const DashboardRow *> &list = fresh.value(QStringLiteral("checkin_open"));
        const DashboardRow *one = list.size() == 1 ? list.first() : nullptr;
        const QDateTime closes =
            one ? QDateTime::fromMSecsSinceEpoch(deadlines.value(one->id), Qt::UTC) : QDateTime();
        Q_EMIT notify(tr("Check-in window open"),
                      one ? tr("#%1 %2: check in by %3 (%4).")
                                .arg(one->id)
                                .arg(one->title, SiteTime::format(closes, one->timeZone),
                                     SiteTime::relative(closes, m_clock->now()))
                          : tr("%1 assignments can be checked in to now.").arg(list.size()),
                      one ? one->id : 0, QStringLiteral("reminders"));
    }
    if (current == m_announced)
        return;
    // Keep only what still holds, so the list does not grow for ever.
    m_announced = current;
    QSettings().setValue(m_settingsKey, QStringList(current.begin(), current.end()));
}

} // namespace onsite

#include "LateNotifier.h"

#include "Clock.h"
#include "SiteTime.h"
#include "TimeOnSite.h"

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
    const QDateTime nowTime = m_clock->now();
    QSet<QString> current;
    const QMap<QString, QList<Due>> fresh = collect(rows, nowTime.toMSecsSinceEpoch(), current);
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
        announce(it.key(), it.value(), nowTime);
    if (current == m_announced)
        return;
    // Keep only what still holds, so the list does not grow for ever.
    m_announced = current;
    QSettings().setValue(m_settingsKey, QStringList(current.begin(), current.end()));
}

QMap<QString, QList<LateNotifier::Due>>
LateNotifier::collect(const QVector<DashboardRow> &rows, qint64 now, QSet<QString> &current) const
{
    QMap<QString, QList<Due>> fresh;
    // keyMs names the event, so a deadline moved and missed again is news again.
    auto consider = [&](const QString &code, const DashboardRow &r, qint64 keyMs, qint64 shownMs) {
        const QString key = QStringLiteral("%1:%2:%3").arg(code).arg(r.id).arg(keyMs);
        current.insert(key);
        if (!m_announced.contains(key))
            fresh[code].append({&r, shownMs});
    };
    const auto soon = [now](qint64 ms) { return ms > now && ms - now <= kDueSoonMs; };
    for (const DashboardRow &r : rows) {
        for (const Label &l : r.labels)
            consider(l.code, r, l.since.toMSecsSinceEpoch(), 0);
        if (r.nextKey == QLatin1String("confirm_schedule") && soon(r.nextDueMs))
            consider(QStringLiteral("confirm_soon"), r, r.nextDueMs, r.nextDueMs);
        if (soon(r.deliverablesDueMs))
            consider(QStringLiteral("files_due_soon"), r, r.deliverablesDueMs, r.deliverablesDueMs);
        // The window is open (opens <= now, and it closes at the deadline of "check in").
        if (r.nextKey == QLatin1String("check_in") && r.checkinOpensMs > 0 &&
            r.checkinOpensMs <= now && now <= r.nextDueMs)
            consider(QStringLiteral("checkin_open"), r, r.checkinOpensMs, r.nextDueMs);
        // Named by the visit's check-in: the next visit left open is news again.
        if (TimeOnSite::stillOnSite(r.openSinceMs, r.endMs, now))
            consider(QStringLiteral("still_on_site"), r, r.openSinceMs, r.openSinceMs);
    }
    return fresh;
}

void LateNotifier::announce(const QString &code, const QList<Due> &list, const QDateTime &nowTime)
{
    const Due *one = list.size() == 1 ? &list.first() : nullptr;
    const qint64 id = one ? one->row->id : 0;
    const QString name = one ? QStringLiteral("#%1 %2").arg(id).arg(one->row->title) : QString();
    const int n = int(list.size());
    const QDateTime when =
        one ? QDateTime::fromMSecsSinceEpoch(one->shownMs, Qt::UTC) : QDateTime();
    const QString site = one ? SiteTime::format(when, one->row->timeZone) : QString();
    const QString relative = one ? SiteTime::relative(when, nowTime) : QString();
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
            one ? tr("%1: confirm by %2 (%3).").arg(name, site, relative)
                : tr("%1 assignments need their schedule confirmed within two hours.").arg(n),
            id, QStringLiteral("reminders"));
    else if (code == QLatin1String("files_due_soon"))
        Q_EMIT notify(tr("Files due soon"),
                      one ? tr("%1: the files are due by %2 (%3).").arg(name, site, relative)
                          : tr("%1 assignments have files due within two hours.").arg(n),
                      id, QStringLiteral("reminders"));
    else if (code == QLatin1String("checkin_open"))
        Q_EMIT notify(
            tr("Check-in window open"),
            one ? tr("#%1 %2: check in by %3 (%4).").arg(id).arg(one->row->title, site, relative)
                : tr("%1 assignments can be checked in to now.").arg(n),
            id, QStringLiteral("reminders"));
    else if (code == QLatin1String("still_on_site"))
        Q_EMIT notify(
            tr("Still on site?"),
            one ? tr("%1: you are still checked in since %2 (%3), and the scheduled "
                     "end has passed. Check out when you leave.")
                      .arg(name, site,
                           TimeOnSite::onSiteFor(nowTime.toMSecsSinceEpoch() - one->shownMs))
                : tr("%1 assignments are still checked in after their scheduled end. "
                     "Check out when you leave.")
                      .arg(n),
            id, QStringLiteral("checkout"));
}

} // namespace onsite

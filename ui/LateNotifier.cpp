#include "LateNotifier.h"

#include <QCryptographicHash>
#include <QSettings>

namespace onsite {

void LateNotifier::setAccount(const QString &accountKey)
{
    const QByteArray key = QCryptographicHash::hash(accountKey.toUtf8(), QCryptographicHash::Sha1);
    m_settingsKey = QStringLiteral("notified/%1/deliverables_late")
                        .arg(QString::fromLatin1(key.toHex().left(16)));
    const QStringList stored = QSettings().value(m_settingsKey).toStringList();
    m_announced = QSet<QString>(stored.begin(), stored.end());
}

void LateNotifier::check(const QVector<DashboardRow> &rows)
{
    if (m_settingsKey.isEmpty())
        return;
    QList<const DashboardRow *> fresh;
    QSet<QString> lateNow;
    for (const DashboardRow &r : rows)
        for (const Label &l : r.labels)
            if (l.code == QLatin1String("deliverables_late")) {
                const QString key =
                    QStringLiteral("%1:%2").arg(r.id).arg(l.since.toMSecsSinceEpoch());
                lateNow.insert(key);
                if (!m_announced.contains(key))
                    fresh.append(&r);
            }
    if (fresh.isEmpty())
        return;
    if (fresh.size() == 1)
        Q_EMIT notify(tr("Deliverables late"),
                      tr("#%1 %2: the files were due and are still missing.")
                          .arg(fresh.first()->id)
                          .arg(fresh.first()->title),
                      fresh.first()->id);
    else
        Q_EMIT notify(
            tr("Deliverables late"),
            tr("%1 assignments have files that were due and are still missing.").arg(fresh.size()),
            0);
    // Keep only what is still late, so the list does not grow for ever.
    m_announced = lateNow;
    QSettings().setValue(m_settingsKey, QStringList(lateNow.begin(), lateNow.end()));
}

} // namespace onsite

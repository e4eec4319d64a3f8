#include "ChangeNotes.h"

#include <QCryptographicHash>
#include <QSettings>

namespace onsite {

void ChangeNotes::setAccount(const QString &accountKey)
{
    const QByteArray hash = QCryptographicHash::hash(accountKey.toUtf8(), QCryptographicHash::Sha1);
    m_group = QStringLiteral("changed/%1").arg(QString::fromLatin1(hash.toHex().left(16)));
}

QString ChangeNotes::key(qint64 assignmentId) const
{
    return QStringLiteral("%1/%2").arg(m_group).arg(assignmentId);
}

void ChangeNotes::add(qint64 assignmentId, const QString &message)
{
    if (m_group.isEmpty() || message.isEmpty())
        return;
    QSettings settings;
    QStringList kept = settings.value(key(assignmentId)).toStringList();
    kept.append(message);
    settings.setValue(key(assignmentId), kept);
}

QString ChangeNotes::take(qint64 assignmentId)
{
    if (m_group.isEmpty())
        return {};
    QSettings settings;
    const QStringList kept = settings.value(key(assignmentId)).toStringList();
    if (!kept.isEmpty())
        settings.remove(key(assignmentId));
    return kept.join(QLatin1Char(' '));
}

} // namespace onsite

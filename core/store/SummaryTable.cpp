#include "SummaryTable.h"

#include "AssignmentCodec.h"
#include "Enums.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace onsite {

SummaryTable::SummaryTable(const QSqlDatabase &db, int schemaVersion)
    : m_db(db), m_version(schemaVersion), m_upsertRow(db)
{}

QStringList SummaryTable::columns() const
{
    QStringList c{
        QStringLiteral("id"),          QStringLiteral("title"),     QStringLiteral("company"),
        QStringLiteral("city"),        QStringLiteral("region"),    QStringLiteral("address"),
        QStringLiteral("postal_code"), QStringLiteral("time_zone"), QStringLiteral("start_ms"),
        QStringLiteral("status"),      QStringLiteral("done"),      QStringLiteral("required"),
        QStringLiteral("next_key"),    QStringLiteral("next_what"), QStringLiteral("next_ms"),
        QStringLiteral("labels")};
    if (m_version >= 7)
        c << QStringLiteral("checkin_opens_ms");
    if (m_version >= 8)
        c << QStringLiteral("open_since_ms") << QStringLiteral("end_ms");
    if (m_version >= 9)
        c << QStringLiteral("eta_ms");
    if (m_version >= 10)
        c << QStringLiteral("unread");
    return c;
}

void SummaryTable::prepareWrite()
{
    const QStringList c = columns();
    QStringList marks;
    marks.fill(QStringLiteral("?"), c.size());
    m_upsertRow.prepare(QStringLiteral("INSERT OR REPLACE INTO assignment_rows (%1) VALUES (%2)")
                            .arg(c.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
}

bool SummaryTable::write(const Assignment &a, QString *error)
{
    const AssignmentSummary s = AssignmentSummary::of(a);
    // A null QString binds as SQL NULL; the columns hold empty text instead.
    auto text = [](const QString &v) { return QVariant(v.isNull() ? QStringLiteral("") : v); };
    for (const QVariant &v :
         {QVariant(s.id), text(s.title), text(s.company), text(s.city), text(s.region),
          text(s.address), text(s.postalCode), text(s.timeZone), QVariant(s.startMs),
          QVariant(toWire(s.status)), QVariant(s.done), QVariant(s.required), text(s.nextKey),
          text(s.nextWhat), QVariant(s.nextDueMs), text(s.labelsColumn())})
        m_upsertRow.addBindValue(v);
    if (m_version >= 7)
        m_upsertRow.addBindValue(s.checkinOpensMs);
    if (m_version >= 8) {
        m_upsertRow.addBindValue(s.openSinceMs);
        m_upsertRow.addBindValue(s.endMs);
    }
    if (m_version >= 9)
        m_upsertRow.addBindValue(s.etaMs);
    if (m_version >= 10)
        m_upsertRow.addBindValue(s.unreadMessages);
    if (m_upsertRow.exec())
        return true;
    *error = m_upsertRow.lastError().text();
    return false;
}

bool SummaryTable::rebuildMissing(QString *error)
{
    // A row goes with its document (foreign key, ON DELETE CASCADE), so equal counts mean none
    // is missing: true on every open but the first after a migration, and the counts read the
    // status index and this small table instead of every document.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM assignments) ="
                              " (SELECT count(*) FROM assignment_rows)")) &&
        q.next() && q.value(0).toBool())
        return true;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT doc FROM assignments WHERE id NOT IN "
                               "(SELECT id FROM assignment_rows)"))) {
        *error = q.lastError().text();
        return false;
    }
    QList<Assignment> missing;
    QString decodeError;
    while (q.next())
        if (auto a = AssignmentCodec::fromJson(
                QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), &decodeError))
            missing.append(std::move(*a));
    q.finish();
    if (missing.isEmpty())
        return true;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    for (const Assignment &a : missing)
        if (!write(a, error)) {
            m_db.rollback();
            return false;
        }
    return m_db.commit();
}

qint64 SummaryTable::middleId(int atLeast)
{
    // The ends of the primary key are two lookups where counting reads every page (and one
    // SELECT of both min and max scans too); ids are spread evenly enough for halves of about
    // equal work.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT (SELECT min(id) FROM assignment_rows), "
                               "(SELECT max(id) FROM assignment_rows)")) ||
        !q.next() || q.isNull(0))
        return 0;
    const qint64 first = q.value(0).toLongLong();
    const qint64 last = q.value(1).toLongLong();
    if (last - first + 1 < atLeast)
        return 0;
    return first + (last - first) / 2 + 1;
}

QList<AssignmentSummary> SummaryTable::all(QString *error, qint64 fromId, qint64 toId)
{
    QList<AssignmentSummary> out;
    each(
        fromId, toId, [&out](AssignmentSummary &&s) { out.append(std::move(s)); }, error);
    return out;
}

bool SummaryTable::each(qint64 fromId, qint64 toId,
                        const std::function<void(AssignmentSummary &&)> &take, QString *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM assignment_rows WHERE id >= ? AND id < ? ORDER BY id")
                  .arg(columns().join(QStringLiteral(", "))));
    q.addBindValue(fromId);
    q.addBindValue(toId);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        AssignmentSummary s;
        s.id = q.value(0).toLongLong();
        s.title = q.value(1).toString();
        s.company = q.value(2).toString();
        s.city = q.value(3).toString();
        s.region = q.value(4).toString();
        s.address = q.value(5).toString();
        s.postalCode = q.value(6).toString();
        s.timeZone = q.value(7).toString();
        s.startMs = q.value(8).toLongLong();
        s.status =
            fromWire<AssignmentStatus>(q.value(9).toString()).value_or(AssignmentStatus::Assigned);
        s.done = q.value(10).toInt();
        s.required = q.value(11).toInt();
        s.nextKey = q.value(12).toString();
        s.nextWhat = q.value(13).toString();
        s.nextDueMs = q.value(14).toLongLong();
        s.potentialLabels = AssignmentSummary::parseLabelsColumn(q.value(15).toString());
        if (m_version >= 7)
            s.checkinOpensMs = q.value(16).toLongLong();
        if (m_version >= 8) {
            s.openSinceMs = q.value(17).toLongLong();
            s.endMs = q.value(18).toLongLong();
        }
        if (m_version >= 9)
            s.etaMs = q.value(19).toLongLong();
        if (m_version >= 10)
            s.unreadMessages = q.value(20).toInt();
        take(std::move(s));
    }
    return true;
}

} // namespace onsite

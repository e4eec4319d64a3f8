#pragma once

#include "UploadItem.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace onsite {

// The uploads table of the local store. Each change is one statement (SQLite makes each
// atomic and, with synchronous=FULL, durable), so a crash at any instant leaves every item in
// a state the engine can resume from.
class UploadQueue
{
public:
    explicit UploadQueue(QSqlDatabase db) : m_db(std::move(db)) {}

    bool add(const UploadItem &item, QString *error = nullptr);
    QList<UploadItem> items(qint64 assignmentId = -1) const; // oldest first
    std::optional<UploadItem> item(const QString &id) const;
    bool setHashed(const QString &id, const QString &sha256, qint64 size, qint64 mtimeMs);
    bool setUrl(const QString &id, const QString &url, qint64 offset);
    bool setOffset(const QString &id, qint64 offset);
    bool setState(const QString &id, UploadItem::State state, const QString &error = {});
    bool setDone(const QString &id, const QString &deliverableId);
    bool remove(const QString &id);

private:
    bool run(const QString &sql, const QVariantList &values, QString *error = nullptr) const;

    QSqlDatabase m_db;
};

} // namespace onsite

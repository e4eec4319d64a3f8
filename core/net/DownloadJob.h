#pragma once

#include "NetworkJob.h"

#include <QSaveFile>

namespace onsite {

// GET /files/{deliverable_id}: streams a deliverable to a file as it arrives (never whole in
// memory); the file appears only when complete (QSaveFile), so a cut download leaves nothing.
class DownloadJob : public NetworkJob
{
    Q_OBJECT
public:
    DownloadJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString deliverableId,
                QString targetPath, QObject *parent = nullptr);
    QString deliverableId() const { return m_id; }
    QString targetPath() const { return m_file.fileName(); }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return QStringLiteral("files/") + m_id; }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    QString m_id;
    QSaveFile m_file;
};

} // namespace onsite

#pragma once

#include "NetworkJob.h"

#include <QFile>

namespace onsite {

// GET /files/{document_id} into a partial file, from the byte it already holds ("Range:
// bytes=N-"): a download cut by a lost signal or a closed app goes on where it stopped. A
// server that answers the whole file (200) instead starts the partial file again.
class DocumentDownloadJob : public NetworkJob
{
    Q_OBJECT
public:
    DocumentDownloadJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString documentId,
                        QString partialPath, QObject *parent = nullptr);
    QString documentId() const { return m_id; }
    // Bytes in the partial file so far.
    qint64 have() const { return m_have; }

Q_SIGNALS:
    void progressed(qint64 have);

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return QStringLiteral("files/") + m_id; }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    // Appends what arrived; false when the partial file cannot be written.
    bool take(QNetworkReply *reply);

    QString m_id;
    QFile m_file;
    qint64 m_have = 0;
    bool m_writeFailed = false;
};

} // namespace onsite

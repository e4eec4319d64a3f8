#pragma once

// The upload tests' fixture (tests/server/Upload*ApiTests.cpp): a fresh assignment and tus
// requests for it, and file contents to send.

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "Sha256.h"
#include "TestServer.h"
#include "Tus.h"

#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QUuid>
#include <cstring>

namespace onsite::test {

inline QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(QRandomGenerator::global()->bounded(256));
    return b;
}

inline QByteArray pngBytes(int n)
{
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + randomBytes(n - 8);
}

// A fresh assignment of alex's with a photo requirement (2) and a sign-off sheet (1).
struct UploadFixture {
    TestServer &srv;
    HttpClient http{srv.apiBase()};
    QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    QString photoReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString signReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 assignment = 0;

    explicit UploadFixture(TestServer &on = server()) : srv(on)
    {
        const auto me = http.get(QStringLiteral("me"), token);
        const QJsonObject input = assignmentInput(
            me.json.value(QStringLiteral("id")).toInteger(),
            QStringLiteral("Photograph the shelves"),
            {requirement(photoReq, QStringLiteral("photo"), QStringLiteral("Shelves"), 2),
             requirement(signReq, QStringLiteral("sign_off"), QStringLiteral("Sheet"), 1)});
        const auto r = http.post(QStringLiteral("company/assignments"), input, srv.companyToken());
        REQUIRE(r.status == 201);
        assignment = r.json.value(QStringLiteral("id")).toInteger();
    }

    HttpClient::Headers tusHeaders(HttpClient::Headers more = {}) const
    {
        more.prepend({"Tus-Resumable", Tus::kVersion});
        return more;
    }

    HttpClient::Reply create(const QString &filename, const QByteArray &content,
                             QMap<QString, QString> meta = {})
    {
        meta.insert(QStringLiteral("assignment_id"), QString::number(assignment));
        if (!meta.contains(QStringLiteral("requirement_id")))
            meta.insert(QStringLiteral("requirement_id"), photoReq);
        if (!meta.contains(QStringLiteral("kind")))
            meta.insert(QStringLiteral("kind"), QStringLiteral("photo"));
        meta.insert(QStringLiteral("filename"), filename);
        if (!meta.contains(QStringLiteral("sha256")))
            meta.insert(QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex(content)));
        return http.request("POST", QStringLiteral("uploads"), {}, token,
                            tusHeaders({{"Upload-Length", QByteArray::number(content.size())},
                                        {"Upload-Metadata", Tus::encodeMetadata(meta)}}));
    }

    static QString path(const HttpClient::Reply &created)
    {
        return QString::fromLatin1(created.header("Location")).mid(int(strlen("/api/v1/")));
    }

    HttpClient::Reply patch(const QString &path, qint64 offset, const QByteArray &chunk,
                            const QByteArray &checksum = {}, const QString &as = {})
    {
        const QByteArray sum =
            checksum.isNull() ? "sha256 " + Sha256::hash(chunk).toBase64() : checksum;
        HttpClient::Headers h = tusHeaders({{"Content-Type", "application/offset+octet-stream"},
                                            {"Upload-Offset", QByteArray::number(offset)}});
        if (!sum.isEmpty())
            h.append({"Upload-Checksum", sum});
        return http.request("PATCH", path, chunk, as.isEmpty() ? token : as, h);
    }

    HttpClient::Reply head(const QString &path, const QString &as = {})
    {
        return http.request("HEAD", path, {}, as.isEmpty() ? token : as, tusHeaders());
    }

    // Sends content in chunks of `chunk` bytes; returns the last answer.
    HttpClient::Reply upload(const QString &path, const QByteArray &content, int chunk)
    {
        HttpClient::Reply last;
        for (int at = 0; at < content.size(); at += chunk) {
            last = patch(path, at, content.mid(at, chunk));
            if (last.status != 204)
                return last;
        }
        return last;
    }

    QJsonArray deliverables()
    {
        return http.get(QStringLiteral("assignments/%1").arg(assignment), token)
            .json.value(QStringLiteral("deliverables"))
            .toArray();
    }
};

} // namespace onsite::test

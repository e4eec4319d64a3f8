#include "HttpRoutes.h"

#include "ApiHandlers.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QHttpServerRouterRule>
#include <QTextStream>
#include <QtConcurrent>

namespace onsite::server
{
namespace
{

const QString kPrefix = QStringLiteral("/api/v1/");

// Matches every path; ApiHandlers does the routing so it stays independent of the toolkit.
class AnyPathRule : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &, QRegularExpressionMatch *) const override
    {
        return true;
    }
};

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QHttpServerResponse toQt(ApiResponse &&r)
{
    QHttpServerResponse out(r.contentType, std::move(r.body),
                            QHttpServerResponse::StatusCode(r.status));
    for (const auto &h : r.headers)
        out.addHeader(h.first, h.second);
    return out;
}

void accessLog(const ApiRequest &r, const QString &fullPath, int status, qint64 bytes, qint64 us)
{
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    QTextStream err(stderr);
    err << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << ' ' << r.peer.toString()
        << ' ' << r.method << ' ' << fullPath << ' ' << status << ' ' << bytes << ' '
        << QString::number(double(us) / 1000.0, 'f', 1) << "ms\n";
}

} // namespace

HttpRoutes::HttpRoutes(QHttpServer *server, int threads, qint64 maxJsonBody, QObject *parent)
    : QObject(parent), m_maxJsonBody(maxJsonBody)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // threads keep their database connections for good
    server->route<AnyPathRule>(
        kPrefix, [this](const QHttpServerRequest &req) -> QFuture<QHttpServerResponse> {
            QElapsedTimer timer;
            timer.start();
            ApiRequest r;
            r.method = methodName(req.method());
            const QString fullPath = req.url().path();
            r.path = fullPath.startsWith(kPrefix) ? fullPath.mid(kPrefix.size()) : QString();
            r.segments = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            r.query = req.query();
            r.headers = req.headers();
            r.peer = req.remoteAddress();
            // Behind the README's nginx every peer is loopback; nginx passes the client's
            // address in X-Real-IP, which is believed only from loopback.
            const QHostAddress real(QString::fromLatin1(r.header("X-Real-IP")));
            if (r.peer.isLoopback() && !real.isNull())
                r.peer = real;
            if (!fullPath.startsWith(kPrefix)) {
                ApiResponse resp = ApiResponse::error(ApiError::notFound(QStringLiteral("route")));
                accessLog(r, fullPath, resp.status, resp.body.size(), timer.nsecsElapsed() / 1000);
                return QtFuture::makeReadyFuture(toQt(std::move(resp)));
            }
            if (req.body().size() > m_maxJsonBody) {
                ApiResponse resp =
                    ApiResponse::error({413, QStringLiteral("too_large"),
                                        QStringLiteral("The request body is larger than %1 bytes.")
                                            .arg(m_maxJsonBody)});
                accessLog(r, fullPath, resp.status, resp.body.size(), timer.nsecsElapsed() / 1000);
                return QtFuture::makeReadyFuture(toQt(std::move(resp)));
            }
            r.body = req.body();
            return QtConcurrent::run(&m_pool, [r = std::move(r), fullPath, timer]() {
                ApiResponse resp = ApiHandlers::handle(r);
                accessLog(r, fullPath, resp.status, resp.body.size(), timer.nsecsElapsed() / 1000);
                return toQt(std::move(resp));
            });
        });
}

} // namespace onsite::server

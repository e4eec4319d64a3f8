#pragma once

#include "ServerConfig.h"

#include <QTextStream>
#include <QTimer>
#include <memory>

namespace onsite::server {

class HttpRoutes;
class Listener;
class MemoryTrimmer;

// One run of onsite-server once its database is ready: the files folder, the phone webhook's
// secret and the demo data, then the listening socket, the public URL, the hourly clean-up and
// the memory trimmer, until SIGTERM or SIGINT.
class ServerRun
{
public:
    explicit ServerRun(const ServerConfig &config);
    ~ServerRun();

    // false: the demo data could not be seeded (said on err).
    bool prepare(QTextStream &out, QTextStream &err);
    // false: the server cannot listen (said on err).
    bool start(QTextStream &out, QTextStream &err);
    // Serves until SIGTERM or SIGINT, then waits for the handlers at work.
    int exec();

private:
    bool seedDemo(QTextStream &out, QTextStream &err);
    quint16 listen();
    QString host() const;
    void setPublicUrl(quint16 port);
    void startCleaner();

    ServerConfig m_config;
    std::unique_ptr<HttpRoutes> m_routes;
    Listener *m_tcp = nullptr; // m_routes' child
    QTimer m_cleaner;
    std::unique_ptr<MemoryTrimmer> m_trimmer;
};

} // namespace onsite::server

#include "StaticNginx.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace bench {

bool StaticNginx::start(const QString &root, const QString &work, int workers)
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    QDir().mkpath(work + QStringLiteral("/tmp"));
    QFile conf(work + QStringLiteral("/nginx.conf"));
    conf.open(QIODevice::WriteOnly);
    conf.write(QStringLiteral("daemon off;\nworker_processes %4;\npid %1/nginx.pid;\n"
                              "error_log %1/nginx-error.log;\n"
                              "events { worker_connections 1024; }\n"
                              "http { access_log off; client_body_temp_path %1/tmp/b;"
                              " proxy_temp_path %1/tmp/p; fastcgi_temp_path %1/tmp/f;"
                              " uwsgi_temp_path %1/tmp/u; scgi_temp_path %1/tmp/s;"
                              " default_type application/json;"
                              " server { listen 127.0.0.1:%2; root %3; } }\n")
                   .arg(work)
                   .arg(m_port)
                   .arg(root)
                   .arg(workers > 0 ? QString::number(workers) : QStringLiteral("auto"))
                   .toUtf8());
    conf.close();
    m_nginx.start(QStringLiteral("nginx"),
                  {QStringLiteral("-p"), work, QStringLiteral("-c"), conf.fileName()});
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        if (s.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

QString StaticNginx::url(const QString &file) const
{
    return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(file);
}

StaticNginx::~StaticNginx()
{
    m_nginx.terminate();
    m_nginx.waitForFinished(5000);
}

} // namespace bench

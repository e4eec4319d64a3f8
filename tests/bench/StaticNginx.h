// nginx serving a folder as static files on loopback: the independent floor of the sync and
// server benchmarks (the same bytes our server answered, served by code that owes nothing to
// ours). Linux; needs the nginx binary.
#pragma once

#include <QProcess>
#include <QString>

namespace bench {

class StaticNginx
{
public:
    // workers: nginx worker processes (0: one per core, nginx's "auto").
    bool start(const QString &root, const QString &work, int workers = 1);
    QString url(const QString &file) const;
    quint16 port() const { return m_port; }
    ~StaticNginx();

private:
    QProcess m_nginx;
    quint16 m_port = 0;
};

} // namespace bench

#pragma once

#include <QDateTime>
#include <QMutex>

namespace onsite {

// The one source of "now". Rules never read the system time themselves; whoever asks them
// passes a clock, so tests can put the world one second before, at or after a deadline.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that says what it is told; used by tests and benchmarks. The app reads its clock
// from the UI and the sync thread, so the time is guarded.
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime t = QDateTime::currentDateTimeUtc()) : m_now(std::move(t)) {}
    QDateTime now() const override
    {
        QMutexLocker lock(&m_lock);
        return m_now;
    }
    void set(const QDateTime &t)
    {
        QMutexLocker lock(&m_lock);
        m_now = t.toUTC();
    }
    void advanceSecs(qint64 s)
    {
        QMutexLocker lock(&m_lock);
        m_now = m_now.addSecs(s);
    }

private:
    mutable QMutex m_lock;
    QDateTime m_now;
};

} // namespace onsite

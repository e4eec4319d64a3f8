#pragma once

#include <QDateTime>

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

// A clock that says what it is told; used by tests and benchmarks.
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime t = QDateTime::currentDateTimeUtc()) : m_now(std::move(t)) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace onsite

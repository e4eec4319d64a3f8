#pragma once

#include <QString>

namespace onsite::server {

// How long a worker's session lasts: it ends after kIdle unused, and kMax after sign-in
// however much it is used (both configurable). An ended session is deleted when it is next
// presented (the answer says it ended, so the app can say why it asks to sign in again), and
// the hourly clean-up deletes the rest with the sign-in failures no limit counts any more.
class Sessions
{
public:
    static constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    // Last use is written at most this often: a token check is a read, not a write.
    static constexpr qint64 kTouchEveryMs = 3600 * 1000;

    static void setLifetimes(qint64 idleMs, qint64 maxMs);
    static qint64 idleMs();
    static qint64 maxMs();

    struct Check {
        qint64 workerId = 0; // 0: no session
        bool ended = false;  // there was one, and it has ended (now deleted)
    };
    static Check check(const QString &token, qint64 nowMs);
    // Whether check() may answer `token` from memory, i.e. will want the database's version.
    static bool mayBeKept(const QString &token);
    // Deletes ended sessions and sign-in failures older than their window; false on a
    // database error.
    static bool clean(qint64 nowMs);
};

} // namespace onsite::server

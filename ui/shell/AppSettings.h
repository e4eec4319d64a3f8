#pragma once

#include <QString>

namespace onsite {

// The worker's preferences, kept with QSettings (per user, per platform's convention).
class AppSettings
{
public:
    // Notification kinds: "late", "reminders", "checkout", "changes", "messages", "decisions",
    // "approvals".
    // All on by default.
    static bool notify(const QString &kind);
    static void setNotify(const QString &kind, bool on);
    static int syncIntervalSecs(); // default 60
    // How much disk the client's documents kept offline may take, in MB; 0: none kept.
    static int documentsLimitMb(); // default 500
    static void setDocumentsLimitMb(int mb);
    static void setSyncIntervalSecs(int secs);
    // "" follows the system; otherwise a language code such as "es".
    static QString language();
    static void setLanguage(const QString &code);
    // "system", "light" or "dark".
    static QString appearance();
    static void setAppearance(const QString &mode);
    // The kind a Notices kind belongs to (request_approved -> decisions, paid -> approvals,
    // changed -> changes).
    static QString kindOfNotice(const QString &noticeKind);
};

} // namespace onsite

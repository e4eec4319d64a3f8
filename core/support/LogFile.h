#pragma once

#include <QString>

namespace onsite {

// Sends every log message (all categories at info and above, debug where enabled) to a file
// in the data directory as well as to stderr: one line each, UTC time, level, category,
// thread. The file is kept under 1 MiB: when it grows past that it becomes onsite.log.1.
class LogFile
{
public:
    static void install(const QString &path);
    static QString path();
};

} // namespace onsite

#pragma once

// What the load run records as it goes: request latencies per route, acknowledged operations,
// finished uploads, the servers' RSS, and the phase of the run.

#include <QString>
#include <utility>
#include <vector>

namespace loadrun {

enum Route { Session, Changes, Ops, UploadCreate, UploadPatch, UploadHead, Me, RouteCount };
inline const char *const kRouteNames[RouteCount] = {
    "session", "changes", "ops", "uploads create", "uploads patch", "uploads head", "me"};

struct Sample {
    qint32 startMs; // since the run started
    float ms;
    qint32 status; // 0: no HTTP answer
};

struct AckedOp {
    QString opId;
    int worker = 0;
    qint64 assignmentId = 0;
    QString logId;
    bool checkOut = false;
    QString checkIn;
    QString checkOutAt;
    QString status;
    int attempts = 0;
    qint64 atMs = 0;
};

struct FinishedUpload {
    int worker = 0;
    qint64 assignmentId = 0;
    QString deliverableId; // as the server answered
    QString sha256;
    qint64 size = 0;
    int resumes = 0;
};

struct RssSeries {
    QString name;
    qint64 pid = 0;
    std::vector<std::pair<qint64, qint64>> samples; // (ms since start, kB)
    qint64 diedAtMs = -1;
};

enum class Phase { Running, Draining, FinalSync, Done };

} // namespace loadrun

#pragma once

// What bench_malformed's requests refer to, found in the demo world before the run.

#include "BenchHttp.h"

#include <QByteArray>

namespace bench {

// One request on a connection of its own.
bool fetch(const Server &server, const QByteArray &request, Response *r);

// What the requests refer to: real tokens and ids from the demo world, so that mutations reach
// past authentication and into validation.
struct MalformedWorld {
    QByteArray worker, company, otherCompany;
    qint64 workerId = 0;
    qint64 assignment = 0;        // one of the worker's, active
    qint64 companyAssignment = 0; // one of the company's
    QByteArray requirement;       // a deliverable requirement of `assignment`
    QByteArray fundsRequest;      // a funds request id, if any
    QByteArray upload;            // an upload of the worker's, in progress
    QByteArray file;              // a deliverable's id (GET /files/{id})
    QByteArray calendar;          // the worker's calendar secret
    QByteArray phoneSecret = "demo-phone-secret";

    // Signs in as the demo worker and picks the ids to aim at; false if the sign-in failed.
    bool discover(const Server &server);
};

} // namespace bench

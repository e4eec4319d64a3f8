#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

namespace onsite::server {

// The API's routes (DESIGN §4) as plain functions of a request: no HTTP toolkit in here, so
// they run on the database pool and are the same whichever Qt HttpServer version serves them.
class ApiHandlers
{
public:
    static ApiResponse handle(const ApiRequest &request);
    // The base URL links handed out are built on (the calendar link): the configured public
    // URL, or the address the server listens on; never a request's Host header, which the
    // client chooses. Set once at start, before requests are served.
    static void setPublicUrl(const QString &url);
};

} // namespace onsite::server

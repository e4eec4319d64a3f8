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
};

} // namespace onsite::server

#pragma once
// Routes every deployment has: health and version.

#include <shouwang/server/router.h>

namespace shouwang::server {

// GET /healthz -> {"status":"ok"}; GET /api/v1/version -> {"name","version","api"}.
void add_core_routes(Router& router);

}  // namespace shouwang::server

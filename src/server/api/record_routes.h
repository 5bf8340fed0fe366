#pragma once
// Route groups of the API; each file registers its own (see api.h for the whole).

#include <shouwang/server/api.h>

namespace shouwang::server::api {

void add_record_routes(Router& router, ApiServices& api);
void add_auth_routes(Router& router, ApiServices& api);
void add_user_routes(Router& router, ApiServices& api);
void add_warning_routes(Router& router, ApiServices& api);
void add_reference_routes(Router& router, ApiServices& api);
void add_eido_routes(Router& router, ApiServices& api);
void add_unit_routes(Router& router, ApiServices& api);
void add_dispatch_routes(Router& router, ApiServices& api);
void add_position_routes(Router& router, ApiServices& api);
void add_place_routes(Router& router, ApiServices& api);
void add_stats_routes(Router& router, ApiServices& api);
void add_circle_routes(Router& router, ApiServices& api);

}  // namespace shouwang::server::api

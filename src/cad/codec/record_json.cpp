#include <shouwang/cad/record_json.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {

nlohmann::json call_json(const Call& call) { return encode(call); }
nlohmann::json incident_json(const Incident& incident) { return encode(incident); }
nlohmann::json order_json(const Order& order) { return encode(order); }
nlohmann::json unit_json(const Unit& unit) { return encode(unit); }
nlohmann::json warning_json(const Warning& warning) { return encode(warning); }
nlohmann::json site_json(const KeySite& site) { return encode(site); }
nlohmann::json post_json(const Post& post) { return encode(post); }

}  // namespace shouwang::cad

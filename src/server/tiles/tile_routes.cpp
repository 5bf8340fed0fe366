#include <shouwang/server/tile_routes.h>

#include <charconv>
#include <memory>
#include <string_view>

#include "server/tiles/mbtiles.h"

namespace shouwang::server {
namespace {

constexpr int kMaxZoom = 22;

bool parse_number(std::string_view text, std::uint32_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

HttpResponse tile_answer(const tiles::MbTiles* basemap, const HttpRequest& request) {
  std::string_view y_text = request.params.at("y");
  if (y_text.ends_with(".pbf")) y_text.remove_suffix(4);
  std::uint32_t z = 0, x = 0, y = 0;
  if (!parse_number(request.params.at("z"), z) || !parse_number(request.params.at("x"), x) ||
      !parse_number(y_text, y) || z > kMaxZoom || x >= (1u << z) || y >= (1u << z)) {
    return HttpResponse::error(400, "invalid_argument", "a tile is /tiles/{z}/{x}/{y}.pbf with x, y below 2^z, z <= 22");
  }
  if (basemap == nullptr) {
    return HttpResponse::error(404, "not_found",
                               "this centre has no basemap: run `shouwang import-osm` with tilemaker installed");
  }
  auto found = basemap->tile(static_cast<int>(z), x, y);
  if (!found) return HttpResponse::error(found.error());
  HttpResponse response;
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  if (!found->has_value()) {
    response.status = 204;  // nothing of the city here: an empty tile, not an error
    return response;
  }
  response.status = 200;
  response.content_type = "application/x-protobuf";
  response.body = std::move(**found);
  if (response.body.size() >= 2 && static_cast<unsigned char>(response.body[0]) == 0x1f &&
      static_cast<unsigned char>(response.body[1]) == 0x8b) {
    response.headers.emplace_back("Content-Encoding", "gzip");  // stored compressed, sent as stored
  }
  return response;
}

}  // namespace

std::optional<BasemapInfo> add_tile_routes(Router& router, const std::filesystem::path& mbtiles) {
  auto opened = tiles::MbTiles::open(mbtiles);
  std::shared_ptr<const tiles::MbTiles> basemap;
  if (opened) basemap = std::move(opened).value();
  router.add("GET", "/tiles/{z}/{x}/{y}",
             [basemap](const HttpRequest& request) { return tile_answer(basemap.get(), request); });
  if (!basemap) return std::nullopt;
  BasemapInfo info;
  const auto zoom = [&](const char* name, int fallback) {
    const auto value = basemap->metadata(name);
    std::uint32_t z = 0;
    return value && parse_number(*value, z) && z <= kMaxZoom ? static_cast<int>(z) : fallback;
  };
  info.minzoom = zoom("minzoom", info.minzoom);
  info.maxzoom = zoom("maxzoom", info.maxzoom);
  return info;
}

}  // namespace shouwang::server

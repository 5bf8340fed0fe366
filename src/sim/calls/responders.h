#pragma once
// Who answers for an incident in the history, and from where: the station whose area holds
// the scene, and among what it can send the one free soonest. A station sends its
// registered units that are on duty and available (from their home post, else the
// station's); a station without such units is itself the order's target, with a pool of
// kStationCars cars setting off from its police post. Each responder is busy from an
// order's issue until it is done, so the next incident waits for the first one free.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/state.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/osm/place_index.h>

namespace shouwang::sim::calls {

inline constexpr std::size_t kStationCars = 3;

struct Station {
  std::string code{};
  std::string name{};
  LatLon post{};  // its amenity=police place of the same name, else a point inside its area
  std::vector<std::size_t> responders{};
};

struct Responder {
  cad::OrderTarget target{};
  LatLon origin{};
  std::size_t station = 0;
  UtcTime free_at{};  // busy until then
};

// The stations of `org` with their police posts (police places of `places` that bear the
// station's name). Without any station, the city itself is the one station.
// kInvalidArgument when `org` is empty.
Result<std::vector<Station>> stations_of(const osm::Jurisdictions& org,
                                         const osm::PlaceIndex& places);

class Responders {
 public:
  // The responders of `stations`, from the units of `state`; their busy times from the
  // orders `state` holds for them.
  Responders(std::vector<Station> stations, const osm::Jurisdictions& org, const cad::State& state);

  // The station answering for `p`: the one whose area holds it, else the nearest post.
  [[nodiscard]] std::size_t station_at(LatLon p) const;
  [[nodiscard]] const Station& station(std::size_t i) const { return stations_[i]; }
  [[nodiscard]] const std::vector<Station>& stations() const { return stations_; }
  // The responder of station `s` that is free soonest (the first of equals).
  [[nodiscard]] Responder& first_free(std::size_t s);
  [[nodiscard]] const std::vector<Responder>& all() const { return responders_; }

 private:
  void restore_busy_times(const cad::State& state);

  const osm::Jurisdictions* org_{};
  std::vector<Station> stations_{};
  std::map<std::string, std::size_t, std::less<>> by_code_{};
  std::vector<Responder> responders_{};
};

}  // namespace shouwang::sim::calls

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

#include <shouwang/analytics/local_statistics.h>

namespace shouwang::analytics {
namespace {

SpatialWeights grid_contiguity(const StudyGrid& grid, bool corners) {
  SpatialWeights w;
  w.offsets.reserve(grid.size() + 1);
  for (std::uint32_t i = 0; i < grid.size(); ++i) {
    const std::int64_t c = grid.column(i), r = grid.row(i);
    for (std::int64_t dr = -1; dr <= 1; ++dr) {
      for (std::int64_t dc = -1; dc <= 1; ++dc) {
        if ((dr == 0 && dc == 0) || (!corners && dr != 0 && dc != 0))
          continue;
        const std::uint32_t j = grid.index_at(c + dc, r + dr);
        if (j != kOutsideStudy) {
          w.neighbours.push_back(j);
          w.weights.push_back(1.0);
        }
      }
    }
    w.offsets.push_back(static_cast<std::uint32_t>(w.neighbours.size()));
  }
  return w;
}

struct Moments {
  double n = 0, mean = 0, m2 = 0, m4 = 0, sum_squares = 0;
};

Moments moments(std::span<const double> x) {
  Moments m;
  m.n = static_cast<double>(x.size());
  for (const double v : x) {
    m.mean += v;
    m.sum_squares += v * v;
  }
  m.mean /= m.n;
  for (const double v : x) {
    const double z = v - m.mean;
    m.m2 += z * z;
    m.m4 += z * z * z * z;
  }
  m.m2 /= m.n;
  m.m4 /= m.n;
  return m;
}

}  // namespace

double two_sided_p(double z) {
  return std::erfc(std::abs(z) / std::numbers::sqrt2);
}

SpatialWeights rook_contiguity(const StudyGrid& grid) {
  return grid_contiguity(grid, false);
}
SpatialWeights queen_contiguity(const StudyGrid& grid) {
  return grid_contiguity(grid, true);
}

SpatialWeights distance_band(std::span<const Xy> centres, double band) {
  // Buckets of side `band`: a neighbour is in the same or an adjacent bucket.
  SpatialWeights w;
  if (centres.empty() || !(band > 0.0))
    return SpatialWeights{std::vector<std::uint32_t>(centres.size() + 1, 0), {}, {}};
  Xy lo = centres.front();
  for (const Xy p : centres)
    lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
  const auto key = [&](std::int64_t bx, std::int64_t by) { return (bx << 32) ^ (by & 0xffffffff); };
  const auto bucket_of = [&](Xy p) {
    return std::pair{static_cast<std::int64_t>((p.x - lo.x) / band),
                     static_cast<std::int64_t>((p.y - lo.y) / band)};
  };
  std::vector<std::pair<std::int64_t, std::uint32_t>> sorted;
  sorted.reserve(centres.size());
  for (std::uint32_t i = 0; i < centres.size(); ++i) {
    const auto [bx, by] = bucket_of(centres[i]);
    sorted.emplace_back(key(bx, by), i);
  }
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::uint32_t> found;
  for (std::uint32_t i = 0; i < centres.size(); ++i) {
    found.clear();
    const auto [bx, by] = bucket_of(centres[i]);
    for (std::int64_t dx = -1; dx <= 1; ++dx) {
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const std::int64_t k = key(bx + dx, by + dy);
        for (auto it =
                 std::lower_bound(sorted.begin(), sorted.end(), std::pair{k, std::uint32_t{0}});
             it != sorted.end() && it->first == k; ++it) {
          if (it->second != i && distance(centres[i], centres[it->second]) <= band)
            found.push_back(it->second);
        }
      }
    }
    std::sort(found.begin(), found.end());
    for (const std::uint32_t j : found) {
      w.neighbours.push_back(j);
      w.weights.push_back(1.0);
    }
    w.offsets.push_back(static_cast<std::uint32_t>(w.neighbours.size()));
  }
  return w;
}

SpatialWeights from_pairs(std::size_t units,
                          std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs) {
  std::vector<std::vector<std::uint32_t>> lists(units);
  for (const auto& [a, b] : pairs) {
    if (a == b || a >= units || b >= units)
      continue;
    lists[a].push_back(b);
    lists[b].push_back(a);
  }
  SpatialWeights w;
  for (auto& list : lists) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (const std::uint32_t j : list) {
      w.neighbours.push_back(j);
      w.weights.push_back(1.0);
    }
    w.offsets.push_back(static_cast<std::uint32_t>(w.neighbours.size()));
  }
  return w;
}

SpatialWeights row_standardised(SpatialWeights w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    double sum = 0.0;
    for (std::uint32_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
      sum += w.weights[k];
    if (sum > 0.0)
      for (std::uint32_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
        w.weights[k] /= sum;
  }
  return w;
}

std::vector<LocalStatistic> getis_ord_gi_star(std::span<const double> x, const SpatialWeights& w) {
  assert(x.size() == w.size() && x.size() >= 3);
  const Moments m = moments(x);
  const double s = std::sqrt(std::max(0.0, m.sum_squares / m.n - m.mean * m.mean));
  std::vector<LocalStatistic> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    double weighted = x[i], sum_w = 1.0, sum_w2 = 1.0;  // w_ii = 1
    for (std::uint32_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      weighted += w.weights[k] * x[w.neighbours[k]];
      sum_w += w.weights[k];
      sum_w2 += w.weights[k] * w.weights[k];
    }
    const double spread =
        s * std::sqrt(std::max(0.0, (m.n * sum_w2 - sum_w * sum_w) / (m.n - 1.0)));
    LocalStatistic& r = out[i];
    r.value = spread > 0.0 ? (weighted - m.mean * sum_w) / spread : 0.0;
    r.z = r.value;
    r.p = two_sided_p(r.z);
  }
  return out;
}

std::vector<LocalStatistic> local_moran(std::span<const double> x, const SpatialWeights& w) {
  assert(x.size() == w.size() && x.size() >= 3);
  const Moments m = moments(x);
  std::vector<LocalStatistic> out(x.size());
  if (!(m.m2 > 0.0))
    return out;
  const double b2 = m.m4 / (m.m2 * m.m2);
  const double n = m.n;
  for (std::size_t i = 0; i < x.size(); ++i) {
    double lag = 0.0, sum_w = 0.0, sum_w2 = 0.0;
    for (std::uint32_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      lag += w.weights[k] * (x[w.neighbours[k]] - m.mean);
      sum_w += w.weights[k];
      sum_w2 += w.weights[k] * w.weights[k];
    }
    LocalStatistic& r = out[i];
    r.value = (x[i] - m.mean) / m.m2 * lag;
    r.expected = -sum_w / (n - 1.0);
    const double variance = sum_w2 * (n - b2) / (n - 1.0) +
                            (sum_w * sum_w - sum_w2) * (2.0 * b2 - n) / ((n - 1.0) * (n - 2.0)) -
                            r.expected * r.expected;
    r.z = variance > 0.0 ? (r.value - r.expected) / std::sqrt(variance) : 0.0;
    r.p = two_sided_p(r.z);
  }
  return out;
}

MoranQuadrant moran_quadrant(std::span<const double> x, const SpatialWeights& w, std::uint32_t unit,
                             const LocalStatistic& s, double alpha) {
  if (!(s.p < alpha))
    return MoranQuadrant::kNotSignificant;
  double mean = 0.0;
  for (const double v : x)
    mean += v / static_cast<double>(x.size());
  double lag = 0.0, sum_w = 0.0;
  for (std::uint32_t k = w.offsets[unit]; k < w.offsets[unit + 1]; ++k) {
    lag += w.weights[k] * x[w.neighbours[k]];
    sum_w += w.weights[k];
  }
  const bool high = x[unit] > mean;
  const bool high_around = sum_w > 0.0 && lag / sum_w > mean;
  if (high)
    return high_around ? MoranQuadrant::kHighHigh : MoranQuadrant::kHighLow;
  return high_around ? MoranQuadrant::kLowHigh : MoranQuadrant::kLowLow;
}

}  // namespace shouwang::analytics

#pragma once
// Local spatial statistics for hotspot maps (docs/forecasting.md, "Hotspot statistics"):
// which cells or road segments hold significantly more incidents than their
// surroundings. Values are per unit (incident counts per cell or per segment); the
// neighbourhoods are spatial weights.
//
//   Getis–Ord Gi* (Ord & Getis 1995), the unit itself included with w_ii = 1:
//     Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S √((n Σ_j w_ij² − W_i²) / (n − 1)))
//     x̄ the mean, S = √(Σ x² / n − x̄²), W_i = Σ_j w_ij. Gi* is itself a z-score.
//   Local Moran's I (Anselin 1995), the unit itself excluded:
//     I_i = (z_i / m2) Σ_{j≠i} w_ij z_j, z = x − x̄, m2 = Σ z² / n
//     E[I_i] = −W_i / (n − 1); the variance under randomisation with b2 = m4 / m2²:
//     Var = w_i(2) (n − b2) / (n − 1) + (W_i² − w_i(2)) (2 b2 − n) / ((n − 1)(n − 2)) − E[I_i]²
//     with w_i(2) = Σ_{j≠i} w_ij².
// p-values are two-sided, from the standard normal distribution.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {

// Each unit's neighbours and their weights (compressed rows). A unit is never listed as
// its own neighbour; Gi* adds itself.
struct SpatialWeights {
  std::vector<std::uint32_t> offsets{0};  // unit i's neighbours are [offsets[i], offsets[i+1])
  std::vector<std::uint32_t> neighbours;
  std::vector<double> weights;

  [[nodiscard]] std::size_t size() const { return offsets.size() - 1; }
};

// Study cells sharing an edge (rook) or an edge or a corner (queen), weight 1.
SpatialWeights rook_contiguity(const StudyGrid& grid);
SpatialWeights queen_contiguity(const StudyGrid& grid);
// Units within `band` of each other (centre to centre), weight 1.
SpatialWeights distance_band(std::span<const Xy> centres, double band);
// Units joined by an edge list (road segments sharing a junction), weight 1, both ways;
// repeated pairs and self-loops are dropped.
SpatialWeights from_pairs(std::size_t units,
                          std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs);
// Each row's weights divided by its sum (rows without neighbours stay empty).
SpatialWeights row_standardised(SpatialWeights w);

struct LocalStatistic {
  double value = 0.0;     // Gi* or I_i
  double expected = 0.0;  // 0 for Gi*, E[I_i] for Moran
  double z = 0.0;
  double p = 1.0;
};

// Both need n ≥ 3 values and the same number of units as the weights; units of a constant
// field get z = 0 and p = 1.
std::vector<LocalStatistic> getis_ord_gi_star(std::span<const double> x, const SpatialWeights& w);
std::vector<LocalStatistic> local_moran(std::span<const double> x, const SpatialWeights& w);

// Moran scatter-plot quadrant of a unit: high values among high (HH), low among low (LL)
// and the outliers HL, LH; "-" when not significant at `alpha`.
enum class MoranQuadrant { kNotSignificant, kHighHigh, kLowLow, kHighLow, kLowHigh };
MoranQuadrant moran_quadrant(std::span<const double> x, const SpatialWeights& w, std::uint32_t unit,
                             const LocalStatistic& s, double alpha = 0.05);

// Two-sided p-value of a standard normal z.
double two_sided_p(double z);

}  // namespace shouwang::analytics

#pragma once
// Strong identifier and quantity types: mixing a NodeId with a UnitId, or Seconds with
// Meters, fails to compile instead of failing in the field.

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace shouwang {

// An opaque dense identifier. `Tag` makes each id type distinct; `Rep` is its storage.
// A default-constructed id is invalid (all bits set), so "no id" needs no std::optional.
template <typename Tag, typename Rep = std::uint32_t>
class StrongId {
 public:
  using rep_type = Rep;
  static constexpr Rep kInvalid = std::numeric_limits<Rep>::max();

  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}

  [[nodiscard]] constexpr Rep value() const { return value_; }
  [[nodiscard]] constexpr bool valid() const { return value_ != kInvalid; }

  friend constexpr auto operator<=>(StrongId, StrongId) = default;

 private:
  Rep value_ = kInvalid;
};

// A physical quantity with one unit, stored as `Rep`. Only same-unit arithmetic is
// defined; scaling by a plain number keeps the unit.
template <typename Tag, typename Rep = double>
class Quantity {
 public:
  using rep_type = Rep;

  constexpr Quantity() = default;
  constexpr explicit Quantity(Rep value) : value_(value) {}

  [[nodiscard]] constexpr Rep value() const { return value_; }

  friend constexpr auto operator<=>(Quantity, Quantity) = default;
  friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.value_ + b.value_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.value_ - b.value_); }
  friend constexpr Quantity operator*(Quantity a, Rep k) { return Quantity(a.value_ * k); }
  friend constexpr Quantity operator*(Rep k, Quantity a) { return Quantity(a.value_ * k); }
  friend constexpr Quantity operator/(Quantity a, Rep k) { return Quantity(a.value_ / k); }
  friend constexpr Rep operator/(Quantity a, Quantity b) { return a.value_ / b.value_; }
  constexpr Quantity& operator+=(Quantity other) {
    value_ += other.value_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity other) {
    value_ -= other.value_;
    return *this;
  }

 private:
  Rep value_ = Rep{};
};

}  // namespace shouwang

template <typename Tag, typename Rep>
struct std::hash<shouwang::StrongId<Tag, Rep>> {
  std::size_t operator()(shouwang::StrongId<Tag, Rep> id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};

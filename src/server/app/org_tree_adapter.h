#pragma once
// The access policy's view of the organisation: the jurisdictions read from the city's
// map (or a GeoJSON file), or, for a centre without either, a tree of the centre alone.

#include <optional>
#include <string>

#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/access_policy.h>

namespace shouwang::server {

class JurisdictionOrgTree final : public OrgTree {
 public:
  explicit JurisdictionOrgTree(osm::Jurisdictions jurisdictions) : jurisdictions_(std::move(jurisdictions)) {}
  explicit JurisdictionOrgTree(std::string root_only) : root_only_(std::move(root_only)) {}

  [[nodiscard]] std::string root() const override {
    if (jurisdictions_ && jurisdictions_->city() != nullptr) return jurisdictions_->city()->code;
    return root_only_;
  }
  [[nodiscard]] bool contains(std::string_view code) const override {
    if (jurisdictions_) return jurisdictions_->find(code) != nullptr;
    return code == root_only_;
  }
  [[nodiscard]] bool is_within(std::string_view code, std::string_view ancestor) const override {
    if (jurisdictions_) return jurisdictions_->is_within(code, ancestor);
    return ancestor == root_only_;
  }
  [[nodiscard]] const osm::Jurisdictions* jurisdictions() const {
    return jurisdictions_ ? &*jurisdictions_ : nullptr;
  }

 private:
  std::optional<osm::Jurisdictions> jurisdictions_;
  std::string root_only_;
};

}  // namespace shouwang::server

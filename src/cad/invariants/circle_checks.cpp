#include <shouwang/cad/code_text.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {

Status check_circles(const State& state) {
  for (const auto& [key, site] : state.sites) {
    if (key != site.id || !is_code(site.id))
      return broken("C1", "site stored under '" + key + "' is " + site.id);
    auto normal = normalized_site_profile(site.profile);
    if (!normal.ok() || *normal != site.profile)
      return broken("C1", "site " + site.id + " has a profile that is not normalized");
    if (site.gap && (site.retired || site.gaps_opened < 1))
      return broken("C2", "site " + site.id + " has an open gap it cannot have");
  }
  for (const auto& [key, post] : state.posts) {
    if (key != post.id || !is_code(post.id))
      return broken("C1", "post stored under '" + key + "' is " + post.id);
    auto normal = normalized_post_profile(post.profile);
    if (!normal.ok() || *normal != post.profile)
      return broken("C1", "post " + post.id + " has a profile that is not normalized");
  }
  return {};
}

}  // namespace shouwang::cad

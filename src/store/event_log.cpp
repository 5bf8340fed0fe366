#include <shouwang/store/event_log.h>

#include <shouwang/store/hash_chain.h>

namespace shouwang::store {

Status EventLog::scan(std::uint64_t from, const std::function<bool(const EventView&)>& visit) const {
  std::vector<std::string_view> ids;
  while (true) {
    auto batch = read(from, 8192);
    if (!batch) return batch.error();
    if (batch->empty()) return {};
    for (const Event& e : *batch) {
      ids.assign(e.body.entities.begin(), e.body.entities.end());
      const EventView view{e.seq, e.body.time, e.body.actor.user, e.body.actor.role, e.body.actor.workstation,
                           e.body.type, ids, e.body.payload, e.hash};
      if (!visit(view)) return {};
    }
    from = batch->back().seq + 1;
  }
}

Result<VerifyReport> EventLog::verify() const {
  ChainVerifier verifier;
  if (auto ok = scan(1, [&verifier](const EventView& record) { return verifier.add(record); }); !ok) return ok.error();
  VerifyReport report;
  report.records = verifier.records();
  report.last_seq = verifier.last_seq();
  if (const auto& problem = verifier.problem()) {
    report.first_broken = problem->first;
    report.problem = problem->second;
  }
  return report;
}

}  // namespace shouwang::store

#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"
#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

WarningId read_warning_id(const FieldReader& p) {
  auto id = parse_warning_id(p.string("warning_id"), "warning_id");
  if (!id.ok())
    p.fail("warning_id", id.error().message);
  return *id;
}

}  // namespace

void apply_warning_raised(State& s, const EventMeta& e, const FieldReader& p) {
  Warning w;
  w.id = read_warning_id(p);
  w.subject = decode_warning_subject(p.object("subject"));
  w.evidence = decode_warning_evidence(p, "evidence");
  w.raised_at = e.time;
  w.raised_by = std::string(e.user);
  if (s.find(w.id) != nullptr)
    throw EventMismatch("warning " + to_string(w.id) + " already exists");
  const WarningId id = w.id;
  s.warnings.emplace(id, std::move(w));
}

void apply_warning_acknowledged(State& s, const EventMeta& e, const FieldReader& p) {
  const WarningId id = read_warning_id(p);
  std::string response = p.string("response");
  Warning* w = s.find(id);
  if (w == nullptr)
    throw EventMismatch("warning " + to_string(id) + " does not exist");
  if (is_acknowledged(*w))
    throw EventMismatch("warning " + to_string(id) + " is already acknowledged");
  w->acknowledged_at = e.time;
  w->acknowledged_by = std::string(e.user);
  w->response = std::move(response);
}

}  // namespace shouwang::cad

#pragma once
// The behaviour every event-log back end must show, as one parameterized gtest suite. A
// back end joins by instantiating it with a StoreHarness factory:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, EventLogContract, ::testing::Values(sqlite_harness_factory()));

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include <shouwang/store/event_log.h>

namespace shouwang::store::testing {

// A fresh, empty store of one back end, and what a test needs to do to it behind the
// log's back (the way an intruder or a broken disk would).
class StoreHarness {
 public:
  virtual ~StoreHarness() = default;
  // The URL open_event_log takes for this store.
  [[nodiscard]] virtual std::string url() const = 0;
  // Replaces the stored payload of record `seq`, leaving its hash as it was.
  virtual void tamper_payload(std::uint64_t seq, const std::string& payload) = 0;
  // Removes record `seq`.
  virtual void delete_record(std::uint64_t seq) = 0;
};

struct HarnessFactory {
  std::string name;
  std::function<std::unique_ptr<StoreHarness>()> make;
};

// Names the instantiated tests after the back end.
inline std::string harness_name(const ::testing::TestParamInfo<HarnessFactory>& info) { return info.param.name; }

class EventLogContract : public ::testing::TestWithParam<HarnessFactory> {
 protected:
  void SetUp() override { harness_ = GetParam().make(); }
  void TearDown() override { harness_.reset(); }
  [[nodiscard]] StoreHarness& harness() { return *harness_; }
  // Opens the store's log, failing the test if it cannot.
  std::unique_ptr<EventLog> open(const OpenOptions& options = {});

 private:
  std::unique_ptr<StoreHarness> harness_;
};

// A draft with a recognisable payload: {"writer": w, "n": n, "part": p}.
EventDraft sample_draft(int writer, int n, int part = 0);

}  // namespace shouwang::store::testing

#include "event_log_contract.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include <shouwang/store/hash_chain.h>

namespace shouwang::store::testing {

std::unique_ptr<EventLog> EventLogContract::open(const OpenOptions& options) {
  auto log = open_event_log(harness_->url(), options);
  EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().message);
  return log.ok() ? std::move(log).value() : nullptr;
}

EventDraft sample_draft(int writer, int n, int part) {
  EventDraft d;
  d.time = UtcTime::from_micros(1'795'000'000'000'000 + n);
  d.actor = {"dispatcher" + std::to_string(writer), "dispatcher", "ws-" + std::to_string(writer)};
  d.type = "test.sample";
  d.entities = {"310100-20261122-" + std::to_string(writer), "order-" + std::to_string(n)};
  d.payload = R"({"writer":)" + std::to_string(writer) + R"(,"n":)" + std::to_string(n) + R"(,"part":)" +
              std::to_string(part) + R"(,"note":"接警 ✓"})";
  return d;
}

namespace {

TEST_P(EventLogContract, AppendsGetGaplessSequenceNumbersAndReadBackExactly) {
  auto log = open();
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->last_seq(), 0u);
  auto first = log->append({sample_draft(1, 1)});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->first, 1u);
  EXPECT_EQ(first->last, 1u);
  auto second = log->append({sample_draft(1, 2, 0), sample_draft(1, 2, 1), sample_draft(1, 2, 2)});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->first, 2u);
  EXPECT_EQ(second->last, 4u);
  EXPECT_EQ(log->last_seq(), 4u);

  auto events = log->read(1, 100);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ((*events)[0].body, sample_draft(1, 1));
  EXPECT_EQ((*events)[3].body, sample_draft(1, 2, 2));
  Sha256 previous = kGenesisHash;
  for (const Event& e : *events) {
    EXPECT_EQ(e.hash, chain_hash(previous, e.seq, e.body)) << "record " << e.seq;
    previous = e.hash;
  }
  auto tail = log->read(3, 1);
  ASSERT_TRUE(tail.ok());
  ASSERT_EQ(tail->size(), 1u);
  EXPECT_EQ(tail->front().seq, 3u);
  EXPECT_TRUE(log->read(5, 10)->empty());
}

TEST_P(EventLogContract, BadDraftsAreRefusedAndNothingOfTheirAppendIsWritten) {
  auto log = open();
  ASSERT_NE(log, nullptr);
  ASSERT_TRUE(log->append({sample_draft(1, 1)}).ok());

  auto empty = log->append({});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, Errc::kInvalidArgument);

  EventDraft not_json = sample_draft(1, 2);
  not_json.payload = "{\"open\": ";
  auto refused = log->append({sample_draft(1, 2, 0), not_json});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(refused.error().field, "payload");
  EXPECT_NE(refused.error().message.find("event 2 of 2"), std::string::npos) << refused.error().message;

  EventDraft array = sample_draft(1, 3);
  array.payload = "[1, 2]";
  EXPECT_FALSE(log->append({array}).ok());
  EventDraft bad_entity = sample_draft(1, 4);
  bad_entity.entities.push_back("a\x1f" "b");
  EXPECT_FALSE(log->append({bad_entity}).ok());
  EventDraft not_utf8 = sample_draft(1, 5);
  not_utf8.actor.user = "wang\xff";
  auto refused_utf8 = log->append({not_utf8});
  ASSERT_FALSE(refused_utf8.ok());
  EXPECT_EQ(refused_utf8.error().field, "actor");
  EventDraft no_type = sample_draft(1, 5);
  no_type.type.clear();
  EXPECT_FALSE(log->append({no_type}).ok());

  EXPECT_EQ(log->last_seq(), 1u);
  EXPECT_EQ(log->read(1, 100)->size(), 1u);
  auto next = log->append({sample_draft(1, 6)});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->first, 2u);  // no gap where the refused appends were
}

TEST_P(EventLogContract, ConcurrentWritersAreAllAcknowledgedInOneGaplessVerifiedChain) {
  auto log = open();
  ASSERT_NE(log, nullptr);
  constexpr int kWriters = 64, kAppends = 40;
  std::vector<std::vector<Appended>> acknowledged(kWriters);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int n = 0; n < kAppends; ++n) {
        std::vector<EventDraft> drafts;
        for (int p = 0; p <= n % 3; ++p) drafts.push_back(sample_draft(w, n, p));
        auto done = log->append(std::move(drafts));
        if (done.ok()) {
          acknowledged[static_cast<std::size_t>(w)].push_back(*done);
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(failures.load(), 0);

  auto all = log->read(1, 1'000'000);
  ASSERT_TRUE(all.ok());
  const std::uint64_t expected = kWriters * ((kAppends / 3) * 6 + (kAppends % 3 >= 1 ? 1 : 0) + (kAppends % 3 >= 2 ? 2 : 0));
  ASSERT_EQ(all->size(), expected);
  EXPECT_EQ(log->last_seq(), expected);
  for (std::size_t i = 0; i < all->size(); ++i) ASSERT_EQ((*all)[i].seq, i + 1);
  // Every acknowledged append holds exactly its own drafts, in order and contiguous.
  std::set<std::uint64_t> seen;
  for (int w = 0; w < kWriters; ++w) {
    ASSERT_EQ(acknowledged[static_cast<std::size_t>(w)].size(), static_cast<std::size_t>(kAppends));
    for (int n = 0; n < kAppends; ++n) {
      const Appended a = acknowledged[static_cast<std::size_t>(w)][static_cast<std::size_t>(n)];
      ASSERT_EQ(a.last - a.first, static_cast<std::uint64_t>(n % 3));
      for (std::uint64_t s = a.first; s <= a.last; ++s) {
        ASSERT_TRUE(seen.insert(s).second) << "sequence number " << s << " given twice";
        ASSERT_EQ((*all)[s - 1].body, sample_draft(w, n, static_cast<int>(s - a.first)));
      }
    }
  }
  auto report = log->verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
  EXPECT_EQ(report->records, expected);
}

TEST_P(EventLogContract, ReopeningKeepsEveryRecordAndContinuesTheChain) {
  {
    auto log = open();
    ASSERT_NE(log, nullptr);
    for (int n = 0; n < 10; ++n) ASSERT_TRUE(log->append({sample_draft(2, n)}).ok());
  }
  auto log = open();
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->last_seq(), 10u);
  auto next = log->append({sample_draft(2, 10)});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->first, 11u);
  auto report = log->verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
  EXPECT_EQ(report->records, 11u);
}

TEST_P(EventLogContract, ATamperedRecordFailsVerificationAndTheLogIsRefusedAtOpen) {
  {
    auto log = open();
    ASSERT_NE(log, nullptr);
    for (int n = 0; n < 20; ++n) ASSERT_TRUE(log->append({sample_draft(3, n)}).ok());
  }
  harness().tamper_payload(7, R"({"writer":3,"n":6,"part":0,"note":"改过"})");
  {
    auto log = open({.verify_on_open = false});  // the operator's explicit choice
    ASSERT_NE(log, nullptr);
    auto report = log->verify();
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->ok());
    ASSERT_TRUE(report->first_broken.has_value());
    EXPECT_EQ(*report->first_broken, 7u);
    EXPECT_EQ(report->last_seq, 6u);
    EXPECT_NE(report->problem.find("record 7"), std::string::npos) << report->problem;
  }
  auto refused = open_event_log(harness().url());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kCorrupt);
  EXPECT_NE(refused.error().message.find("record 7"), std::string::npos) << refused.error().message;
}

TEST_P(EventLogContract, ARemovedRecordIsFoundAsAGap) {
  {
    auto log = open();
    ASSERT_NE(log, nullptr);
    for (int n = 0; n < 12; ++n) ASSERT_TRUE(log->append({sample_draft(4, n)}).ok());
  }
  harness().delete_record(5);
  auto log = open({.verify_on_open = false});
  ASSERT_NE(log, nullptr);
  auto report = log->verify();
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->first_broken.has_value());
  EXPECT_EQ(*report->first_broken, 6u);
  EXPECT_NE(report->problem.find("missing"), std::string::npos) << report->problem;
  EXPECT_FALSE(open_event_log(harness().url()).ok());
}

TEST_P(EventLogContract, TheLatestSnapshotIsKept) {
  auto log = open();
  ASSERT_NE(log, nullptr);
  auto none = log->latest_snapshot();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  for (int n = 0; n < 5; ++n) ASSERT_TRUE(log->append({sample_draft(5, n)}).ok());
  ASSERT_TRUE(log->put_snapshot({3, std::string("state at 3\0with a zero byte", 27)}).ok());
  ASSERT_TRUE(log->put_snapshot({5, "state at 5"}).ok());
  auto latest = log->latest_snapshot();
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->seq, 5u);
  EXPECT_EQ((*latest)->state, "state at 5");
  log.reset();
  auto reopened = open();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ((*reopened->latest_snapshot())->seq, 5u);
}

}  // namespace
}  // namespace shouwang::store::testing

// store_crash_writer URL WRITERS: appends to the event log from WRITERS threads until it
// is killed, printing "ack WRITER N FIRST LAST PARTS" after every append the log has
// acknowledged. The durability test kills it with SIGKILL at a random moment and then
// checks the log against what was acknowledged.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <shouwang/store/event_log.h>

int main(int argc, char** argv) {
  using namespace shouwang;
  if (argc != 4) {
    std::fprintf(stderr, "usage: store_crash_writer URL WRITERS FIRST_WRITER_ID\n");
    return 2;
  }
  auto log = store::open_event_log(argv[1]);
  if (!log) {
    std::fprintf(stderr, "store_crash_writer: %s\n", log.error().message.c_str());
    return 1;
  }
  const int writers = std::atoi(argv[2]);
  const int first_id = std::atoi(argv[3]);
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, id = first_id + w] {
      for (int n = 0;; ++n) {
        const int parts = 1 + (n + id) % 4;
        std::vector<store::EventDraft> drafts;
        for (int p = 0; p < parts; ++p) {
          store::EventDraft d;
          d.time = UtcTime::from_micros(1'795'000'000'000'000 + n);
          d.actor = {"writer" + std::to_string(id), "dispatcher", ""};
          d.type = "test.durable";
          d.entities = {"w" + std::to_string(id)};
          d.payload = "{\"writer\":" + std::to_string(id) + ",\"n\":" + std::to_string(n) + ",\"part\":" +
                      std::to_string(p) + ",\"of\":" + std::to_string(parts) + "}";
          drafts.push_back(std::move(d));
        }
        auto done = (*log)->append(std::move(drafts));
        if (!done) {
          std::fprintf(stderr, "store_crash_writer: %s\n", done.error().message.c_str());
          std::_Exit(1);
        }
        // One write(2) per line: the line is in the pipe before the next append starts,
        // and lines from different threads never interleave (they are shorter than PIPE_BUF).
        const std::string line = "ack " + std::to_string(id) + " " + std::to_string(n) + " " +
                                 std::to_string(done->first) + " " + std::to_string(done->last) + " " +
                                 std::to_string(parts) + "\n";
        if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) std::_Exit(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  return 0;
}

#include <shouwang/store/hash_chain.h>

#include <openssl/evp.h>

#include <cstring>
#include <functional>
#include <stdexcept>

namespace shouwang::store {
namespace {

// The canonical bytes of a record: fixed-width little-endian integers and length-prefixed
// strings, so that no two different records encode the same way.
class Encoder {
 public:
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void text(std::string_view s) {
    u64(s.size());
    bytes_.append(s);
  }
  [[nodiscard]] const std::string& bytes() const { return bytes_; }
  void clear() { bytes_.clear(); }

 private:
  std::string bytes_;
};

// One EVP context per thread: creating one per hash costs more than hashing a record.
struct DigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
};

// The fields that are hashed, whatever holds them.
struct HashedFields {
  std::uint64_t seq;
  std::int64_t time_us;
  std::string_view user, role, workstation, type;
  std::size_t entity_count;
  std::function<std::string_view(std::size_t)> entity;
  std::string_view payload;
};

Sha256 hash_fields(const Sha256& previous, const HashedFields& f) {
  thread_local Encoder e;
  e.clear();
  e.u64(f.seq);
  e.u64(static_cast<std::uint64_t>(f.time_us));
  e.text(f.user);
  e.text(f.role);
  e.text(f.workstation);
  e.text(f.type);
  e.u64(f.entity_count);
  for (std::size_t i = 0; i < f.entity_count; ++i) e.text(f.entity(i));
  e.text(f.payload);

  thread_local DigestContext digest;
  Sha256 out{};
  unsigned int length = 0;
  if (digest.ctx == nullptr || EVP_DigestInit_ex(digest.ctx, EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(digest.ctx, previous.data(), previous.size()) != 1 ||
      EVP_DigestUpdate(digest.ctx, e.bytes().data(), e.bytes().size()) != 1 ||
      EVP_DigestFinal_ex(digest.ctx, out.data(), &length) != 1 || length != out.size()) {
    throw std::runtime_error("SHA-256 from libcrypto failed");  // only if OpenSSL itself is broken
  }
  return out;
}

}  // namespace

Sha256 chain_hash(const Sha256& previous, std::uint64_t seq, const EventDraft& body) {
  return hash_fields(previous, {seq, body.time.micros(), body.actor.user, body.actor.role, body.actor.workstation,
                                body.type, body.entities.size(),
                                [&body](std::size_t i) { return std::string_view(body.entities[i]); }, body.payload});
}

Sha256 chain_hash(const Sha256& previous, const EventView& r) {
  return hash_fields(previous, {r.seq, r.time.micros(), r.actor_user, r.actor_role, r.actor_workstation, r.type,
                                r.entities.size(), [&r](std::size_t i) { return r.entities[i]; }, r.payload});
}

Event EventView::to_event() const {
  Event e;
  e.seq = seq;
  e.body.time = time;
  e.body.actor = {std::string(actor_user), std::string(actor_role), std::string(actor_workstation)};
  e.body.type = type;
  e.body.entities.assign(entities.begin(), entities.end());
  e.body.payload = payload;
  e.hash = hash;
  return e;
}

std::string to_hex(const Sha256& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const std::uint8_t b : hash) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

bool ChainVerifier::add(const Event& event) {
  const std::vector<std::string_view> ids(event.body.entities.begin(), event.body.entities.end());
  return add(EventView{event.seq, event.body.time, event.body.actor.user, event.body.actor.role,
                       event.body.actor.workstation, event.body.type, ids, event.body.payload, event.hash});
}

bool ChainVerifier::add(const EventView& record) {
  if (problem_) return false;
  if (record.seq != last_seq_ + 1) {
    problem_.emplace(record.seq, "sequence number " + std::to_string(record.seq) + " follows " +
                                     std::to_string(last_seq_) + ": records are missing");
    return false;
  }
  const Sha256 expected = chain_hash(last_, record);
  if (expected != record.hash) {
    problem_.emplace(record.seq, "record " + std::to_string(record.seq) +
                                     " does not match its hash (changed, or a record before it was): stored " +
                                     to_hex(record.hash) + ", computed " + to_hex(expected));
    return false;
  }
  last_ = record.hash;
  last_seq_ = record.seq;
  ++records_;
  return true;
}

}  // namespace shouwang::store

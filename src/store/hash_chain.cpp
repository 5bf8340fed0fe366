#include <shouwang/store/hash_chain.h>

#include <openssl/evp.h>

#include <cstring>
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
  void text(const std::string& s) {
    u64(s.size());
    bytes_.append(s);
  }
  [[nodiscard]] const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// One EVP context per thread: creating one per hash costs more than hashing a record.
struct DigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
};

}  // namespace

Sha256 chain_hash(const Sha256& previous, std::uint64_t seq, const EventDraft& body) {
  Encoder e;
  e.u64(seq);
  e.u64(static_cast<std::uint64_t>(body.time.micros()));
  e.text(body.actor.user);
  e.text(body.actor.role);
  e.text(body.actor.workstation);
  e.text(body.type);
  e.u64(body.entities.size());
  for (const std::string& id : body.entities) e.text(id);
  e.text(body.payload);

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
  if (problem_) return false;
  if (event.seq != last_seq_ + 1) {
    problem_.emplace(event.seq, "sequence number " + std::to_string(event.seq) + " follows " +
                                    std::to_string(last_seq_) + ": records are missing");
    return false;
  }
  const Sha256 expected = chain_hash(last_, event.seq, event.body);
  if (expected != event.hash) {
    problem_.emplace(event.seq, "record " + std::to_string(event.seq) +
                                    " does not match its hash (changed, or a record before it was): stored " +
                                    to_hex(event.hash) + ", computed " + to_hex(expected));
    return false;
  }
  last_ = event.hash;
  last_seq_ = event.seq;
  ++records_;
  return true;
}

}  // namespace shouwang::store

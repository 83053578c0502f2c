#include "core/password.h"

#include "sodium_ready.h"

#include <charconv>
#include <optional>
#include <string>

namespace frontdesk::core {

using detail::sodiumReady;

Result<std::string> hashSecret(std::string_view secret, HashStrength strength) {
    if (!sodiumReady()) return Status(ErrorKind::Internal, "libsodium failed to initialise");
    if (secret.empty()) return invalidArgument("an empty PIN or password cannot be set");
    const auto ops = strength == HashStrength::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                           : crypto_pwhash_OPSLIMIT_MIN;
    const auto mem = strength == HashStrength::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                                           : crypto_pwhash_MEMLIMIT_MIN;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status(ErrorKind::Internal, "out of memory while hashing a PIN");
    }
    return std::string(out);
}

namespace {

// The number after "name=" at the start of text, with what follows it; nullopt if there is none.
std::optional<long> field(std::string_view& text, std::string_view name) {
    if (text.substr(0, name.size()) != name || text.substr(name.size(), 1) != "=") return std::nullopt;
    text.remove_prefix(name.size() + 1);
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end == text.data() || text.front() == '0') return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return value;
}

}  // namespace

Status checkEncodedHash(std::string_view encodedHash) {
    static constexpr std::string_view kPrefix = "$argon2id$v=19$";
    if (encodedHash.size() >= crypto_pwhash_STRBYTES || encodedHash.substr(0, kPrefix.size()) != kPrefix) {
        return invalidArgument("not an Argon2id hash in libsodium's encoding ($argon2id$v=19$m=...,t=...,p=1$...)");
    }
    std::string_view rest = encodedHash.substr(kPrefix.size());
    // "m=65536,t=2,p=1$": each field, then the separator after it.
    long cost[3] = {0, 0, 0};
    const char* names[3] = {"m", "t", "p"};
    for (int i = 0; i < 3; ++i) {
        const auto value = field(rest, names[i]);
        const std::string_view separator = i < 2 ? "," : "$";
        if (!value || rest.substr(0, 1) != separator) {
            return invalidArgument("Argon2id hash parameters are not m=...,t=...,p=...");
        }
        if (i < 2) rest.remove_prefix(1);
        cost[i] = *value;
    }
    const long memory = cost[0];
    const long passes = cost[1];
    const long lanes = cost[2];
    if (memory > kMaxHashMemoryKiB) {
        return invalidArgument("Argon2id hash asks for " + std::to_string(memory) + " KiB of memory, more than " +
                               std::to_string(kMaxHashMemoryKiB) + " KiB");
    }
    if (passes > kMaxHashPasses) {
        return invalidArgument("Argon2id hash asks for " + std::to_string(passes) + " passes, more than " +
                               std::to_string(kMaxHashPasses));
    }
    if (lanes != 1) return invalidArgument("Argon2id hash must use one lane (p=1), as libsodium does");
    return {};
}

bool verifySecret(std::string_view encodedHash, std::string_view secret) {
    if (!sodiumReady()) return false;
    const std::string hash(encodedHash);
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

std::string badgeDigest(std::string_view badge) {
    [[maybe_unused]] const bool ready = sodiumReady();
    static constexpr std::string_view kPrefix = "frontdesk-badge:";
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(kPrefix.data()), kPrefix.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(badge.data()), badge.size());
    crypto_hash_sha256_final(&state, digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : digest) {
        out += kHex[c >> 4];
        out += kHex[c & 0x0F];
    }
    return out;
}

}  // namespace frontdesk::core

#pragma once
// PIN and password hashing with Argon2id (libsodium crypto_pwhash). Only the encoded hash
// (algorithm, parameters, salt, digest) is ever stored; the clear PIN is never kept.

#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::core {

enum class HashStrength {
    Interactive,  // libsodium's interactive limits: for PINs and passwords in production
    Minimum,      // libsodium's minimum limits: for tests and generated demo data only
};

[[nodiscard]] Result<std::string> hashSecret(std::string_view secret, HashStrength strength = HashStrength::Interactive);
// An encoded hash made elsewhere (a seed, a dataset) is only stored after this check: it must be
// Argon2id in libsodium's encoding ($argon2id$v=19$m=KiB,t=passes,p=1$salt$digest), and its cost
// at most kMaxHashMemoryKiB and kMaxHashPasses, so that verifying it cannot take a till's memory
// or minutes. InvalidArgument naming the parameter that is wrong.
inline constexpr long kMaxHashMemoryKiB = 256 * 1024;  // 256 MiB: four times the interactive cost
inline constexpr long kMaxHashPasses = 10;
[[nodiscard]] Status checkEncodedHash(std::string_view encodedHash);
// True when secret matches the encoded hash; false for a mismatch or a malformed hash.
[[nodiscard]] bool verifySecret(std::string_view encodedHash, std::string_view secret);

// A staff badge is an identifier the till scans to find who it is, not a secret the member
// knows: it is kept as this digest (SHA-256 of a fixed prefix and the badge, lower-case hex) so
// that a scan is found by equality and the database never holds the badge itself.
[[nodiscard]] std::string badgeDigest(std::string_view badge);

}  // namespace frontdesk::core

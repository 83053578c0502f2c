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
// True when secret matches the encoded hash; false for a mismatch or a malformed hash.
[[nodiscard]] bool verifySecret(std::string_view encodedHash, std::string_view secret);

}  // namespace frontdesk::core

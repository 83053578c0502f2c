#include "core/password.h"

#include "sodium_ready.h"

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

bool verifySecret(std::string_view encodedHash, std::string_view secret) {
    if (!sodiumReady()) return false;
    const std::string hash(encodedHash);
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace frontdesk::core

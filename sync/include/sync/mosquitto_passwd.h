#pragma once
// Mosquitto 2.0 password file entries (what `mosquitto_passwd` writes), made with OpenSSL in the .cpp.
//
// An entry is what `mosquitto_passwd` writes for Mosquitto 2.0 (apps/mosquitto_passwd and
// src/password_mosq.c of eclipse/mosquitto, v2.0.11):
//
//   username:$7$101$<base64 of a 12-byte random salt>$<base64 of PBKDF2-HMAC-SHA512, 64 bytes>
//
// "7" names PBKDF2-SHA512 and 101 is the iteration count mosquitto_passwd uses; base64 is the
// standard alphabet with padding. Failures of the random source are Internal errors.

#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::sync {

inline constexpr int kMosquittoPbkdf2Iterations = 101;
inline constexpr std::size_t kMosquittoSaltBytes = 12;
inline constexpr std::size_t kMosquittoHashBytes = 64;

// A fresh random password: 24 random bytes as base64url without padding (32 characters).
[[nodiscard]] core::Result<std::string> randomBrokerPassword();

// "$7$101$salt$hash" for the password with a fresh random salt.
[[nodiscard]] core::Result<std::string> mosquittoPasswordHash(std::string_view password);

// Whether `hash` (as above) is the hash of `password`: lets the set-up keep an unchanged user's
// line and tests check an entry without a broker.
[[nodiscard]] bool mosquittoPasswordMatches(std::string_view hash, std::string_view password);

}  // namespace frontdesk::sync

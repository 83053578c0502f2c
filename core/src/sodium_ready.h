#pragma once
#include <sodium.h>

namespace frontdesk::core::detail {
// libsodium must be initialised once before use; sodium_init is idempotent and thread-safe.
inline bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}
}  // namespace frontdesk::core::detail

#pragma once
// Whole-file writes for the broker set-up (private to sync/src): a file is written to a temporary
// file in the same directory with its final mode, flushed to disk and renamed over the old one, so
// that a broker reloading on SIGHUP, or a crash, sees the old file or the new one, never half of
// one. Errors name the file and the system's reason.

#include <filesystem>
#include <string_view>

#include <sys/types.h>

#include "core/status.h"

namespace frontdesk::sync {

[[nodiscard]] core::Status writeFileAtomically(const std::filesystem::path& path, std::string_view contents,
                                               mode_t mode);

}  // namespace frontdesk::sync

#pragma once
// 1-bit images to and from PNG files (libpng): what the simulator writes for each receipt, and
// what tests read back to decode the codes on it.

#include <string>

#include "core/status.h"
#include "peripherals/bitmap.h"

namespace frontdesk::peripherals {

// Black dots black, the rest white, one PNG pixel per dot.
[[nodiscard]] core::Status writePng(const Bitmap& bitmap, const std::string& path);
// Any PNG, each pixel black when darker than mid-grey.
[[nodiscard]] core::Result<Bitmap> readPng(const std::string& path);

}  // namespace frontdesk::peripherals

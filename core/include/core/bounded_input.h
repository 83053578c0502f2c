#pragma once
// Bounded input: every file, line and document the project reads from outside is read with a
// size limit and, for JSON, a nesting limit checked before it is parsed, so that no input can
// exhaust memory or the stack. Errors name the limit. docs/input-boundaries.md lists the limits.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::core {

// Reads a whole file of at most maxBytes (an endless device such as /dev/zero is cut off at the
// limit and refused). NotFound if it cannot be opened; InvalidArgument past the limit.
[[nodiscard]] Result<std::string> readFileBounded(const std::string& path, std::size_t maxBytes, std::string_view what);

// Reads one line (without its '\n') of at most maxBytes. A longer line is consumed to its end and
// refused with InvalidArgument, so the next call starts on the next line. Returns false at end of
// input.
[[nodiscard]] Result<bool> readLineBounded(std::istream& in, std::string& line, std::size_t maxBytes);

// Checks a JSON text's size and the nesting depth of its arrays and objects, without parsing it.
// Strings (and brackets inside them) are skipped. InvalidArgument naming the limit.
[[nodiscard]] Status checkJsonBounds(std::string_view text, std::size_t maxBytes, int maxDepth, std::string_view what);

// A short, UTF-8-safe excerpt of text for an error message: at most maxBytes, cut on a character
// boundary, with "..." when cut. Errors quote input only through this.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t maxBytes = 40);

// "64 KiB", "256 MiB": a byte limit as people read it.
[[nodiscard]] std::string byteSize(std::size_t bytes);

}  // namespace frontdesk::core

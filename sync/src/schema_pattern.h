#pragma once
// The "pattern" keyword (private to the sync module): the ECMAScript subset the validator accepts
// and its evaluation with std::regex.
//
// std::regex matches bytes, while ajv and every ECMAScript engine in "u" mode match code points.
// The two agree on every string exactly when each atom of a pattern can match ASCII only, since
// UTF-8 encodes every other code point with bytes above 0x7F. So a pattern may not use '.', a
// negated class [^...], the escapes \s \S \D \W (they match non-ASCII), \u \x \p \c (they name
// it), backreferences, lookbehind or named groups (std::regex lacks them), nor non-ASCII text.
// Identity escapes are limited to the syntax characters, as "u" mode requires.

#include <string>

#include "core/status.h"
#include "schema_node.h"

namespace frontdesk::sync::detail {

// InvalidArgument naming the construct and why it is refused; a compiled pattern otherwise.
core::Result<SchemaPattern> compilePattern(const std::string& source);

// Whether the pattern is found anywhere in text (JSON Schema patterns are not anchored). An
// error if the regex engine gives up (it may, on complexity), which the caller reports.
core::Result<bool> searchPattern(const SchemaPattern& pattern, const std::string& text);

}  // namespace frontdesk::sync::detail

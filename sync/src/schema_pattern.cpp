#include "schema_pattern.h"

#include <string_view>

namespace frontdesk::sync::detail {

namespace {

constexpr std::string_view kSyntaxCharacters = "^$\\.*+?()[]{}|/";
// Escapes that stand for ASCII only: classes of digits and word characters, assertions, and the
// control characters.
constexpr std::string_view kAsciiEscapes = "dwbBnrtfv";

core::Status refuse(const std::string& source, const std::string& why) {
    return core::invalidArgument("pattern '" + source + "' " + why);
}

core::Status checkEscape(const std::string& source, char escaped, bool inClass) {
    if (kAsciiEscapes.find(escaped) != std::string_view::npos) return {};
    if (kSyntaxCharacters.find(escaped) != std::string_view::npos) return {};
    if (escaped == '-' && inClass) return {};
    return refuse(source, std::string("uses \\") + escaped +
                              ", which this validator cannot evaluate as ECMAScript does (allowed escapes: \\d \\w \\b "
                              "\\B \\n \\r \\t \\f \\v and the syntax characters)");
}

core::Status checkGroup(const std::string& source, std::string_view rest) {
    // rest starts after "(?"
    if (!rest.empty() && (rest[0] == ':' || rest[0] == '=' || rest[0] == '!')) return {};
    return refuse(source, "uses a group '(?" + std::string(rest.substr(0, 1)) +
                              "' other than (?: (?= (?!: lookbehind and named groups are not supported");
}

// Walks the pattern once, tracking whether it is inside a character class.
core::Status checkDialect(const std::string& source) {
    bool inClass = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if (static_cast<unsigned char>(c) > 0x7E || static_cast<unsigned char>(c) < 0x20) {
            return refuse(source, "holds a character outside printable ASCII");
        }
        if (c == '\\') {
            if (i + 1 == source.size()) return refuse(source, "ends with a lone backslash");
            FD_TRY(checkEscape(source, source[++i], inClass));
            continue;
        }
        if (inClass) {
            // libstdc++ reads "[:", "[." and "[=" inside a class as POSIX classes; ECMAScript does not.
            if (c == '[') return refuse(source, "has an unescaped '[' inside a class: write \\[");
            if (c == ']') inClass = false;
            continue;
        }
        if (c == '[') {
            if (i + 1 < source.size() && source[i + 1] == '^') {
                return refuse(source,
                              "uses a negated class [^...], which matches a byte here and a character in "
                              "ECMAScript: list the characters allowed instead");
            }
            inClass = true;
        } else if (c == '.') {
            return refuse(source,
                          "uses '.', which matches a byte here and a character in ECMAScript: name the "
                          "characters allowed instead");
        } else if (c == '(' && i + 1 < source.size() && source[i + 1] == '?') {
            FD_TRY(checkGroup(source, std::string_view(source).substr(i + 2)));
        }
    }
    if (inClass) return refuse(source, "leaves a character class open");
    return {};
}

}  // namespace

core::Result<SchemaPattern> compilePattern(const std::string& source) {
    FD_TRY(checkDialect(source));
    try {
        return SchemaPattern{source, std::regex(source, std::regex::ECMAScript)};
    } catch (const std::regex_error& e) {
        return refuse(source, std::string("is not a valid regular expression: ") + e.what());
    }
}

core::Result<bool> searchPattern(const SchemaPattern& pattern, const std::string& text) {
    try {
        return std::regex_search(text, pattern.regex);
    } catch (const std::regex_error& e) {
        return core::Status(core::ErrorKind::Internal, std::string("the regex engine gave up: ") + e.what());
    }
}

}  // namespace frontdesk::sync::detail

#pragma once
// Structured logging for every Frontdesk process (spdlog behind it; no spdlog header leaks out).
//
//   core::log::info("sync.relay", "connected", {{"broker", "127.0.0.1:1883"}, {"bdseq", "5"}});
//
// One line per event: the time (UTC, milliseconds), the level, the component, the message and its
// fields, as text ("2026-12-01T08:00:00.123Z info sync.relay connected broker=127.0.0.1:1883") or
// as JSON lines ({"at": ..., "level": ..., "component": ..., "msg": ..., "broker": ...}).
//
// Nothing secret is ever written: a field whose name says it may hold a secret or card data
// (password, pin, secret, token, credential, hash, pan, track, card_number, cvv; any case) is
// written as "[redacted]", whatever the caller passed. Messages and other fields must not quote
// secrets either: callers log what happened and to what, never what was typed or read off a card.
//
// configure() once at start (main); until then, and in tests, lines go to stderr at level info
// as text. Thread-safe.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace frontdesk::core::log {

enum class Level { Debug, Info, Warn, Error, Off };
enum class Format { Text, JsonLines };

struct Options {
    Level level = Level::Info;
    Format format = Format::Text;
    std::string file;  // "" for stderr; otherwise appended to, rotated at 10 MiB, 5 files kept
};

[[nodiscard]] Result<Level> parseLevel(std::string_view name);  // debug, info, warn, error, off
[[nodiscard]] Status configure(const Options& options);

using Field = std::pair<std::string_view, std::string>;
using Fields = std::initializer_list<Field>;

void write(Level level, std::string_view component, std::string_view message, Fields fields = {});
inline void debug(std::string_view c, std::string_view m, Fields f = {}) { write(Level::Debug, c, m, f); }
inline void info(std::string_view c, std::string_view m, Fields f = {}) { write(Level::Info, c, m, f); }
inline void warn(std::string_view c, std::string_view m, Fields f = {}) { write(Level::Warn, c, m, f); }
inline void error(std::string_view c, std::string_view m, Fields f = {}) { write(Level::Error, c, m, f); }

// Whether a field of this name is written as "[redacted]".
[[nodiscard]] bool isSecretField(std::string_view name);
// The line write() would produce for these, without the time (for tests of the format).
[[nodiscard]] std::string formatLine(Format format, Level level, std::string_view component, std::string_view message,
                                     Fields fields, std::string_view at);

}  // namespace frontdesk::core::log

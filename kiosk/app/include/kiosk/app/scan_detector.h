#pragma once
// Tells a keyboard-wedge barcode scanner from a person typing. A wedge scanner "types" a whole
// code as a burst of keystrokes a few milliseconds apart and ends it with Enter; a person types
// tens of milliseconds apart or more. Keys that arrive close together are held back; an Enter
// after a burst of at least minLength keys makes them a scan, accepted on every screen whether or
// not a field has focus. Keys that turn out to be typing (a gap too long, an Enter after too few
// keys, too many keys) are released, in order, to whatever had focus.
//
// Pure logic over key events and their times (no Qt): the app's event filter feeds it and
// flushes it from a timer. One thread.

#include <chrono>
#include <optional>
#include <string>

namespace frontdesk::kiosk::app {

class ScanDetector {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    struct Options {
        std::chrono::milliseconds maxGap{35};  // longest pause between two keys of one scan
        std::size_t minLength = 4;             // shortest code (EAN-8 has 8; receipt ids are longer)
        std::size_t maxLength = 256;           // longer bursts are not a scan (a paste, a stuck key)
    };

    struct Outcome {
        std::optional<std::string> scanned;  // a complete scan, UTF-8
        std::string typed;                   // keys to hand back as typing, UTF-8, in order
        bool consumed = false;               // the key just given is held or was part of a scan
    };

    ScanDetector() = default;
    explicit ScanDetector(Options options) : m_options(options) {}

    // A printable character.
    Outcome key(char32_t character, TimePoint at);
    // Enter (or Return).
    Outcome enter(TimePoint at);
    // Whatever is held, once maxGap has passed since the last key (call it from a timer): the
    // burst ended without Enter, so it was typing.
    Outcome flush(TimePoint now);

    bool holding() const { return !m_held.empty(); }
    // When flush() should next be called, if anything is held.
    std::optional<TimePoint> flushDue() const;

private:
    Outcome release();
    Options m_options;
    std::u32string m_held;
    TimePoint m_last{};
};

}  // namespace frontdesk::kiosk::app

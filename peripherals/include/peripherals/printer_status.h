#pragma once
// What a receipt printer says about itself, and how its answers are read off a two-way stream.
//
// Three kinds of answer share the stream, told apart by their bit patterns (Epson ESC/POS;
// ../shared/design/FACTS.md): a DLE EOT reply is one byte with (b & 0x93) == 0x12, an Automatic
// Status Back report is four bytes whose first has (b & 0x93) == 0x10, and a GS r reply is one
// byte with (b & 0x90) == 0. The printer service appends GS r 1 to every job: its reply, which a
// printer sends only once it has processed everything before it, is the job's confirmation.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace frontdesk::peripherals {

struct PrinterStatus {
    bool known = false;  // false: no answer yet, or a write-only transport (CUPS, file)
    bool online = false;
    bool coverOpen = false;
    bool paperNearEnd = false;
    bool paperOut = false;
    bool drawerOpen = false;
    bool operator==(const PrinterStatus&) const = default;

    // What stops printing, in words for the person at the till ("cover open"), or empty.
    std::string fault() const;
    // One line: "online, paper ok, drawer closed", "cover open, paper near end", "status unknown".
    std::string describe() const;
};

// Reads a printer's answers as they arrive, in pieces of any size.
class StatusReader {
public:
    // Call before sending DLE EOT n (1 to 4), so that its reply is read as n's.
    void expectRealtime(int n) { m_expected.push_back(n); }
    // Feeds bytes; returns how many GS r replies (job confirmations) they completed. Status
    // bits from DLE EOT and ASB are applied to status().
    int feed(std::string_view bytes);
    const PrinterStatus& status() const { return m_status; }
    bool awaiting() const { return !m_expected.empty(); }                // DLE EOT replies still due
    void forget() { m_expected.clear(), m_asb.clear(), m_status = {}; }  // after a reconnect

private:
    void realtime(int n, std::uint8_t b);
    void autoStatus();
    PrinterStatus m_status;
    std::deque<int> m_expected;
    std::string m_asb;  // an ASB report being read
};

}  // namespace frontdesk::peripherals

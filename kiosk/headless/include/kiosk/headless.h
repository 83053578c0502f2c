#pragma once
// The headless driver: drives a Till from JSON lines, one action per line, and answers each with
// one JSON result line. Integration tests, benchmarks and the demo use it until a screen does.
// An invalid line gets {"ok":false,"error":kind,"message":...} naming the field; the session goes
// on. Each action is one handler in a table (headless_actions.cpp); docs/headless.md lists them.
//
// The Till (and the fake payment terminal, when given) must outlive the driver. Not
// thread-safe: one thread reads the lines.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/checkout.h"
#include "kiosk/payment.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk {

// The sync relay as the driver sees it, when the till syncs (main.cpp wires it): its status as
// JSON, and a wait until the outbox is drained (true) or the time is up (false).
struct SyncProbe {
    std::function<nlohmann::json()> status;
    std::function<bool(std::chrono::milliseconds)> waitDrained;
};

// The receipt printer as the driver sees it, when the till has one (main.cpp wires
// kiosk/receipts): each function prints and answers {"printed", "queued", "message", "status"}.
// Printing comes after the commit and never undoes or holds it: the action's result carries the
// answer under "print". The cash drawer opens (through the printer) after a sale or refund with
// cash, a paid-in, a paid-out and a no-sale, each once committed: the answer is under "drawer".
struct PrintProbe {
    std::function<nlohmann::json(const Committed&, const std::string& staffName, bool copy)> sale;
    std::function<nlohmann::json(const ShiftReport&, const std::string& staffName)> report;
    std::function<nlohmann::json(const Visit&)> badge;
    std::function<nlohmann::json(const Ticket&)> ticket;
    std::function<nlohmann::json()> drawer;  // the cash drawer's pulse, through the printer
    std::function<nlohmann::json()> status;
    explicit operator bool() const { return static_cast<bool>(sale); }
};

class HeadlessDriver {
public:
    // A line is at most 64 KiB and nests at most 16 levels; longer or deeper lines are refused
    // whole, and the session goes on with the next line.
    static constexpr std::size_t kMaxLineBytes = 64 * 1024;
    static constexpr int kMaxDepth = 16;

    // fake may be null; when set, card tenders accept "simulate": "decline" | "offline".
    HeadlessDriver(Till& till, FakePaymentAdapter* fake) : m_till(till), m_fake(fake) {}

    // Enables the sync.status action.
    void setSync(SyncProbe probe) { m_sync = std::move(probe); }
    // Enables printing after sales, refunds, shift reports and visitor sign-ins, and the
    // reprint and printer.status actions.
    void setPrinter(PrintProbe probe) { m_printer = std::move(probe); }

    // Handles one line (JSON object text); never throws.
    nlohmann::json handle(const std::string& line);
    // Reads lines until EOF, writes one result line each (JSON, or with pretty a short text
    // line for people, as the demo shows). Returns the number of failed actions.
    int run(std::istream& in, std::ostream& out, bool pretty = false);

private:
    Till& m_till;
    FakePaymentAdapter* m_fake;
    SyncProbe m_sync;
    PrintProbe m_printer;
};

// JSON views of engine results, shared by the driver and tests.
nlohmann::json saleStateJson(const SaleState& state, const Cart& cart, const core::Currency& currency);

// One line for people describing an action's result ("OK  scan  2 lines, due 19.40 EUR").
std::string describeResult(const nlohmann::json& request, const nlohmann::json& result, const core::Currency& currency);

}  // namespace frontdesk::kiosk

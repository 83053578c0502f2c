// Fuzz target: the seed importer (kiosk::importSeed), the document that provisions a terminal
// (frontdesk-kiosk --seed, and later the back office's master-data datasets).
//
// Each input goes through what importSeedFile does after reading the file: the size and nesting
// check (core::checkJsonBounds with kMaxSeedBytes, kMaxSeedDepth), then nlohmann::json::parse
// without exceptions; input refused there or not JSON is dropped. The seed is imported into a fresh, empty terminal
// database (restored from an in-memory snapshot), with PINs hashed at the minimum cost.
//
// Properties: no crash, leak or undefined behaviour (ASan + UBSan); importSeed never throws;
// when the import succeeds:
//   - every item and staff entry is either applied or quarantined, and every tax code applied;
//   - the terminal it provisioned opens (Till::open);
//   - importing the same seed again succeeds with the same report (an import is an upsert);
//   - the report prints (jsonText) without throwing.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/bounded_input.h"
#include "core/clock.h"
#include "fuzz_check.h"
#include "kiosk/json_text.h"
#include "kiosk/payment.h"
#include "kiosk/seed_import.h"
#include "kiosk/till.h"
#include "terminal_snapshot.h"

namespace {

using namespace frontdesk;
using nlohmann::json;

const core::TimePoint kStart{std::chrono::milliseconds{1'795'000'000'000}};

fuzz::TerminalSnapshot& emptyTerminal() {
    static fuzz::TerminalSnapshot* snapshot = new fuzz::TerminalSnapshot(fuzz::openEmptyTerminal());
    return *snapshot;
}

std::size_t listSize(const json& seed, const char* key) {
    auto it = seed.find(key);
    return it != seed.end() && it->is_array() ? it->size() : 0;
}

std::size_t quarantined(const kiosk::ImportReport& report, const std::string& kind) {
    std::size_t n = 0;
    for (const auto& entry : report.quarantined) n += entry.rfind(kind + " '", 0) == 0 ? 1 : 0;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!core::checkJsonBounds(text, kiosk::kMaxSeedBytes, kiosk::kMaxSeedDepth, "seed").ok()) return -1;
    const json seed = json::parse(text, nullptr, false);
    if (seed.is_discarded()) return -1;  // not JSON: not worth keeping in the corpus
    core::Database& db = emptyTerminal().restore();
    core::FakeClock clock(kStart);
    auto report = kiosk::importSeed(db, clock, seed, core::HashStrength::Minimum);
    if (!report.ok()) {
        (void)report.status().toString();
        return 0;
    }
    const std::string printed = kiosk::jsonText(report->toJson());
    FUZZ_CHECK(static_cast<std::size_t>(report->taxCodes) == listSize(seed, "tax_codes"),
               "tax codes applied: " + printed);
    FUZZ_CHECK(static_cast<std::size_t>(report->items) + quarantined(*report, "item") == listSize(seed, "items"),
               "items applied or quarantined: " + printed);
    FUZZ_CHECK(static_cast<std::size_t>(report->staff) + quarantined(*report, "staff") == listSize(seed, "staff"),
               "staff applied or quarantined: " + printed);

    kiosk::FakePaymentAdapter payments;
    {
        auto till = kiosk::Till::open(db, clock, payments);
        FUZZ_CHECK(till.ok(), "a seed imported but the terminal does not open: " + till.status().toString());
    }
    auto again = kiosk::importSeed(db, clock, seed, core::HashStrength::Minimum);
    FUZZ_CHECK(again.ok(), "importing the same seed again failed: " + again.status().toString());
    FUZZ_CHECK(kiosk::jsonText(again->toJson()) == printed,
               "importing the same seed again reported " + kiosk::jsonText(again->toJson()) + ", first " + printed);
    return 0;
}

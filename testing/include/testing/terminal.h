#pragma once
// A provisioned terminal for tests and benchmarks: a database in a fresh temp directory, a fake
// clock, the fake payment terminal, and a Till over them. Set-up failures throw
// std::runtime_error with the reason: a test reports it, a benchmark stops on it.

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/money.h"
#include "kiosk/payment.h"
#include "kiosk/till.h"
#include "testing/temp_dir.h"

namespace frontdesk::kiosk::testing {

// The standard test seed: EUR, VAT inclusive per line, two rates (VAT19, VAT7), items
// A (1.99, VAT19, barcode 4000000000017), B (0.50, VAT7, barcode 4000000000024),
// W (by weight, 24.80/kg, VAT7), X (age restricted, 9.99, VAT19, barcode 4000000000031);
// staff c1/1111 cashier (badge kBadgeCass), c2/2222 cashier, s1/3333 supervisor (badge kBadgeSue),
// m1/4444 manager.
// max_failed_logins 3, lockout 60 s, price_version 7. Overrides are merged into "terminal".
nlohmann::json standardSeed(const nlohmann::json& terminalOverrides = nlohmann::json::object());

// The standard seed with the reception tables filled, as the back office's datasets would (the
// fake clock starts at 2026-11-18T11:06:40Z): members M-100 Robin Example (card "CARD-100",
// active until 2027-06-30) and M-300 Eve Expired (card "CARD-300", ended 2026-11-17); bookings
// kDeskCourt (Robin Example, court 2, today 12:00-13:00) and kDeskTomorrow (Ann Other, court 1,
// tomorrow 12:00-13:00); "Sam Spammer" on the block list.
nlohmann::json deskSeed();
constexpr const char* kDeskCourt = "01890a5d-ac96-774b-bcce-b302099a0001";
constexpr const char* kDeskTomorrow = "01890a5d-ac96-774b-bcce-b302099a0003";

// Staff badges of the standard seed, as a badge reader reads them.
constexpr const char* kBadgeCass = "0004417720";
constexpr const char* kBadgeSue = "0004417733";

// Barcodes of the standard seed's items.
constexpr const char* kApple = "4000000000017";   // A 1.99 VAT19
constexpr const char* kBread = "4000000000024";   // B 0.50 VAT7
constexpr const char* kSherry = "4000000000031";  // X 9.99 VAT19

// A catalog dataset body (docs/master-data.md) of this version: the header, tax codes VAT19 and
// VAT7, the standard seed's A (at applePrice, barcode kApple) and B, then `items` more: sku
// "I000001"..., name "Item 000001", price 1.00 + n cents, VAT19 or VAT7 in turn, barcode
// "29" + n in 11 digits.
std::string catalogDataset(std::int64_t version, int items, const std::string& applePrice = "2.49",
                           const std::string& currency = "EUR");

// Opens (creating) the terminal database at path and imports the seed, with PIN hashes at the
// minimum Argon2id cost for speed.
std::unique_ptr<core::Database> provisionTerminal(const std::string& path, const core::Clock& clock,
                                                  const nlohmann::json& seed);
// Opens a Till over a provisioned database.
std::unique_ptr<Till> openTill(core::Database& db, const core::Clock& clock, PaymentAdapter& payments);

struct Terminal {
    explicit Terminal(const nlohmann::json& seed = standardSeed());
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // Reopens the database and the Till, as after a restart.
    void reopen();
    // Logs `staff` in and opens a shift with a 100.00 float (in the terminal currency).
    void startShift(const std::string& staff = "c1", const std::string& pin = "1111");

    StaffSession& session() { return till->session(); }
    ShiftLedger& shifts() { return till->shifts(); }
    Checkout& checkout() { return till->checkout(); }
    Refunds& refunds() { return till->refunds(); }

    TempDir dir;
    core::FakeClock clock;
    FakePaymentAdapter payments;
    std::unique_ptr<core::Database> db;
    std::unique_ptr<Till> till;
};

core::Money eur(std::int64_t minor);
// An amount in any ISO 4217 currency ("CHF", "USD").
core::Money money(std::int64_t minor, const char* currency);
core::Decimal dec(const char* text);

// SELECT returning one integer.
std::int64_t queryInt(core::Database& db, const std::string& sql);
// SELECT returning one text value (NULL reads as "").
std::string queryText(core::Database& db, const std::string& sql);
// SELECT returning one text column, every row in order (NULL reads as "").
std::vector<std::string> queryColumn(core::Database& db, const std::string& sql);

// The outbox envelope with this seq, parsed.
nlohmann::json envelope(core::Database& db, std::int64_t seq);
// The newest outbox envelope, parsed.
nlohmann::json lastEnvelope(core::Database& db);

// The whole content of a file, as bytes.
std::string readFileBytes(const std::filesystem::path& path);

}  // namespace frontdesk::kiosk::testing

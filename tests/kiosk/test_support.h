#pragma once
// Shared fixtures for the kiosk engine tests: a provisioned terminal database in a fresh temp
// directory, a fake clock, the fake payment terminal, and an engine over them.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "kiosk/engine.h"
#include "kiosk/payment.h"

namespace frontdesk::kiosk::testing {

// A directory removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// The standard test seed: EUR, VAT inclusive per line, two rates (VAT19, VAT7), items
// A (1.99, VAT19, barcode 4000000000017), B (0.50, VAT7, barcode 4000000000024),
// W (by weight, 24.80/kg, VAT7), X (age restricted, 9.99, VAT19, barcode 4000000000031);
// staff c1/1111 cashier, c2/2222 cashier, s1/3333 supervisor, m1/4444 manager.
// max_failed_logins 3, lockout 60 s. Overrides are merged into "terminal".
// Barcodes of the standard seed's items.
constexpr const char* kApple = "4000000000017";   // A 1.99 VAT19
constexpr const char* kBread = "4000000000024";   // B 0.50 VAT7
constexpr const char* kSherry = "4000000000031";  // X 9.99 VAT19

nlohmann::json standardSeed(const nlohmann::json& terminalOverrides = nlohmann::json::object());

// A provisioned terminal with an engine. PIN hashes use the minimum Argon2id cost for speed.
struct Terminal {
    explicit Terminal(const nlohmann::json& seed = standardSeed());
    // Reopens the database and engine, as after a restart.
    void reopen();
    // Logs in c1 and opens a shift with a 100.00 float (in the terminal currency).
    void startShift(const std::string& staff = "c1", const std::string& pin = "1111");

    TempDir dir;
    core::FakeClock clock;
    FakePaymentAdapter payments;
    std::unique_ptr<core::Database> db;
    std::unique_ptr<Engine> engine;
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

#include "test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk::testing {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() /
             ("frontdesk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
              std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

nlohmann::json standardSeed(const nlohmann::json& terminalOverrides) {
    nlohmann::json seed = {
        {"terminal",
         {{"store", "s1"},
          {"terminal", "t1"},
          {"currency", "EUR"},
          {"tax_mode", "inclusive"},
          {"tax_rounding", "per_line"},
          {"rounding_mode", "half_up"},
          {"max_failed_logins", 3},
          {"lockout_seconds", 60}}},
        {"price_version", 7},
        {"tax_codes",
         {{{"code", "VAT19"}, {"rate", "19"}, {"name", "standard"}}, {{"code", "VAT7"}, {"rate", "7"}, {"name", "reduced"}}}},
        {"items",
         {{{"sku", "A"}, {"name", "Apple juice"}, {"price", "1.99"}, {"tax_code", "VAT19"}, {"barcodes", {"4000000000017"}}},
          {{"sku", "B"}, {"name", "Bread roll"}, {"price", "0.50"}, {"tax_code", "VAT7"}, {"barcodes", {"4000000000024"}}},
          {{"sku", "W"}, {"name", "Walnuts loose"}, {"price", "24.80"}, {"tax_code", "VAT7"}, {"sold_by_weight", true}},
          {{"sku", "X"},
           {"name", "Xeres sherry"},
           {"price", "9.99"},
           {"tax_code", "VAT19"},
           {"age_restricted", true},
           {"barcodes", {"4000000000031"}}}}},
        {"staff",
         {{{"id", "c1"}, {"name", "Cass"}, {"role", "cashier"}, {"pin", "1111"}},
          {{"id", "c2"}, {"name", "Cory"}, {"role", "cashier"}, {"pin", "2222"}},
          {{"id", "s1"}, {"name", "Sue"}, {"role", "supervisor"}, {"pin", "3333"}},
          {{"id", "m1"}, {"name", "Max"}, {"role", "manager"}, {"pin", "4444"}}}},
    };
    for (auto it = terminalOverrides.begin(); it != terminalOverrides.end(); ++it) seed["terminal"][it.key()] = it.value();
    return seed;
}

Terminal::Terminal(const nlohmann::json& seed) : clock(core::TimePoint{std::chrono::milliseconds{1'795'000'000'000}}) {
    auto opened = openTerminalDb(dir.file("terminal.db"));
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    db = std::move(opened).value();
    auto report = importSeed(*db, clock, seed, core::HashStrength::Minimum);
    if (!report.ok()) throw std::runtime_error(report.status().toString());
    auto e = Engine::open(*db, clock, payments);
    if (!e.ok()) throw std::runtime_error(e.status().toString());
    engine = std::move(e).value();
}

void Terminal::reopen() {
    engine.reset();
    db.reset();
    auto opened = openTerminalDb(dir.file("terminal.db"));
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    db = std::move(opened).value();
    auto e = Engine::open(*db, clock, payments);
    if (!e.ok()) throw std::runtime_error(e.status().toString());
    engine = std::move(e).value();
}

void Terminal::startShift(const std::string& staff, const std::string& pin) {
    ASSERT_TRUE(engine->login(staff, pin).ok());
    auto shift = engine->openShift(core::Money(10000, engine->settings().currency));
    ASSERT_TRUE(shift.ok()) << shift.status().toString();
}

core::Money eur(std::int64_t minor) { return core::Money(minor, *core::currencyByCode("EUR")); }

core::Money money(std::int64_t minor, const char* currency) {
    return core::Money(minor, *core::currencyByCode(currency));
}

core::Decimal dec(const char* text) { return *core::Decimal::parse(text); }

std::int64_t queryInt(core::Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    if (!stmt.ok()) throw std::runtime_error(stmt.status().toString());
    auto row = stmt->step();
    if (!row.ok() || !*row) throw std::runtime_error("no row for " + sql);
    return stmt->int64(0);
}

std::string queryText(core::Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    if (!stmt.ok()) throw std::runtime_error(stmt.status().toString());
    auto row = stmt->step();
    if (!row.ok() || !*row) throw std::runtime_error("no row for " + sql);
    return stmt->optionalText(0).value_or("");
}

std::vector<std::string> queryColumn(core::Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    if (!stmt.ok()) throw std::runtime_error(stmt.status().toString());
    std::vector<std::string> values;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok()) throw std::runtime_error(row.status().toString());
        if (!*row) break;
        values.push_back(stmt->optionalText(0).value_or(""));
    }
    return values;
}

nlohmann::json envelope(core::Database& db, std::int64_t seq) {
    return nlohmann::json::parse(queryText(db, "SELECT envelope FROM outbox WHERE seq = " + std::to_string(seq)));
}

nlohmann::json lastEnvelope(core::Database& db) {
    return nlohmann::json::parse(queryText(db, "SELECT envelope FROM outbox ORDER BY seq DESC LIMIT 1"));
}

std::string readFileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace frontdesk::kiosk::testing

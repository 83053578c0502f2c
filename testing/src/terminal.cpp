#include "testing/terminal.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/password.h"
#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk::testing {

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
         {{{"code", "VAT19"}, {"rate", "19"}, {"name", "standard"}},
          {{"code", "VAT7"}, {"rate", "7"}, {"name", "reduced"}}}},
        {"items",
         {{{"sku", "A"},
           {"name", "Apple juice"},
           {"price", "1.99"},
           {"tax_code", "VAT19"},
           {"barcodes", {"4000000000017"}}},
          {{"sku", "B"},
           {"name", "Bread roll"},
           {"price", "0.50"},
           {"tax_code", "VAT7"},
           {"barcodes", {"4000000000024"}}},
          {{"sku", "W"}, {"name", "Walnuts loose"}, {"price", "24.80"}, {"tax_code", "VAT7"}, {"sold_by_weight", true}},
          {{"sku", "X"},
           {"name", "Xeres sherry"},
           {"price", "9.99"},
           {"tax_code", "VAT19"},
           {"age_restricted", true},
           {"barcodes", {"4000000000031"}}}}},
        {"staff",
         {{{"id", "c1"}, {"name", "Cass"}, {"role", "cashier"}, {"pin", "1111"}, {"badge", kBadgeCass}},
          {{"id", "c2"}, {"name", "Cory"}, {"role", "cashier"}, {"pin", "2222"}},
          {{"id", "s1"}, {"name", "Sue"}, {"role", "supervisor"}, {"pin", "3333"}, {"badge", kBadgeSue}},
          {{"id", "m1"}, {"name", "Max"}, {"role", "manager"}, {"pin", "4444"}}}},
    };
    for (auto it = terminalOverrides.begin(); it != terminalOverrides.end(); ++it)
        seed["terminal"][it.key()] = it.value();
    return seed;
}

std::string catalogDataset(std::int64_t version, int items, const std::string& applePrice,
                           const std::string& currency) {
    using nlohmann::json;
    std::string body = json{{"kind", "catalog"}, {"version", version}, {"currency", currency}}.dump() + "\n";
    body += json{{"kind", "tax_code"}, {"code", "VAT19"}, {"rate", "19"}, {"name", "standard"}}.dump() + "\n";
    body += json{{"kind", "tax_code"}, {"code", "VAT7"}, {"rate", "7"}, {"name", "reduced"}}.dump() + "\n";
    body += json{{"kind", "item"},      {"sku", "A"},          {"name", "Apple juice"},
                 {"price", applePrice}, {"tax_code", "VAT19"}, {"barcodes", {kApple}}}
                .dump() +
            "\n";
    body += json{{"kind", "item"},  {"sku", "B"},         {"name", "Bread roll"},
                 {"price", "0.50"}, {"tax_code", "VAT7"}, {"barcodes", {kBread}}}
                .dump() +
            "\n";
    char sku[16];
    char barcode[24];
    for (int n = 1; n <= items; ++n) {
        std::snprintf(sku, sizeof sku, "I%06d", n);
        std::snprintf(barcode, sizeof barcode, "29%011d", n);
        const std::int64_t cents = 100 + n;
        const std::string price =
            std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
        body += json{{"kind", "item"},
                     {"sku", sku},
                     {"name", std::string("Item ") + (sku + 1)},
                     {"price", price},
                     {"tax_code", n % 2 ? "VAT19" : "VAT7"},
                     {"barcodes", {barcode}}}
                    .dump() +
                "\n";
    }
    return body;
}

nlohmann::json deskSeed() {
    using nlohmann::json;
    json seed = standardSeed();
    seed["members"] = json::array({{{"id", "M-100"},
                                    {"name", "Robin Example"},
                                    {"card_sha256", core::badgeDigest("CARD-100")},
                                    {"valid_until", "2027-06-30"},
                                    {"status", "active"}},
                                   {{"id", "M-300"},
                                    {"name", "Eve Expired"},
                                    {"card_sha256", core::badgeDigest("CARD-300")},
                                    {"valid_until", "2026-11-17"},
                                    {"status", "active"}}});
    const auto booking = [](const char* id, const char* name, const char* resource, const char* start,
                            const char* end) {
        return json{{"id", id},           {"name", name},   {"resource", resource},
                    {"starts_at", start}, {"ends_at", end}, {"status", "booked"}};
    };
    seed["bookings"] =
        json::array({booking(kDeskCourt, "Robin Example", "court 2", "2026-11-18T12:00:00Z", "2026-11-18T13:00:00Z"),
                     booking(kDeskTomorrow, "Ann Other", "court 1", "2026-11-19T12:00:00Z", "2026-11-19T13:00:00Z")});
    seed["blocklist"] = json::array({{{"id", 7}, {"name", "Sam Spammer"}, {"company", ""}}});
    return seed;
}

std::unique_ptr<core::Database> provisionTerminal(const std::string& path, const core::Clock& clock,
                                                  const nlohmann::json& seed) {
    auto opened = openTerminalDb(path);
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    auto report = importSeed(**opened, clock, seed, core::HashStrength::Minimum);
    if (!report.ok()) throw std::runtime_error(report.status().toString());
    return std::move(opened).value();
}

std::unique_ptr<Till> openTill(core::Database& db, const core::Clock& clock, PaymentAdapter& payments) {
    auto till = Till::open(db, clock, payments);
    if (!till.ok()) throw std::runtime_error(till.status().toString());
    return std::move(till).value();
}

Terminal::Terminal(const nlohmann::json& seed) : clock(core::TimePoint{std::chrono::milliseconds{1'795'000'000'000}}) {
    db = provisionTerminal(dir.file("terminal.db"), clock, seed);
    till = openTill(*db, clock, payments);
}

void Terminal::reopen() {
    till.reset();
    db.reset();
    auto opened = openTerminalDb(dir.file("terminal.db"));
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    db = std::move(opened).value();
    till = openTill(*db, clock, payments);
}

void Terminal::startShift(const std::string& staff, const std::string& pin) {
    auto member = session().login(staff, pin);
    if (!member.ok()) throw std::runtime_error("login of " + staff + ": " + member.status().toString());
    auto shift = shifts().open(core::Money(10000, till->settings().currency));
    if (!shift.ok()) throw std::runtime_error("opening a shift: " + shift.status().toString());
}

core::Money eur(std::int64_t minor) {
    return core::Money(minor, *core::currencyByCode("EUR"));
}

core::Money money(std::int64_t minor, const char* currency) {
    return core::Money(minor, *core::currencyByCode(currency));
}

core::Decimal dec(const char* text) {
    return *core::Decimal::parse(text);
}

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

#include "record_tables.h"

#include <map>
#include <set>
#include <vector>

#include "catalog_records.h"
#include "core/bounded_input.h"
#include "core/ids.h"
#include "kiosk/customer_ids.h"
#include "kiosk/reception_directory.h"
#include "kiosk/staff.h"
#include "sql_values.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxTextBytes = 200;

Result<std::string> boundedText(const json& j, const char* key, std::size_t minBytes, std::size_t maxBytes) {
    FD_ASSIGN(auto text, textField(j, key, minBytes > 0));
    if (text.size() < minBytes || text.size() > maxBytes) {
        return core::invalidArgument(std::string("'") + key + "' must be " + std::to_string(minBytes) + " to " +
                                     std::to_string(maxBytes) + " bytes");
    }
    return text;
}

// A time as the back office writes it, kept as core::formatIso8601 writes it.
Result<std::string> timeField(const json& j, const char* key, bool required) {
    FD_ASSIGN(auto text, textField(j, key, required));
    if (text.empty()) return text;
    auto at = core::parseIso8601(text);
    if (!at.ok()) return at.status().withContext(key);
    return core::formatIso8601(*at);
}

Result<std::string> dayField(const json& j, const char* key) {
    FD_ASSIGN(auto text, textField(j, key, true));
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
    if (!shaped || !core::parseIso8601(text + "T00:00:00Z").ok()) {
        return core::invalidArgument(std::string("'") + key + "' must be a day as YYYY-MM-DD, not '" +
                                     core::excerpt(text) + "'");
    }
    return text;
}

// A card or badge digest (core::badgeDigest): 64 lower-case hex digits; "" when absent.
Result<std::string> digestField(const json& j, const char* key) {
    FD_ASSIGN(auto text, textField(j, key, false));
    if (!text.empty() && !isBadgeDigest(text)) {
        return core::invalidArgument(std::string("'") + key + "' must be 64 lower-case hex digits");
    }
    return text;
}

Result<std::string> oneOf(const json& j, const char* key, std::initializer_list<std::string_view> allowed) {
    FD_ASSIGN(auto text, textField(j, key, true));
    std::string listed;
    for (auto value : allowed) {
        if (value == text) return text;
        listed += (listed.empty() ? "" : ", ") + std::string(value);
    }
    return core::invalidArgument(std::string("'") + key + "' must be one of " + listed + ", not '" +
                                 core::excerpt(text) + "'");
}

// The table's contents become `rows`, each bound to the INSERT by `bind`.
template <typename Rows, typename Bind>
Status replaceRows(core::Database& db, const char* table, const std::string& insertSql, const Rows& rows, Bind bind) {
    FD_TRY(db.exec(std::string("DELETE FROM ") + table));
    FD_ASSIGN(auto* insert, db.cached(insertSql));
    for (const auto& row : rows) FD_TRY(bind(*insert, row).run());
    return {};
}

Status appearsTwice(const std::string& what, const std::string& key) {
    return core::invalidArgument(what + " '" + core::excerpt(key) + "' appears twice: the first was taken");
}

// ---- members ----

class MembersTable final : public RecordTable {
public:
    explicit MembersTable(core::Database& db) : m_db(db) {}
    const char* recordKind() const override { return "member"; }
    std::int64_t taken() const override { return static_cast<std::int64_t>(m_rows.size()); }

    Status take(const json& j) override {
        Row row;
        FD_ASSIGN(row.member.id, textField(j, "id", true));
        FD_TRY(checkMembershipId(row.member.id, "'id'"));
        FD_ASSIGN(row.member.name, boundedText(j, "name", 1, kMaxTextBytes));
        FD_ASSIGN(row.card, digestField(j, "card_sha256"));
        FD_ASSIGN(row.member.validUntil, dayField(j, "valid_until"));
        FD_ASSIGN(row.member.status, oneOf(j, "status", {"active", "suspended"}));
        FD_ASSIGN(row.member.visits90Days, integerField(j, "visits_90_days", 0));
        if (row.member.visits90Days < 0) return core::invalidArgument("'visits_90_days' must be 0 or more");
        FD_ASSIGN(row.member.lastVisit, timeField(j, "last_visit", false));
        if (m_ids.count(row.member.id)) return appearsTwice("member", row.member.id);
        if (!row.card.empty()) {
            auto [holder, fresh] = m_cards.emplace(row.card, row.member.id);
            if (!fresh) return core::invalidArgument("its card is member " + holder->second + "'s already");
        }
        m_ids.insert(row.member.id);
        m_rows.push_back(std::move(row));
        return {};
    }

    Status replace() override {
        return replaceRows(
            m_db, "members",
            "INSERT INTO members (id, name, card_sha256, valid_until, status, visits_90_days, last_visit)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            m_rows, [](core::Statement& insert, const Row& r) -> core::Statement& {
                const Member& m = r.member;
                return insert.bindAll(m.id, m.name, nullIfEmpty(r.card), m.validUntil, m.status, m.visits90Days,
                                      nullIfEmpty(m.lastVisit));
            });
    }

private:
    struct Row {
        Member member;
        std::string card;
    };
    core::Database& m_db;
    std::vector<Row> m_rows;
    std::set<std::string> m_ids;
    std::map<std::string, std::string> m_cards;  // digest -> member
};

// ---- bookings ----

class BookingsTable final : public RecordTable {
public:
    explicit BookingsTable(core::Database& db) : m_db(db) {}
    const char* recordKind() const override { return "booking"; }
    std::int64_t taken() const override { return static_cast<std::int64_t>(m_rows.size()); }

    Status take(const json& j) override {
        Booking b;
        FD_ASSIGN(b.id, textField(j, "id", true));
        if (!core::isUuidV7(b.id)) return core::invalidArgument("'id' must be a UUIDv7");
        FD_ASSIGN(b.name, boundedText(j, "name", 1, kMaxTextBytes));
        FD_ASSIGN(b.resource, boundedText(j, "resource", 1, kMaxTextBytes));
        FD_ASSIGN(b.startsAt, timeField(j, "starts_at", true));
        FD_ASSIGN(b.endsAt, timeField(j, "ends_at", true));
        if (b.endsAt <= b.startsAt) return core::invalidArgument("'ends_at' must be after 'starts_at'");
        FD_ASSIGN(b.status, oneOf(j, "status", {"booked", "checked_in", "completed"}));
        FD_ASSIGN(b.customer, textField(j, "customer", false));
        if (!b.customer.empty()) FD_TRY(checkCustomerId(b.customer, "'customer'"));
        FD_ASSIGN(b.member, textField(j, "member", false));
        if (!b.member.empty()) FD_TRY(checkMembershipId(b.member, "'member'"));
        if (!m_ids.insert(b.id).second) return appearsTwice("booking", b.id);
        m_rows.push_back(std::move(b));
        return {};
    }

    // What this terminal admitted since stays: a version cut before the back office had the
    // check-in would otherwise let the same booking in twice.
    Status replace() override {
        FD_TRY(replaceRows(m_db, "bookings",
                           "INSERT INTO bookings (id, name, resource, starts_at, ends_at, status, customer, member)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           m_rows, [](core::Statement& insert, const Booking& b) -> core::Statement& {
                               return insert.bindAll(b.id, b.name, b.resource, b.startsAt, b.endsAt, b.status,
                                                     nullIfEmpty(b.customer), nullIfEmpty(b.member));
                           }));
        return m_db.exec(
            "UPDATE bookings SET status = 'checked_in' WHERE status = 'booked' AND id IN"
            " (SELECT booking FROM checkins WHERE direction = 'in' AND outcome = 'admitted');"
            "UPDATE bookings SET status = 'completed' WHERE status <> 'completed' AND id IN"
            " (SELECT booking FROM checkins WHERE direction = 'out' AND outcome = 'admitted');");
    }

private:
    core::Database& m_db;
    std::vector<Booking> m_rows;
    std::set<std::string> m_ids;
};

// ---- the visitor block list ----

class BlocklistTable final : public RecordTable {
public:
    explicit BlocklistTable(core::Database& db) : m_db(db) {}
    const char* recordKind() const override { return "blocked"; }
    std::int64_t taken() const override { return static_cast<std::int64_t>(m_rows.size()); }
    std::string keyOf(const json& j) const override {
        if (j.is_object() && j.contains("id") && j["id"].is_number_integer()) return j["id"].dump();
        return RecordTable::keyOf(j);
    }

    Status take(const json& j) override {
        Row row;
        if (!j.contains("id")) return core::invalidArgument("'id' is missing");
        FD_ASSIGN(row.id, integerField(j, "id", 0));
        if (row.id < 1) return core::invalidArgument("'id' must be an integer of 1 or more");
        FD_ASSIGN(row.name, boundedText(j, "name", 1, kMaxTextBytes));
        if (nameKey(row.name).empty()) return core::invalidArgument("'name' is blank");
        FD_ASSIGN(row.company, boundedText(j, "company", 0, kMaxTextBytes));
        if (!m_ids.insert(row.id).second) return appearsTwice("blocked visitor", std::to_string(row.id));
        m_rows.push_back(std::move(row));
        return {};
    }

    Status replace() override {
        return replaceRows(m_db, "blocklist", "INSERT INTO blocklist (id, name, company, name_key) VALUES (?, ?, ?, ?)",
                           m_rows, [](core::Statement& insert, const Row& r) -> core::Statement& {
                               return insert.bindAll(r.id, r.name, r.company, nameKey(r.name));
                           });
    }

private:
    struct Row {
        std::int64_t id = 0;
        std::string name, company;
    };
    core::Database& m_db;
    std::vector<Row> m_rows;
    std::set<std::int64_t> m_ids;
};

// ---- staff ----

class StaffTable final : public RecordTable {
public:
    StaffTable(core::Database& db, const core::Clock& clock, const TerminalSettings& settings)
        : m_db(db), m_directory(db, clock, settings) {}
    const char* recordKind() const override { return "member"; }
    Quarantine::Kind quarantineKind() const override { return Quarantine::Kind::StaffEntry; }
    std::int64_t taken() const override { return static_cast<std::int64_t>(m_rows.size()); }

    Status take(const json& j) override {
        Row row;
        FD_ASSIGN(row.member.id, textField(j, "id", true));
        FD_ASSIGN(row.member.name, boundedText(j, "name", 1, kMaxTextBytes));
        FD_ASSIGN(auto role, textField(j, "role", true));
        FD_ASSIGN(row.member.role, parseRole(role));
        FD_ASSIGN(row.pinHash, textField(j, "pin_hash", true));
        FD_ASSIGN(row.badge, digestField(j, "badge_sha256"));
        if (row.member.id.empty() || row.member.id.size() > 32)
            return core::invalidArgument("'id' must be 1 to 32 characters");
        if (Status hash = core::checkEncodedHash(row.pinHash); !hash.ok()) return hash.withContext("'pin_hash'");
        if (!m_ids.count(row.member.id) && !row.badge.empty()) {
            auto [holder, fresh] = m_badges.emplace(row.badge, row.member.id);
            if (!fresh) return core::invalidArgument("its badge is staff " + holder->second + "'s already");
        }
        if (!m_ids.insert(row.member.id).second) return appearsTwice("staff id", row.member.id);
        m_rows.push_back(std::move(row));
        return {};
    }

    // Those who stay keep their lockout counters (unless their PIN changed); those not in the
    // version are removed. A version naming nobody the terminal can take is refused: applied, it
    // would leave nobody able to log in.
    Status replace() override {
        if (m_rows.empty()) return core::invalidArgument("it names no staff member this terminal can take");
        std::vector<std::string> gone;
        FD_ASSIGN(auto* all, m_db.cached("SELECT id FROM staff"));
        FD_TRY(all->forEachRow([&](const core::Statement& row) {
            if (!m_ids.count(row.text(0))) gone.push_back(row.text(0));
        }));
        FD_ASSIGN(auto* remove, m_db.cached("DELETE FROM staff WHERE id = ?"));
        for (const auto& id : gone) FD_TRY(remove->bind(1, id).run());
        // Badges may have changed hands within the version: none is held while they are given out.
        FD_TRY(m_db.exec("UPDATE staff SET badge_sha256 = NULL"));
        for (const auto& r : m_rows) FD_TRY(m_directory.upsertHashed(r.member, r.pinHash, r.badge));
        return {};
    }

private:
    struct Row {
        StaffMember member;
        std::string pinHash, badge;
    };
    core::Database& m_db;
    StaffDirectory m_directory;
    std::vector<Row> m_rows;
    std::set<std::string> m_ids;
    std::map<std::string, std::string> m_badges;  // digest -> staff id
};

}  // namespace

std::string RecordTable::keyOf(const json& record) const {
    return kiosk::keyOf(record, "id");
}

std::unique_ptr<RecordTable> recordTable(std::string_view dataset, core::Database& db, const core::Clock& clock,
                                         const TerminalSettings& settings) {
    if (dataset == "members") return std::make_unique<MembersTable>(db);
    if (dataset == "bookings") return std::make_unique<BookingsTable>(db);
    if (dataset == "blocklist") return std::make_unique<BlocklistTable>(db);
    if (dataset == "staff") return std::make_unique<StaffTable>(db, clock, settings);
    return nullptr;
}

}  // namespace frontdesk::kiosk

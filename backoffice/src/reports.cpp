#include "backoffice/reports.h"

#include "backoffice/journal.h"
#include "core/clock.h"
#include "read_transaction.h"
#include "sync/ingest_ledger.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

std::string quantityText(std::int64_t milli) {
    const bool negative = milli < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(milli) : static_cast<std::uint64_t>(milli);
    std::string out = std::to_string(magnitude / 1000);
    std::string fraction = std::to_string(1000 + magnitude % 1000).substr(1);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (!fraction.empty()) out += "." + fraction;
    return (negative ? "-" : "") + out;
}

Result<json> trialBalanceReport(core::Database& db) {
    ReadTransaction read(db);
    json currencies = json::array();
    std::vector<std::string> codes;
    FD_ASSIGN(auto* list, db.cached("SELECT DISTINCT currency FROM journal_entries ORDER BY currency"));
    FD_TRY(list->forEachRow([&](const core::Statement& row) { codes.push_back(row.text(0)); }));
    Journal journal(db);
    for (const auto& code : codes) {
        FD_ASSIGN(auto tb, journal.trialBalance(code));
        json accounts = json::array();
        for (const auto& r : tb.rows) {
            accounts.push_back({{"account", r.account}, {"name", r.name}, {"kind", r.kind}, {"debit", r.debit},
                                {"credit", r.credit}, {"balance", r.debit - r.credit}});
        }
        currencies.push_back({{"currency", code}, {"balanced", tb.balanced()}, {"debit", tb.debit},
                              {"credit", tb.credit}, {"accounts", std::move(accounts)}});
    }
    return json{{"currencies", std::move(currencies)}};
}

Result<json> terminalsReport(core::Database& db) {
    ReadTransaction read(db);
    struct Row {
        std::string store, terminal;
        std::int64_t deadLetters;
    };
    std::vector<Row> rows;
    FD_ASSIGN(auto* list, db.cached("SELECT t.store, t.terminal,"
                                    " (SELECT count(*) FROM ingest_events e WHERE e.store = t.store AND e.terminal = t.terminal"
                                    "   AND e.outcome = 'dead_letter') +"
                                    " (SELECT count(*) FROM ingest_unplaced u WHERE u.store = t.store AND u.terminal = t.terminal)"
                                    " FROM ingest_terminals t ORDER BY t.store, t.terminal"));
    FD_TRY(list->forEachRow([&](const core::Statement& row) { rows.push_back({row.text(0), row.text(1), row.int64(2)}); }));
    core::SystemClock clock;  // the ledger reads only here: its clock is never asked
    sync::IngestLedger ledger(db, clock);
    json terminals = json::array();
    for (const auto& r : rows) {
        FD_ASSIGN(auto progress, ledger.progress({r.store, r.terminal}));
        FD_ASSIGN(auto gaps, ledger.gaps({r.store, r.terminal}));
        json gapList = json::array();
        for (const auto& g : gaps) gapList.push_back({{"from", g.from}, {"to", g.to}});
        terminals.push_back({{"store", r.store},
                             {"terminal", r.terminal},
                             {"upto", progress.upto},
                             {"highest", progress.highest},
                             {"last_seen", orNull(progress.lastSeen)},
                             {"gaps", std::move(gapList)},
                             {"dead_letters", r.deadLetters}});
    }
    return json{{"terminals", std::move(terminals)}};
}

Result<json> deadLettersReport(core::Database& db, int limit) {
    ReadTransaction read(db);
    json letters = json::array();
    FD_ASSIGN(auto* list, db.cached("SELECT store, terminal, id, seq, type, reason, received_at FROM ingest_events"
                                    " WHERE outcome = 'dead_letter'"
                                    " UNION ALL SELECT store, terminal, id, seq, NULL, reason, received_at FROM ingest_unplaced"
                                    " ORDER BY 7 DESC LIMIT ?"));
    FD_TRY(list->bind(1, limit).forEachRow([&](const core::Statement& row) {
        letters.push_back({{"store", row.text(0)},
                           {"terminal", row.text(1)},
                           {"id", orNull(row.optionalText(2))},
                           {"seq", orNull(row.optionalInt64(3))},
                           {"type", orNull(row.optionalText(4))},
                           {"reason", row.text(5)},
                           {"received_at", row.text(6)}});
    }));
    return json{{"dead_letters", std::move(letters)}};
}

Result<json> stockReport(core::Database& db, const std::string& store, const std::string& sku) {
    ReadTransaction read(db);
    FD_ASSIGN(auto* stmt, db.cached("SELECT coalesce(sum(qty_milli), 0), count(*) FROM stock_moves WHERE store = ? AND sku = ?"));
    std::int64_t onHand = 0, moves = 0;
    FD_TRY(stmt->bindAll(store, sku).forEachRow([&](const core::Statement& row) {
        onHand = row.int64(0);
        moves = row.int64(1);
    }));
    FD_ASSIGN(auto* review, db.cached("SELECT count(*) FROM skus_to_review WHERE store = ? AND sku = ?"));
    std::int64_t flagged = 0;
    FD_TRY(review->bindAll(store, sku).forEachRow([&](const core::Statement& row) { flagged = row.int64(0); }));
    return json{{"store", store}, {"sku", sku}, {"on_hand", quantityText(onHand)}, {"moves", moves}, {"to_review", flagged > 0}};
}

Result<json> eventsReport(core::Database& db, const EventsQuery& q) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT store, terminal, seq, id, type, outcome, reason, received_at FROM ingest_events"
                                    " WHERE store = ? AND terminal = ? AND seq > ? ORDER BY seq LIMIT ?"));
    json events = json::array();
    FD_TRY(stmt->bindAll(q.store, q.terminal, q.afterSeq, q.limit).forEachRow([&](const core::Statement& row) {
        events.push_back({{"store", row.text(0)},
                          {"terminal", row.text(1)},
                          {"seq", row.int64(2)},
                          {"id", row.text(3)},
                          {"type", row.text(4)},
                          {"outcome", row.text(5)},
                          {"reason", orNull(row.optionalText(6))},
                          {"received_at", row.text(7)}});
    }));
    return json{{"events", std::move(events)}};
}

Result<json> storesReport(core::Database& db) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT id, currency, tax_mode, tax_rounding, rounding_mode FROM stores ORDER BY id"));
    json stores = json::array();
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        stores.push_back({{"id", row.text(0)},
                          {"currency", row.text(1)},
                          {"tax_mode", row.text(2)},
                          {"tax_rounding", row.text(3)},
                          {"rounding_mode", row.text(4)}});
    }));
    return json{{"stores", std::move(stores)}};
}

Result<json> itemsReport(core::Database& db, const std::string& store, const std::string& afterSku, int limit) {
    ReadTransaction read(db);
    FD_ASSIGN(auto* stmt, db.cached("SELECT i.sku, i.name, i.price_minor, i.tax_code, i.tax_rate, i.barcodes, i.category,"
                                    " i.cost_minor, (SELECT coalesce(sum(m.qty_milli), 0) FROM stock_moves m"
                                    "   WHERE m.store = i.store AND m.sku = i.sku)"
                                    " FROM items i WHERE i.store = ? AND i.sku > ? ORDER BY i.sku LIMIT ?"));
    json items = json::array();
    FD_TRY(stmt->bindAll(store, afterSku, limit).forEachRow([&](const core::Statement& row) {
        items.push_back({{"sku", row.text(0)},
                         {"name", row.text(1)},
                         {"price_minor", row.int64(2)},
                         {"tax_code", row.text(3)},
                         {"tax_rate", row.text(4)},
                         {"barcodes", json::parse(row.text(5), nullptr, false)},
                         {"category", orNull(row.optionalText(6))},
                         {"cost_minor", orNull(row.optionalInt64(7))},
                         {"on_hand", quantityText(row.int64(8))}});
    }));
    return json{{"store", store}, {"items", std::move(items)}};
}

}  // namespace frontdesk::backoffice

#include "backoffice/inventory.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "backoffice/backoffice_db.h"
#include "backoffice/chart.h"
#include "backoffice/journal.h"
#include "backoffice/reports.h"
#include "core/bounded_input.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/rounding.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

std::string_view stockDocumentKindName(StockDocumentKind kind) {
    switch (kind) {
        case StockDocumentKind::Received:
            return "received";
        case StockDocumentKind::Adjustment:
            return "adjustment";
        case StockDocumentKind::Transfer:
            return "transfer";
        case StockDocumentKind::Count:
            return "count";
    }
    return "received";
}

namespace {

constexpr std::size_t kMaxByBytes = 100;
constexpr std::size_t kMaxReferenceBytes = 200;
constexpr std::size_t kMaxReasonBytes = 200;
constexpr std::size_t kMaxNoteBytes = 2000;

Status invalid(const std::string& field, const std::string& what) {
    return core::invalidArgument(field + ": " + what);
}

std::string lineField(std::size_t index, const char* name) {
    return "lines[" + std::to_string(index) + "]." + name;
}

std::string inQuotes(std::string_view text) {
    return "'" + core::excerpt(text) + "'";
}

Status checkText(const std::string& field, const std::string& text, std::size_t maxBytes, bool required) {
    if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) return invalid(field, "required");
    if (text.size() > maxBytes) return invalid(field, "at most " + std::to_string(maxBytes) + " bytes");
    return {};
}

enum class Sign { Positive, NonZero, NotNegative };

// Decimal text as thousandths of a unit, exactly: more than three decimals is refused, not rounded.
Result<std::int64_t> parseQuantity(const std::string& field, const std::string& text, Sign sign) {
    auto parsed = core::Decimal::parse(text);
    if (!parsed.ok()) return invalid(field, parsed.status().message());
    const core::Decimal q = *parsed;
    if (q.scale() > 3) return invalid(field, inQuotes(text) + " has more than 3 decimals");
    if (q > core::Decimal::fromInt(kMaxStockQuantity) || q < core::Decimal::fromInt(-kMaxStockQuantity)) {
        return invalid(field, inQuotes(text) + " is beyond " + std::to_string(kMaxStockQuantity));
    }
    if (sign == Sign::Positive && (q.isZero() || q.isNegative()))
        return invalid(field, inQuotes(text) + " must be above 0");
    if (sign == Sign::NonZero && q.isZero()) return invalid(field, inQuotes(text) + " must not be 0");
    if (sign == Sign::NotNegative && q.isNegative()) return invalid(field, inQuotes(text) + " must be 0 or more");
    return static_cast<std::int64_t>(q.scaledTo(3, core::RoundingMode::HalfUp));  // exact: at most 3 decimals
}

// What qtyMilli of an item at unitCost a unit is worth, rounded half up (away from zero) as the
// cost of goods sold is: signed like the quantity.
Result<std::int64_t> valueOf(const std::string& field, std::int64_t unitCost, std::int64_t qtyMilli,
                             const core::Currency& currency) {
    auto value = core::Money(unitCost, currency).times(core::Decimal(qtyMilli, 3), core::RoundingMode::HalfUp);
    if (!value.ok()) return invalid(field, "the line's value is out of range");
    return value->minor();
}

// The store, configured: NotFound naming the field otherwise.
Result<StoreSettings> storeNamed(core::Database& db, const std::string& field, const std::string& id) {
    FD_TRY(checkText(field, id, 64, true));
    auto store = loadStore(db, id);
    if (!store.ok()) return store.status().withContext(field);
    return store;
}

// The item's unit cost (nullopt: not known) when the store knows the SKU: in its catalog or among
// its SKUs to review. NotFound naming the field otherwise.
Result<std::optional<std::int64_t>> knownItem(core::Database& db, const std::string& field, const std::string& store,
                                              const std::string& sku) {
    FD_TRY(checkText(field, sku, 64, true));
    FD_ASSIGN(auto* stmt, db.cached("SELECT cost_minor, 0 FROM items WHERE store = ?1 AND sku = ?2"
                                    " UNION ALL SELECT NULL, 1 FROM skus_to_review WHERE store = ?1 AND sku = ?2"
                                    " ORDER BY 2 LIMIT 1"));
    std::optional<std::int64_t> cost;
    FD_TRY(stmt->bindAll(store, sku)
               .firstRow([&](const core::Statement& row) { cost = row.optionalInt64(0); },
                         field + ": store " + store + " knows no SKU " + inQuotes(sku) +
                             " (not in its catalog, nor among its SKUs to review)"));
    return cost;
}

Result<std::int64_t> onHand(core::Database& db, const std::string& store, const std::string& sku) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT coalesce(sum(qty_milli), 0) FROM stock_moves WHERE store = ? AND sku = ?"));
    std::int64_t milli = 0;
    FD_TRY(stmt->bindAll(store, sku).forEachRow([&](const core::Statement& row) { milli = row.int64(0); }));
    return milli;
}

// An id is used once: by one document, and by no terminal event (whose stock moves carry its id).
Status unusedId(core::Database& db, const std::string& id) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT (SELECT count(*) FROM stock_documents WHERE id = ?1)"
                                    " + (SELECT count(*) FROM ingest_events WHERE id = ?1)"
                                    " + (SELECT count(*) FROM stock_moves WHERE event_id = ?1)"));
    std::int64_t uses = 0;
    FD_TRY(stmt->bind(1, id).forEachRow([&](const core::Statement& row) { uses = row.int64(0); }));
    if (uses > 0) return Status(core::ErrorKind::AlreadyExists, "id: " + id + " is recorded already");
    return {};
}

// value into inventory (positive) or out of it (negative), against `other`.
std::vector<Posting> inventoryAgainst(std::int64_t value, std::string_view other) {
    const std::string inventory(accounts::kInventory);
    if (value > 0) return {{inventory, value, 0}, {std::string(other), 0, value}};
    return {{std::string(other), -value, 0}, {inventory, 0, -value}};
}


}  // namespace

struct Inventory::Checked {
    struct Line {
        std::string sku;
        std::int64_t qty = 0;                      // as the document states it
        std::optional<std::int64_t> onHandBefore;  // a count's
        std::optional<std::int64_t> unitCost, value;
    };
    StockDocumentKind kind = StockDocumentKind::Received;
    std::string id, store, toStore, reference, reason, by, at, note, currency;
    std::vector<Line> lines;
};

Result<Inventory::Checked> Inventory::check(StockDocumentKind kind, const StockDocumentInput& in,
                                            const std::string& reason, const std::string& toStore) {
    Checked doc;
    doc.kind = kind;
    if (!in.id.empty() && !core::isUuidV7(in.id)) return invalid("id", inQuotes(in.id) + " is not a UUIDv7");
    doc.id = in.id.empty() ? m_ids.next() : in.id;
    FD_TRY(unusedId(m_db, doc.id));
    FD_ASSIGN(auto store, storeNamed(m_db, "store", in.store));
    FD_TRY(checkText("by", in.by, kMaxByBytes, true));
    FD_TRY(checkText("reference", in.reference, kMaxReferenceBytes, kind == StockDocumentKind::Received));
    FD_TRY(checkText("reason", reason, kMaxReasonBytes, kind == StockDocumentKind::Adjustment));
    FD_TRY(checkText("note", in.note, kMaxNoteBytes, false));
    if (kind == StockDocumentKind::Transfer) {
        FD_ASSIGN(auto to, storeNamed(m_db, "to_store", toStore));
        if (to.id == store.id) return invalid("to_store", "the goods are in store " + store.id + " already");
        if (to.currency != store.currency) {
            return invalid("to_store", "store " + to.id + " keeps its books in " + to.currency + ", store " + store.id +
                                           " in " + store.currency + ": goods cannot change currency in a transfer");
        }
    }
    if (in.lines.empty()) return invalid("lines", "at least one line");
    if (in.lines.size() > kMaxStockLines) return invalid("lines", "at most " + std::to_string(kMaxStockLines));
    FD_ASSIGN(auto currency, core::currencyByCode(store.currency));
    const Sign sign = kind == StockDocumentKind::Adjustment ? Sign::NonZero
                      : kind == StockDocumentKind::Count    ? Sign::NotNegative
                                                            : Sign::Positive;
    std::map<std::string, std::size_t> counted;
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
        const StockLine& l = in.lines[i];
        Checked::Line line{l.sku, 0, std::nullopt, std::nullopt, std::nullopt};
        FD_ASSIGN(auto itemCost, knownItem(m_db, lineField(i, "sku"), store.id, l.sku));
        if (kind == StockDocumentKind::Transfer) FD_TRY(knownItem(m_db, lineField(i, "sku"), toStore, l.sku).status());
        if (kind == StockDocumentKind::Count) {
            auto [earlier, fresh] = counted.emplace(l.sku, i);
            if (!fresh)
                return invalid(lineField(i, "sku"),
                               l.sku + " is counted on lines[" + std::to_string(earlier->second) + "] already");
        }
        FD_ASSIGN(line.qty, parseQuantity(lineField(i, "qty"), l.qty, sign));
        if (!l.unitCost.empty() && kind != StockDocumentKind::Received) {
            return invalid(lineField(i, "unit_cost"),
                           "only a delivery has unit costs (others are valued at the item's cost)");
        }
        std::int64_t moved = line.qty;  // what is valued: into stock positive
        if (kind == StockDocumentKind::Received && !l.unitCost.empty()) {
            auto cost = core::Money::parse(l.unitCost, currency);
            if (!cost.ok()) return invalid(lineField(i, "unit_cost"), cost.status().message());
            if (cost->isNegative())
                return invalid(lineField(i, "unit_cost"), inQuotes(l.unitCost) + " must be 0 or more");
            line.unitCost = cost->minor();
        } else if (kind == StockDocumentKind::Adjustment || kind == StockDocumentKind::Count) {
            line.unitCost = itemCost;
        }
        if (kind == StockDocumentKind::Count) {
            FD_ASSIGN(line.onHandBefore, onHand(m_db, store.id, l.sku));
            moved = line.qty - *line.onHandBefore;
        }
        if (line.unitCost) {
            FD_ASSIGN(line.value, valueOf(lineField(i, "qty"), *line.unitCost, moved, currency));
        }
        doc.lines.push_back(std::move(line));
    }
    doc.store = store.id;
    doc.toStore = kind == StockDocumentKind::Transfer ? toStore : "";
    doc.reference = in.reference;
    doc.reason = reason;
    doc.by = in.by;
    doc.at = core::formatIso8601(m_clock.now());
    doc.note = in.note;
    doc.currency = store.currency;
    return doc;
}

Status Inventory::write(const Checked& doc, bool updateCost) {
    // The ledger first: the document names its entry.
    std::int64_t value = 0;
    for (const auto& l : doc.lines) {
        if (l.value && __builtin_add_overflow(value, *l.value, &value))
            return invalid("lines", "their value is out of range");
    }
    std::optional<std::int64_t> entry;
    if (value != 0 && doc.kind != StockDocumentKind::Transfer) {
        const std::string kind(stockDocumentKindName(doc.kind));
        std::string memo =
            kind + (doc.reference.empty() ? "" : " " + doc.reference) + (doc.reason.empty() ? "" : ": " + doc.reason);
        JournalEntry e{doc.store,
                       doc.at,
                       doc.currency,
                       "stock." + kind,
                       doc.id,
                       std::move(memo),
                       inventoryAgainst(value, doc.kind == StockDocumentKind::Received ? accounts::kGoodsReceived
                                                                                       : accounts::kShrinkage)};
        FD_ASSIGN(entry, Journal(m_db).post(e));
    }
    FD_ASSIGN(auto* head,
              m_db.cached("INSERT INTO stock_documents (id, store, kind, to_store, reference, reason, by_user, at,"
                          " note, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const std::optional<std::string> toStore = doc.toStore.empty() ? std::nullopt : std::optional(doc.toStore);
    FD_TRY(head->bindAll(doc.id, doc.store, std::string(stockDocumentKindName(doc.kind)), toStore, doc.reference,
                         doc.reason, doc.by, doc.at, doc.note, entry)
               .run());
    FD_ASSIGN(auto* line,
              m_db.cached("INSERT INTO stock_document_lines (document, position, sku, qty_milli, on_hand_milli,"
                          " unit_cost_minor, value_minor) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    FD_ASSIGN(auto* move, m_db.cached("INSERT INTO stock_moves (store, sku, qty_milli, kind, reason, event_id, at)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const auto moveStock = [&](const std::string& store, const std::string& sku, std::int64_t qty, const char* kind) {
        return move->bindAll(store, sku, qty, std::string(kind), doc.reason, doc.id, doc.at).run();
    };
    FD_ASSIGN(auto* cost, m_db.cached("UPDATE items SET cost_minor = ? WHERE store = ? AND sku = ?"));
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        const auto& l = doc.lines[i];
        FD_TRY(line->bindAll(doc.id, static_cast<std::int64_t>(i), l.sku, l.qty, l.onHandBefore, l.unitCost, l.value)
                   .run());
        switch (doc.kind) {
            case StockDocumentKind::Received:
                FD_TRY(moveStock(doc.store, l.sku, l.qty, "received"));
                if (updateCost && l.unitCost) FD_TRY(cost->bindAll(*l.unitCost, doc.store, l.sku).run());
                break;
            case StockDocumentKind::Adjustment:
                FD_TRY(moveStock(doc.store, l.sku, l.qty, "adjustment"));
                break;
            case StockDocumentKind::Transfer:
                FD_TRY(moveStock(doc.store, l.sku, -l.qty, "transfer_out"));
                FD_TRY(moveStock(doc.toStore, l.sku, l.qty, "transfer_in"));
                break;
            case StockDocumentKind::Count:
                if (l.qty != *l.onHandBefore) FD_TRY(moveStock(doc.store, l.sku, l.qty - *l.onHandBefore, "count"));
                break;
        }
    }
    return {};
}

Result<json> Inventory::record(StockDocumentKind kind, const StockDocumentInput& input, const std::string& reason,
                               const std::string& toStore, bool updateCost) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto doc, check(kind, input, reason, toStore));
    FD_TRY(write(doc, updateCost));
    FD_ASSIGN(auto recorded, stockDocumentReport(m_db, doc.id));
    FD_TRY(tx->commit());
    return recorded;
}

Result<json> Inventory::receive(const Delivery& d) {
    return record(StockDocumentKind::Received, d, "", "", d.updateCost);
}
Result<json> Inventory::adjust(const Adjustment& a) {
    return record(StockDocumentKind::Adjustment, a, a.reason, "", false);
}
Result<json> Inventory::transfer(const Transfer& t) {
    return record(StockDocumentKind::Transfer, t, "", t.toStore, false);
}
Result<json> Inventory::count(const StockCount& c) {
    return record(StockDocumentKind::Count, c, "", "", false);
}

Status Inventory::setReorderPoint(const ReorderPointInput& in) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(storeNamed(m_db, "store", in.store).status());
    FD_TRY(knownItem(m_db, "sku", in.store, in.sku).status());
    FD_TRY(checkText("by", in.by, kMaxByBytes, true));
    FD_ASSIGN(auto point, parseQuantity("reorder_point", in.reorderPoint, Sign::NotNegative));
    std::optional<std::int64_t> target, multiple;
    if (!in.target.empty()) {
        FD_ASSIGN(target, parseQuantity("target", in.target, Sign::Positive));
        if (*target <= point)
            return invalid("target", inQuotes(in.target) + " must be above the reorder point, " + in.reorderPoint);
    }
    if (!in.orderMultiple.empty()) {
        FD_ASSIGN(multiple, parseQuantity("order_multiple", in.orderMultiple, Sign::Positive));
    }
    FD_ASSIGN(auto* save,
              m_db.cached("INSERT INTO reorder_points (store, sku, reorder_point_milli, target_milli,"
                          " order_multiple_milli, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                          " ON CONFLICT(store, sku) DO UPDATE SET reorder_point_milli = excluded.reorder_point_milli,"
                          " target_milli = excluded.target_milli, order_multiple_milli = excluded.order_multiple_milli,"
                          " updated_by = excluded.updated_by, updated_at = excluded.updated_at"));
    FD_TRY(save->bindAll(in.store, in.sku, point, target, multiple, in.by, core::formatIso8601(m_clock.now())).run());
    return tx->commit();
}

Status Inventory::removeReorderPoint(const std::string& store, const std::string& sku) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* remove, m_db.cached("DELETE FROM reorder_points WHERE store = ? AND sku = ?"));
    FD_TRY(remove->bindAll(store, sku).run());
    if (m_db.changes() == 0) return core::notFound("sku: " + inQuotes(sku) + " has no reorder point in store " + store);
    return tx->commit();
}

Result<json> stockDocumentReport(core::Database& db, const std::string& id) {
    // Documents, their lines and their moves are never changed: the statements need no common
    // snapshot.
    FD_ASSIGN(auto* head, db.cached("SELECT kind, store, to_store, reference, reason, by_user, at, note, entry"
                                    " FROM stock_documents WHERE id = ?"));
    json doc;
    FD_TRY(head->bind(1, id).firstRow(
        [&](const core::Statement& row) {
            doc = {{"id", id},
                   {"kind", row.text(0)},
                   {"store", row.text(1)},
                   {"to_store", orNull(row.optionalText(2))},
                   {"reference", row.text(3)},
                   {"reason", row.text(4)},
                   {"by", row.text(5)},
                   {"at", row.text(6)},
                   {"note", row.text(7)},
                   {"entry", orNull(row.optionalInt64(8))}};
        },
        "no stock document " + inQuotes(id)));
    json lines = json::array();
    FD_ASSIGN(auto* lineRows, db.cached("SELECT sku, qty_milli, on_hand_milli, unit_cost_minor, value_minor"
                                        " FROM stock_document_lines WHERE document = ? ORDER BY position"));
    FD_TRY(lineRows->bind(1, id).forEachRow([&](const core::Statement& row) {
        const auto before = row.optionalInt64(2);
        lines.push_back({{"sku", row.text(0)},
                         {"qty", quantityText(row.int64(1))},
                         {"on_hand_before", quantityOrNull(before)},
                         {"difference", quantityOrNull(before ? std::optional(row.int64(1) - *before) : std::nullopt)},
                         {"unit_cost", orNull(row.optionalInt64(3))},
                         {"value", orNull(row.optionalInt64(4))}});
    }));
    json moves = json::array();
    FD_ASSIGN(auto* moveRows,
              db.cached("SELECT store, sku, kind, qty_milli FROM stock_moves WHERE event_id = ? ORDER BY id"));
    FD_TRY(moveRows->bind(1, id).forEachRow([&](const core::Statement& row) {
        moves.push_back(
            {{"store", row.text(0)}, {"sku", row.text(1)}, {"kind", row.text(2)}, {"qty", quantityText(row.int64(3))}});
    }));
    doc["lines"] = std::move(lines);
    doc["moves"] = std::move(moves);
    return doc;
}

}  // namespace frontdesk::backoffice

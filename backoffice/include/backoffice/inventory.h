#pragma once
// Inventory in the back office (docs/backoffice.md, "Inventory"): what a store's clerk does to
// stock beyond the moves the terminals' sales and refunds make, and the reports that say what to
// order and what is missing.
//
// Every operation is one stock document (`stock_documents`: id, store, kind, reference, reason,
// by whom, when, note; its lines in `stock_document_lines`), and every stock move and journal
// entry it makes refers to it (stock_moves.event_id is the document's id, stock_documents.entry
// the entry's), so stock can be audited back to a person and a piece of paper. Documents are never
// changed or deleted: a correction is a new document.
//
//   receive    a delivery: `received` moves in; the lines with a unit cost booked Dr inventory,
//              Cr goods received not invoiced; optionally the items' cost set to it
//   adjust     lost, damaged, stolen, found, ...: `adjustment` moves with the reason; booked at the
//              item's cost between inventory and inventory shrinkage
//   transfer   goods from one store of this back office to another: `transfer_out` in the one,
//              `transfer_in` in the other, one document; the ledger is left alone
//   count      on hand set to what was counted: a `count` move of the difference (none when there
//              is none, the count recorded all the same); booked like an adjustment
//
// Input is as a clerk or an HTTP client types it: quantities as decimal text ("2.5", at most three
// decimals, exact in thousandths), costs as amounts in the store's currency ("0.80"). Every check
// is made before anything is written, and each operation is one transaction: bad input
// (InvalidArgument), an unknown store or SKU (NotFound), a document id used already
// (AlreadyExists) leave the database as it was. Messages start with the field, as an HTTP body
// names it: "lines[1].qty: '0' must be above 0".
//
// A SKU is known to a store when it is in the store's catalog (items) or among its SKUs to review
// (sold at a till while the catalog did not know it: such an item can be counted and corrected
// before the catalog catches up). Any other SKU is refused: import it into the catalog first.
//
// Same thread as the Database; the Inventory takes no lock of its own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"

namespace frontdesk::backoffice {

enum class StockDocumentKind { Received, Adjustment, Transfer, Count };
[[nodiscard]] std::string_view stockDocumentKindName(StockDocumentKind kind);

// One line of a document.
struct StockLine {
    std::string sku;
    // Received and transferred: above 0. Adjusted: not 0, negative out ("-2"), positive in.
    // Counted: 0 or more, what is on the shelf.
    std::string qty;
    // A delivery's only, optional: the unit cost in the store's currency ("0.80").
    std::string unitCost;
};

// What every document says.
struct StockDocumentInput {
    std::string id;         // a UUIDv7 the caller chose (so a retry cannot record it twice), or "": a new one
    std::string store;      // where the stock is (a transfer: where it leaves)
    std::string reference;  // the delivery note, transfer slip, count sheet; required for a delivery
    std::string by;         // who records it: required
    std::string note;
    std::vector<StockLine> lines;  // 1 to kMaxStockLines
};

struct Delivery : StockDocumentInput {
    bool updateCost = false;  // set each item's cost to its line's unit cost (the last line's, for a SKU twice)
};
struct Adjustment : StockDocumentInput {
    std::string reason;  // required: damaged, theft, found, expired, ...
};
struct Transfer : StockDocumentInput {
    std::string toStore;  // another store of this back office, in the same currency
};
struct StockCount : StockDocumentInput {};  // each SKU at most once

inline constexpr std::size_t kMaxStockLines = 10'000;
inline constexpr std::int64_t kMaxStockQuantity = 1'000'000'000;  // units, on one line

// When to order an item in a store: at or below the reorder point; up to the target level when
// one is set, else enough to cover ReorderOptions::coverDays of sales; in multiples of the order
// multiple when one is set.
struct ReorderPointInput {
    std::string store;
    std::string sku;
    std::string reorderPoint;   // 0 or more
    std::string target;         // optional: above the reorder point
    std::string orderMultiple;  // optional: above 0 (a case of 6: "6")
    std::string by;             // required
};

class Inventory {
public:
    // The clock dates documents and gives UUIDv7s their time.
    Inventory(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock), m_ids(clock) {}
    Inventory(const Inventory&) = delete;
    Inventory& operator=(const Inventory&) = delete;

    // Each returns the document as recorded (stockDocumentReport).
    [[nodiscard]] core::Result<nlohmann::json> receive(const Delivery& delivery);
    [[nodiscard]] core::Result<nlohmann::json> adjust(const Adjustment& adjustment);
    [[nodiscard]] core::Result<nlohmann::json> transfer(const Transfer& transfer);
    [[nodiscard]] core::Result<nlohmann::json> count(const StockCount& count);

    // Sets (or replaces) an item's reorder point in a store: settings, not a stock document.
    [[nodiscard]] core::Status setReorderPoint(const ReorderPointInput& input);
    // NotFound when the item has none in the store.
    [[nodiscard]] core::Status removeReorderPoint(const std::string& store, const std::string& sku);

private:
    struct Checked;
    core::Result<nlohmann::json> record(StockDocumentKind kind, const StockDocumentInput& input,
                                        const std::string& reason, const std::string& toStore, bool updateCost);
    core::Result<Checked> check(StockDocumentKind kind, const StockDocumentInput& input, const std::string& reason,
                                const std::string& toStore);
    core::Status write(const Checked& doc, bool updateCost);

    core::Database& m_db;
    const core::Clock& m_clock;
    core::UuidV7Generator m_ids;
};

// A document as recorded: {"id", "kind", "store", "to_store" (null but for a transfer),
// "reference", "reason", "by", "at", "note", "entry" (the journal entry's id, or null),
// "lines": [{"sku", "qty", "on_hand_before" and "difference" (a count's; else null), "unit_cost"
// and "value" (minor units; null when not known)}], "moves": [{"store", "sku", "kind", "qty"}]}.
// Quantities are decimal text. NotFound for an unknown id.
[[nodiscard]] core::Result<nlohmann::json> stockDocumentReport(core::Database& db, const std::string& id);

struct ReorderOptions {
    core::TimePoint asOf;   // sales velocity from the `sale` moves in the velocityDays before this
    int velocityDays = 28;  // 1 to 366
    int coverDays = 14;     // without a target level, order enough for this many days of sales; 1 to 366
};

// The items of a store at or below their reorder point, by SKU: {"store", "as_of", "velocity_days",
// "cover_days", "items": [{"sku", "name" (null when not in the catalog), "on_hand",
// "reorder_point", "target", "order_multiple" (null when not set), "sold" (in the window),
// "per_day" (rounded half up to thousandths), "days_of_cover" (on hand at that rate, rounded down
// to one decimal: "4.2"; null when nothing sold, else "0.0" when none is on hand), "suggested"}]}.
// Quantities are decimal text. NotFound for an unknown store; InvalidArgument for days out of range.
[[nodiscard]] core::Result<nlohmann::json> reorderReport(core::Database& db, const std::string& store,
                                                         const ReorderOptions& options);

// Every (store, SKU) whose on hand is below 0, by store and SKU: {"items": [{"store", "sku",
// "name" (null when not in the catalog), "on_hand", "to_review"}]}.
[[nodiscard]] core::Result<nlohmann::json> negativeStockReport(core::Database& db);

}  // namespace frontdesk::backoffice

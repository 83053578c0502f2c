// The stock reports: what to reorder (reorder points against on hand and the rate sold), and
// what stands below zero.
#include <algorithm>
#include <chrono>

#include "backoffice/backoffice_db.h"
#include "backoffice/inventory.h"
#include "backoffice/reports.h"
#include "core/rounding.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

constexpr int kMaxDays = 366;  // of a reorder report's velocity and cover

// On hand for so many days of sales at this rate, rounded down to tenths of a day: "4.2".
json daysOfCover(std::int64_t onHandMilli, std::int64_t soldMilli, int days) {
    if (soldMilli <= 0) return json();
    if (onHandMilli <= 0) return "0.0";
    const core::Int128 tenths =
        core::divideRounded(core::Int128(onHandMilli) * days * 10, soldMilli, core::RoundingMode::Down);
    return std::to_string(static_cast<std::int64_t>(tenths / 10)) + "." + std::to_string(static_cast<int>(tenths % 10));
}

// Up to the target, else enough for coverDays at the rate sold; rounded up to the order multiple.
std::int64_t suggestedOrder(std::int64_t onHandMilli, std::int64_t soldMilli, std::optional<std::int64_t> target,
                            std::optional<std::int64_t> multiple, const ReorderOptions& o) {
    const core::Int128 level =
        target ? core::Int128(*target)
               : core::divideRounded(core::Int128(soldMilli) * o.coverDays, o.velocityDays, core::RoundingMode::Up);
    core::Int128 need = std::max<core::Int128>(level - onHandMilli, 0);
    if (multiple) need = core::roundToIncrement(need, *multiple, core::RoundingMode::Up);
    return static_cast<std::int64_t>(need);
}

}  // namespace

Result<json> reorderReport(core::Database& db, const std::string& store, const ReorderOptions& o) {
    FD_TRY(loadStore(db, store).status().withContext("store"));
    for (const auto& [field, days] : {std::pair{"velocity_days", o.velocityDays}, {"cover_days", o.coverDays}}) {
        if (days < 1 || days > kMaxDays) {
            return core::invalidArgument(std::string(field) + ": from 1 to " + std::to_string(kMaxDays) + " days");
        }
    }
    const std::string to = core::formatIso8601(o.asOf);
    const std::string from = core::formatIso8601(o.asOf - std::chrono::days(o.velocityDays));
    // One statement: on hand and sales are one moment's even while `serve` writes.
    FD_ASSIGN(
        auto* stmt,
        db.cached(
            "SELECT sku, name, point, target, multiple, on_hand, sold FROM ("
            " SELECT r.sku AS sku, i.name AS name, r.reorder_point_milli AS point, r.target_milli AS target,"
            "  r.order_multiple_milli AS multiple,"
            "  (SELECT coalesce(sum(m.qty_milli), 0) FROM stock_moves m WHERE m.store = r.store AND m.sku = r.sku) AS "
            "on_hand,"
            "  (SELECT coalesce(-sum(m.qty_milli), 0) FROM stock_moves m WHERE m.store = r.store AND m.sku = r.sku"
            "    AND m.kind = 'sale' AND m.at > ?2 AND m.at <= ?3) AS sold"
            " FROM reorder_points r LEFT JOIN items i ON i.store = r.store AND i.sku = r.sku WHERE r.store = ?1)"
            " WHERE on_hand <= point ORDER BY sku"));
    json items = json::array();
    FD_TRY(stmt->bindAll(store, from, to).forEachRow([&](const core::Statement& row) {
        const std::int64_t onHandMilli = row.int64(5);
        const std::int64_t sold = std::max<std::int64_t>(row.int64(6), 0);
        const auto target = row.optionalInt64(3);
        const auto multiple = row.optionalInt64(4);
        const auto perDay = core::divideRounded(sold, o.velocityDays, core::RoundingMode::HalfUp);
        items.push_back({{"sku", row.text(0)},
                         {"name", orNull(row.optionalText(1))},
                         {"on_hand", quantityText(onHandMilli)},
                         {"reorder_point", quantityText(row.int64(2))},
                         {"target", quantityOrNull(target)},
                         {"order_multiple", quantityOrNull(multiple)},
                         {"sold", quantityText(sold)},
                         {"per_day", quantityText(static_cast<std::int64_t>(perDay))},
                         {"days_of_cover", daysOfCover(onHandMilli, sold, o.velocityDays)},
                         {"suggested", quantityText(suggestedOrder(onHandMilli, sold, target, multiple, o))}});
    }));
    return json{{"store", store},
                {"as_of", to},
                {"velocity_days", o.velocityDays},
                {"cover_days", o.coverDays},
                {"items", std::move(items)}};
}

Result<json> negativeStockReport(core::Database& db) {
    FD_ASSIGN(auto* stmt,
              db.cached("SELECT n.store, n.sku, i.name, n.on_hand,"
                        " EXISTS (SELECT 1 FROM skus_to_review r WHERE r.store = n.store AND r.sku = n.sku)"
                        " FROM (SELECT store, sku, sum(qty_milli) AS on_hand FROM stock_moves GROUP BY store, sku"
                        "       HAVING sum(qty_milli) < 0) n"
                        " LEFT JOIN items i ON i.store = n.store AND i.sku = n.sku ORDER BY n.store, n.sku"));
    json items = json::array();
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        items.push_back({{"store", row.text(0)},
                         {"sku", row.text(1)},
                         {"name", orNull(row.optionalText(2))},
                         {"on_hand", quantityText(row.int64(3))},
                         {"to_review", row.int64(4) != 0}});
    }));
    return json{{"items", std::move(items)}};
}

}  // namespace frontdesk::backoffice

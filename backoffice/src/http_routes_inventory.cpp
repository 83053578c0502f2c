// The HTTP API's inventory routes: stock documents, reorder points and reports
// (docs/backoffice.md, "Inventory").
#include "backoffice/inventory.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

// {"id"?, "reference"?, "note"?, "lines": [{"sku", "qty", "unit_cost"?}]} into a document's input,
// recorded by the caller.
Result<StockDocumentInput> documentInput(const Call& c) {
    StockDocumentInput in;
    in.id = c.textOr("id", "");
    in.store = c.path(1);
    in.reference = c.textOr("reference", "");
    in.note = c.textOr("note", "");
    in.by = c.user.username;
    if (!c.body.is_object() || !c.body.contains("lines") || !c.body["lines"].is_array()) {
        return core::invalidArgument("lines: an array of {\"sku\", \"qty\"} is required");
    }
    for (std::size_t i = 0; i < c.body["lines"].size(); ++i) {
        const json& line = c.body["lines"][i];
        const std::string at = "lines[" + std::to_string(i) + "]";
        if (!line.is_object() || !line.contains("sku") || !line["sku"].is_string() || !line.contains("qty") ||
            !line["qty"].is_string()) {
            return core::invalidArgument(at + ": {\"sku\": text, \"qty\": decimal text} is required");
        }
        StockLine l{line["sku"].get<std::string>(), line["qty"].get<std::string>(), ""};
        if (line.contains("unit_cost")) {
            if (!line["unit_cost"].is_string()) return core::invalidArgument(at + ".unit_cost: decimal text is required");
            l.unitCost = line["unit_cost"].get<std::string>();
        }
        in.lines.push_back(std::move(l));
    }
    return in;
}

Result<Reply> created(Result<json> document) {
    if (!document.ok()) return document.status();
    return Reply{std::move(*document), 201};
}

}  // namespace

void inventoryRoutes(Router& r) {
    r.route("POST", "/api/v1/stores/([^/]+)/deliveries", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto input, documentInput(c));
        Delivery d{input};
        if (c.body.contains("update_cost")) {
            if (!c.body["update_cost"].is_boolean()) return core::invalidArgument("update_cost: true or false");
            d.updateCost = c.body["update_cost"].get<bool>();
        }
        return created(Inventory(c.db, c.clock).receive(d));
    });
    r.route("POST", "/api/v1/stores/([^/]+)/adjustments", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto input, documentInput(c));
        Adjustment a{input, c.textOr("reason", "")};
        return created(Inventory(c.db, c.clock).adjust(a));
    });
    r.route("POST", "/api/v1/stores/([^/]+)/transfers", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto input, documentInput(c));
        Transfer t{input, c.textOr("to_store", "")};
        return created(Inventory(c.db, c.clock).transfer(t));
    });
    r.route("POST", "/api/v1/stores/([^/]+)/counts", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto input, documentInput(c));
        return created(Inventory(c.db, c.clock).count(StockCount{input}));
    });
    r.route("GET", "/api/v1/stock-documents/([^/]+)", Role::Clerk,
            [](Call& c) { return replyOf(stockDocumentReport(c.db, c.path(1))); });
    // {"reorder_point", "target"?, "order_multiple"?} as decimal text.
    r.route("PUT", "/api/v1/stores/([^/]+)/reorder-points/([^/]+)", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(std::string point, c.text("reorder_point"));
        ReorderPointInput in{c.path(1), c.path(2), point, c.textOr("target", ""), c.textOr("order_multiple", ""),
                             c.user.username};
        FD_TRY(Inventory(c.db, c.clock).setReorderPoint(in));
        return Reply{{{"store", in.store}, {"sku", in.sku}, {"reorder_point", point}}};
    });
    r.route("DELETE", "/api/v1/stores/([^/]+)/reorder-points/([^/]+)", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_TRY(Inventory(c.db, c.clock).removeReorderPoint(c.path(1), c.path(2)));
        return Reply{{{"store", c.path(1)}, {"sku", c.path(2)}, {"removed", true}}};
    });
    r.route("GET", "/api/v1/stores/([^/]+)/reorder", Role::Clerk, [](Call& c) -> Result<Reply> {
        ReorderOptions options;
        options.asOf = c.clock.now();
        FD_ASSIGN(auto velocity, c.query("velocity_days", options.velocityDays, 1, 366));
        FD_ASSIGN(auto cover, c.query("cover_days", options.coverDays, 1, 366));
        options.velocityDays = static_cast<int>(velocity);
        options.coverDays = static_cast<int>(cover);
        return replyOf(reorderReport(c.db, c.path(1), options));
    });
    r.route("GET", "/api/v1/negative-stock", Role::Clerk, [](Call& c) { return replyOf(negativeStockReport(c.db)); });
}

}  // namespace frontdesk::backoffice

// inventory, stock, report reorder and report negative-stock: stock documents, reorder points,
// and what is on hand.
#include "backoffice/inventory.h"
#include "backoffice/reports.h"
#include "cli.h"

namespace frontdesk::backoffice::cli {
namespace {

struct InventoryOptions {
    StockDocumentInput document;
    std::vector<std::string> lineSpecs;
    std::string reason, toStore, sku;
    bool updateCost = false;
    ReorderPointInput reorderPoint;
    ReorderOptions reorder;
};

// --line SKU=QTY or SKU=QTY@UNIT_COST (a delivery's cost) into document lines.
core::Result<std::vector<StockLine>> stockLines(const std::vector<std::string>& specs) {
    std::vector<StockLine> lines;
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0)
            return core::invalidArgument("--line: SKU=QTY[@UNIT_COST], not '" + spec + "'");
        const auto at = spec.find('@', eq);
        lines.push_back({spec.substr(0, eq),
                         spec.substr(eq + 1, at == std::string::npos ? std::string::npos : at - eq - 1),
                         at == std::string::npos ? "" : spec.substr(at + 1)});
    }
    return lines;
}

}  // namespace

void addInventoryCommands(Cli& cli) {
    auto& o = cli.keep<InventoryOptions>();
    auto* inventoryCmd =
        cli.app.add_subcommand("inventory", "stock documents and reorder points")->require_subcommand(1);
    // A stock document: its lines from --line, recorded by record.
    const auto documentCommand = [&cli, &o, inventoryCmd](
                                     const char* name, const char* what,
                                     std::function<core::Result<nlohmann::json>(Inventory&)> record) {
        auto* cmd = cli.printing(cli.command(*inventoryCmd, name, what),
                                 [&cli, &o, record](core::Database& db) -> core::Result<nlohmann::json> {
                                     FD_ASSIGN(o.document.lines, stockLines(o.lineSpecs));
                                     Inventory inventory(db, cli.clock);
                                     return record(inventory);
                                 });
        cmd->add_option("--store", o.document.store, "store id")->required();
        cmd->add_option("--line", o.lineSpecs, "SKU=QTY (a delivery: SKU=QTY@UNIT_COST), repeated")->required();
        cmd->add_option("--reference", o.document.reference, "delivery note, transfer slip, count sheet");
        cmd->add_option("--by", o.document.by, "who records it")->required();
        cmd->add_option("--note", o.document.note, "a note");
        cmd->add_option("--id", o.document.id,
                        "a UUIDv7 chosen beforehand, so that running it again records nothing twice");
        return cmd;
    };
    documentCommand("receive", "goods received: stock in, valued at the unit costs given", [&o](Inventory& inventory) {
        return inventory.receive(Delivery{o.document, o.updateCost});
    })->add_flag("--update-cost", o.updateCost, "make each unit cost the item's cost");
    documentCommand("adjust", "stock adjusted with a reason (damaged, theft, found, ...)",
                    [&o](Inventory& inventory) { return inventory.adjust(Adjustment{o.document, o.reason}); })
        ->add_option("--reason", o.reason, "why")
        ->required();
    documentCommand("transfer", "stock moved to another store",
                    [&o](Inventory& inventory) { return inventory.transfer(Transfer{o.document, o.toStore}); })
        ->add_option("--to-store", o.toStore, "the receiving store")
        ->required();
    documentCommand("count", "a stock count: on hand set to what was counted",
                    [&o](Inventory& inventory) { return inventory.count({o.document}); });

    auto& point = o.reorderPoint;
    auto* pointCmd = cli.printing(
        cli.command(*inventoryCmd, "reorder-point", "set an item's reorder point (and target level)"),
        [&cli, &point](core::Database& db) -> core::Result<nlohmann::json> {
            FD_TRY(Inventory(db, cli.clock).setReorderPoint(point));
            return nlohmann::json{{"store", point.store}, {"sku", point.sku}, {"reorder_point", point.reorderPoint}};
        });
    pointCmd->add_option("sku", point.sku, "the item's SKU")->required();
    pointCmd->add_option("--store", point.store, "store id")->required();
    pointCmd->add_option("--point", point.reorderPoint, "reorder at or below this quantity")->required();
    pointCmd->add_option("--target", point.target, "order up to this level");
    pointCmd->add_option("--multiple", point.orderMultiple, "order in multiples of this (a case)");
    pointCmd->add_option("--by", point.by, "who sets it")->required();

    auto* reorderCmd =
        cli.jsonCommand(cli.reports(), "reorder", "items at or below their reorder point, with suggested orders",
                        [&cli, &o](core::Database& db) {
                            o.reorder.asOf = cli.clock.now();
                            return reorderReport(db, cli.options.store, o.reorder);
                        });
    reorderCmd->add_option("--store", cli.options.store, "store id")->required();
    reorderCmd->add_option("--velocity-days", o.reorder.velocityDays, "sales rate over this many days")
        ->capture_default_str();
    reorderCmd->add_option("--cover-days", o.reorder.coverDays, "without a target, order this many days of sales")
        ->capture_default_str();
    cli.jsonCommand(cli.reports(), "negative-stock", "every item whose on hand is below zero", negativeStockReport);
    auto* stockCmd = cli.jsonCommand(cli.app, "stock", "on hand for one item", [&cli, &o](core::Database& db) {
        return stockReport(db, cli.options.store, o.sku);
    });
    stockCmd->add_option("sku", o.sku, "the item's SKU")->required();
    stockCmd->add_option("--store", cli.options.store, "store id")->required();
}

}  // namespace frontdesk::backoffice::cli

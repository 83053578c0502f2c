// Inventory in the back office: deliveries, adjustments, transfers and counts as documents whose
// moves and journal entries refer to them; reorder suggestions from a known sales velocity; the
// negative stock report; and every bad input refused with nothing written.
#include "backoffice/inventory.h"

#include <chrono>
#include <functional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backoffice/backoffice_db.h"
#include "backoffice/catalog.h"
#include "backoffice/journal.h"
#include "backoffice_test_support.h"
#include "core/ids.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::queryInt;
using kiosk::testing::queryText;
using nlohmann::json;

class InventoryTest : public ::testing::Test {
protected:
    InventoryTest() {
        must(saveStore(*db, {"s2", "EUR", {}}));
        must(saveStore(*db, {"s3", "CHF", {}}));
        const std::string header = "sku,name,price,tax_code,tax_rate,cost\n";
        must(importCatalogCsv(*db, "s1",
                              header + "A,Apple juice,1.99,VAT19,19,0.80\nB,Bread roll,0.50,VAT7,7,\n"
                                       "C,Coffee,4.99,VAT7,7,3.00\n")
                 .status());
        must(importCatalogCsv(*db, "s2", header + "A,Apple juice,1.99,VAT19,19,0.80\n").status());
        must(importCatalogCsv(*db, "s3", header + "A,Apple juice,2.10,VAT8,8.1,0.90\n").status());
    }
    static void must(const core::Status& st) {
        if (!st.ok()) throw std::runtime_error(st.toString());
    }

    std::int64_t onHand(const std::string& store, const std::string& sku) {
        return queryInt(*db, "SELECT coalesce(sum(qty_milli), 0) FROM stock_moves WHERE store = '" + store +
                                 "' AND sku = '" + sku + "'");
    }
    std::int64_t balance(const std::string& account) { return testing::accountBalance(*db, account); }
    bool balanced() {
        auto tb = Journal(*db).trialBalance("EUR");
        return tb.ok() && tb->balanced();
    }
    std::int64_t entries() { return queryInt(*db, "SELECT count(*) FROM journal_entries"); }

    // A sale as a till's event leaves it: `milli` out of stock at `at`.
    void sold(const std::string& store, const std::string& sku, std::int64_t milli, core::TimePoint at,
              const char* kind = "sale") {
        const std::int64_t qty = std::string(kind) == "sale" ? -milli : milli;
        must(db->exec("INSERT INTO stock_moves (store, sku, qty_milli, kind, reason, event_id, at) VALUES ('" + store +
                      "', '" + sku + "', " + std::to_string(qty) + ", '" + kind + "', '', '" + events.next() + "', '" +
                      core::formatIso8601(at) + "')"));
    }
    core::TimePoint daysAgo(int days) { return clock.now() - std::chrono::days(days); }

    static std::vector<StockLine> lines(std::initializer_list<StockLine> l) { return l; }
    static Delivery delivery(std::vector<StockLine> l, std::string store = "s1") {
        Delivery d;
        d.store = std::move(store);
        d.reference = "DN-4711";
        d.by = "clerk.kim";
        d.lines = std::move(l);
        return d;
    }
    static Adjustment adjustment(std::vector<StockLine> l, std::string reason) {
        Adjustment a;
        a.store = "s1";
        a.by = "clerk.kim";
        a.reason = std::move(reason);
        a.lines = std::move(l);
        return a;
    }
    static Transfer transfer(std::vector<StockLine> l, std::string to, std::string from = "s1") {
        Transfer t;
        t.store = std::move(from);
        t.toStore = std::move(to);
        t.reference = "TR-1";
        t.by = "clerk.kim";
        t.lines = std::move(l);
        return t;
    }
    static StockCount count(std::vector<StockLine> l) {
        StockCount c;
        c.store = "s1";
        c.reference = "COUNT-DEC";
        c.by = "clerk.kim";
        c.lines = std::move(l);
        return c;
    }
    static json move(const char* store, const char* sku, const char* kind, const char* qty) {
        return {{"store", store}, {"sku", sku}, {"kind", kind}, {"qty", qty}};
    }

    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
    core::FakeClock clock{*core::parseIso8601("2026-12-01T08:00:00Z")};
    core::UuidV7Generator events{clock};
    Inventory inventory{*db, clock};
};

TEST_F(InventoryTest, ADeliveryAddsReceivedMovesAndBooksItsCostAgainstGoodsReceivedNotInvoiced) {
    Delivery d = delivery(lines({{"A", "10", "0.75"}, {"A", "2.5", "0.33"}, {"B", "3", ""}}));
    d.note = "pallet 1 of 2";
    auto doc = inventory.receive(d);
    ASSERT_TRUE(doc.ok()) << doc.status().toString();
    const std::string id = (*doc)["id"];
    EXPECT_TRUE(core::isUuidV7(id));
    EXPECT_EQ((*doc)["kind"], "received");
    EXPECT_EQ((*doc)["store"], "s1");
    EXPECT_EQ((*doc)["to_store"], nullptr);
    EXPECT_EQ((*doc)["reference"], "DN-4711");
    EXPECT_EQ((*doc)["by"], "clerk.kim");
    EXPECT_EQ((*doc)["at"], "2026-12-01T08:00:00.000Z");
    EXPECT_EQ((*doc)["note"], "pallet 1 of 2");
    EXPECT_EQ((*doc)["lines"][0], (json{{"sku", "A"},
                                        {"qty", "10"},
                                        {"on_hand_before", nullptr},
                                        {"difference", nullptr},
                                        {"unit_cost", 75},
                                        {"value", 750}}));
    EXPECT_EQ((*doc)["lines"][1]["value"], 83);  // 2.5 x 0.33 = 0.825, half up
    EXPECT_EQ((*doc)["lines"][2]["unit_cost"], nullptr);
    EXPECT_EQ((*doc)["lines"][2]["value"], nullptr);
    EXPECT_EQ((*doc)["moves"], json::array({move("s1", "A", "received", "10"), move("s1", "A", "received", "2.5"),
                                            move("s1", "B", "received", "3")}));
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM stock_moves WHERE event_id = '" + id + "'"), 3);
    EXPECT_EQ(onHand("s1", "A"), 12500);
    EXPECT_EQ(onHand("s1", "B"), 3000);

    // One entry, for the lines with a cost: Dr inventory, Cr goods received not invoiced.
    ASSERT_EQ(entries(), 1);
    EXPECT_EQ((*doc)["entry"], queryInt(*db, "SELECT id FROM journal_entries WHERE event_id = '" + id + "'"));
    EXPECT_EQ(queryText(*db, "SELECT source || ' / ' || memo FROM journal_entries"),
              "stock.received / received DN-4711");
    EXPECT_EQ(balance("1300"), 833);
    EXPECT_EQ(balance("2100"), -833);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM journal_lines"), 2);
    EXPECT_TRUE(balanced());
    EXPECT_EQ(queryInt(*db, "SELECT cost_minor FROM items WHERE store = 's1' AND sku = 'A'"), 80);  // kept
}

TEST_F(InventoryTest, ADeliveryMaySetTheItemsCostToItsUnitCost) {
    Delivery d = delivery(lines({{"A", "10", "0.75"}, {"A", "1", "0.78"}, {"B", "3", ""}}));
    d.updateCost = true;
    ASSERT_TRUE(inventory.receive(d).ok());
    EXPECT_EQ(queryInt(*db, "SELECT cost_minor FROM items WHERE store = 's1' AND sku = 'A'"), 78);  // the last line's
    EXPECT_EQ(queryInt(*db, "SELECT cost_minor IS NULL FROM items WHERE store = 's1' AND sku = 'B'"), 1);
    EXPECT_EQ(balance("1300"), 750 + 78);
    EXPECT_TRUE(balanced());
}

TEST_F(InventoryTest, AnAdjustmentMovesStockWithItsReasonAndBooksItAtTheItemsCostAgainstShrinkage) {
    auto damaged = inventory.adjust(adjustment(lines({{"A", "-2", ""}}), "damaged"));
    ASSERT_TRUE(damaged.ok()) << damaged.status().toString();
    EXPECT_EQ((*damaged)["kind"], "adjustment");
    EXPECT_EQ((*damaged)["reason"], "damaged");
    EXPECT_EQ((*damaged)["lines"][0]["unit_cost"], 80);
    EXPECT_EQ((*damaged)["lines"][0]["value"], -160);
    EXPECT_EQ((*damaged)["moves"], json::array({move("s1", "A", "adjustment", "-2")}));
    EXPECT_EQ(queryText(*db, "SELECT reason FROM stock_moves"), "damaged");
    EXPECT_EQ(onHand("s1", "A"), -2000);
    EXPECT_EQ(balance("5100"), 160);  // the loss
    EXPECT_EQ(balance("1300"), -160);
    EXPECT_TRUE(balanced());

    ASSERT_TRUE(inventory.adjust(adjustment(lines({{"A", "1", ""}}), "found")).ok());
    EXPECT_EQ(balance("5100"), 80);
    EXPECT_EQ(balance("1300"), -80);

    // Several lines, one entry for their net value: -0.80 + 3.00.
    auto mixed = inventory.adjust(adjustment(lines({{"A", "-1", ""}, {"C", "1", ""}}), "mislabelled"));
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(queryInt(*db,
                       "SELECT l.debit_minor FROM journal_lines l JOIN journal_entries e ON e.id = l.entry"
                       " WHERE e.id = " +
                           std::to_string((*mixed)["entry"].get<std::int64_t>()) + " AND l.account = '1300'"),
              220);
    EXPECT_EQ(balance("5100"), 80 - 220);
    EXPECT_EQ(balance("1300"), -80 + 220);

    // An item without a cost moves stock and books nothing.
    const auto before = entries();
    auto bread = inventory.adjust(adjustment(lines({{"B", "-0.5", ""}}), "expired"));
    ASSERT_TRUE(bread.ok());
    EXPECT_EQ((*bread)["entry"], nullptr);
    EXPECT_EQ((*bread)["lines"][0]["value"], nullptr);
    EXPECT_EQ(entries(), before);
    EXPECT_EQ(onHand("s1", "B"), -500);
    EXPECT_EQ(onHand("s1", "A"), -2000);
    EXPECT_EQ(onHand("s1", "C"), 1000);
    EXPECT_TRUE(balanced());
}

TEST_F(InventoryTest, ATransferMovesStockOutOfOneStoreAndIntoTheOtherUnderOneDocument) {
    ASSERT_TRUE(inventory.receive(delivery(lines({{"A", "10", ""}}))).ok());
    auto doc = inventory.transfer(transfer(lines({{"A", "4", ""}}), "s2"));
    ASSERT_TRUE(doc.ok()) << doc.status().toString();
    const std::string id = (*doc)["id"];
    EXPECT_EQ((*doc)["kind"], "transfer");
    EXPECT_EQ((*doc)["store"], "s1");
    EXPECT_EQ((*doc)["to_store"], "s2");
    EXPECT_EQ((*doc)["moves"],
              json::array({move("s1", "A", "transfer_out", "-4"), move("s2", "A", "transfer_in", "4")}));
    EXPECT_EQ(queryInt(*db, "SELECT count(DISTINCT store) FROM stock_moves WHERE event_id = '" + id + "'"), 2);
    EXPECT_EQ(onHand("s1", "A"), 6000);
    EXPECT_EQ(onHand("s2", "A"), 4000);
    // The goods stay in the inventory account of the same currency: nothing to book.
    EXPECT_EQ((*doc)["entry"], nullptr);
    EXPECT_EQ(entries(), 0);

    ASSERT_TRUE(inventory.transfer(transfer(lines({{"A", "1.5", ""}}), "s1", "s2")).ok());
    EXPECT_EQ(onHand("s1", "A"), 7500);
    EXPECT_EQ(onHand("s2", "A"), 2500);
    EXPECT_TRUE(balanced());
}

TEST_F(InventoryTest, ACountSetsOnHandToWhatWasCountedAndRecordsEvenACountWithoutDifference) {
    ASSERT_TRUE(inventory.receive(delivery(lines({{"A", "12.5", ""}, {"B", "3", ""}}))).ok());
    auto doc = inventory.count(count(lines({{"A", "10", ""}, {"B", "3", ""}, {"C", "2", ""}})));
    ASSERT_TRUE(doc.ok()) << doc.status().toString();
    EXPECT_EQ((*doc)["kind"], "count");
    EXPECT_EQ((*doc)["lines"], json::array({
                                   {{"sku", "A"},
                                    {"qty", "10"},
                                    {"on_hand_before", "12.5"},
                                    {"difference", "-2.5"},
                                    {"unit_cost", 80},
                                    {"value", -200}},
                                   {{"sku", "B"},
                                    {"qty", "3"},
                                    {"on_hand_before", "3"},
                                    {"difference", "0"},
                                    {"unit_cost", nullptr},
                                    {"value", nullptr}},
                                   {{"sku", "C"},
                                    {"qty", "2"},
                                    {"on_hand_before", "0"},
                                    {"difference", "2"},
                                    {"unit_cost", 300},
                                    {"value", 600}},
                               }));
    EXPECT_EQ((*doc)["moves"], json::array({move("s1", "A", "count", "-2.5"), move("s1", "C", "count", "2")}));
    EXPECT_EQ(onHand("s1", "A"), 10000);
    EXPECT_EQ(onHand("s1", "B"), 3000);
    EXPECT_EQ(onHand("s1", "C"), 2000);
    // -2.00 lost, +6.00 found: one entry for +4.00.
    EXPECT_EQ(balance("1300"), 400);
    EXPECT_EQ(balance("5100"), -400);
    EXPECT_TRUE(balanced());

    // Nothing to correct: no move, no entry, the count is on record all the same.
    const auto before = entries();
    auto same = inventory.count(count(lines({{"A", "10", ""}})));
    ASSERT_TRUE(same.ok());
    EXPECT_EQ((*same)["moves"], json::array());
    EXPECT_EQ((*same)["entry"], nullptr);
    EXPECT_EQ((*same)["lines"][0]["difference"], "0");
    EXPECT_EQ((*same)["lines"][0]["value"], 0);
    EXPECT_EQ(entries(), before);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM stock_documents WHERE kind = 'count'"), 2);
    EXPECT_EQ(onHand("s1", "A"), 10000);

    // A SKU a till sold that the catalog does not know can be counted: it is among the SKUs to review.
    sold("s1", "Z", 2000, daysAgo(1));
    must(db->exec("INSERT INTO skus_to_review (store, sku, first_event, first_seen) VALUES ('s1', 'Z', 'e', 'now')"));
    auto unknown = inventory.count(count(lines({{"Z", "1", ""}})));
    ASSERT_TRUE(unknown.ok()) << unknown.status().toString();
    EXPECT_EQ((*unknown)["moves"], json::array({move("s1", "Z", "count", "3")}));
    EXPECT_EQ(onHand("s1", "Z"), 1000);
    EXPECT_EQ(entries(), before);  // its cost is not known
    EXPECT_TRUE(balanced());
}

TEST_F(InventoryTest, AGivenIdIsTheDocumentsAndTheMovesRefersToIt) {
    core::UuidV7Generator ids(clock);
    const std::string id = ids.next();
    Delivery d = delivery(lines({{"A", "1", ""}}));
    d.id = id;
    auto doc = inventory.receive(d);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ((*doc)["id"], id);
    EXPECT_EQ(queryText(*db, "SELECT event_id FROM stock_moves"), id);
    auto again = stockDocumentReport(*db, id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *doc);
    EXPECT_EQ(stockDocumentReport(*db, ids.next()).status().kind(), core::ErrorKind::NotFound);
    // Documents and their lines are never changed.
    EXPECT_FALSE(db->exec("UPDATE stock_documents SET note = 'x'").ok());
    EXPECT_FALSE(db->exec("DELETE FROM stock_document_lines").ok());
}

TEST_F(InventoryTest, TheReorderReportListsItemsAtOrBelowTheirPointWithVelocityCoverAndASuggestedOrder) {
    // A: 28 sold in the last 28 days (1 a day), 38 more before that, 1 refunded: on hand 4.
    ASSERT_TRUE(inventory.receive(delivery(lines({{"A", "69", ""}, {"B", "2", ""}, {"C", "5", ""}}))).ok());
    sold("s1", "A", 10000, daysAgo(1));
    sold("s1", "A", 10000, daysAgo(10));
    sold("s1", "A", 8000, daysAgo(27));
    sold("s1", "A", 38000, daysAgo(40));
    sold("s1", "A", 1000, daysAgo(2), "refund");
    sold("s2", "A", 5000, daysAgo(1));  // another store's
    ASSERT_EQ(onHand("s1", "A"), 4000);
    ASSERT_TRUE(inventory.setReorderPoint({"s1", "A", "5", "", "6", "m.manager"}).ok());
    ASSERT_TRUE(inventory.setReorderPoint({"s1", "B", "2", "10", "", "m.manager"}).ok());
    ASSERT_TRUE(inventory.setReorderPoint({"s1", "C", "1", "", "", "m.manager"}).ok());  // 5 on hand: not listed

    auto report = reorderReport(*db, "s1", {clock.now()});
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ((*report)["as_of"], "2026-12-01T08:00:00.000Z");
    EXPECT_EQ((*report)["velocity_days"], 28);
    EXPECT_EQ((*report)["cover_days"], 14);
    EXPECT_EQ((*report)["items"], json::array({
                                      // 14 days at 1 a day less the 4 on hand: 10, in cases of 6: 12.
                                      {{"sku", "A"},
                                       {"name", "Apple juice"},
                                       {"on_hand", "4"},
                                       {"reorder_point", "5"},
                                       {"target", nullptr},
                                       {"order_multiple", "6"},
                                       {"sold", "28"},
                                       {"per_day", "1"},
                                       {"days_of_cover", "4.0"},
                                       {"suggested", "12"}},
                                      // Up to the target; nothing sold, so no cover to speak of.
                                      {{"sku", "B"},
                                       {"name", "Bread roll"},
                                       {"on_hand", "2"},
                                       {"reorder_point", "2"},
                                       {"target", "10"},
                                       {"order_multiple", nullptr},
                                       {"sold", "0"},
                                       {"per_day", "0"},
                                       {"days_of_cover", nullptr},
                                       {"suggested", "8"}},
                                  }));

    // The last 7 days: 10 sold, 1.429 a day; 4 on hand last 2.8 days; 14 days need 20, less 4: 16, in sixes 18.
    auto week = reorderReport(*db, "s1", {clock.now(), 7, 14});
    ASSERT_TRUE(week.ok());
    const json& a = (*week)["items"][0];
    EXPECT_EQ(a["sold"], "10");
    EXPECT_EQ(a["per_day"], "1.429");
    EXPECT_EQ(a["days_of_cover"], "2.8");
    EXPECT_EQ(a["suggested"], "18");
    // Over 30 days: the same 28 sold, 0.933 a day; cover rounds down.
    auto month = reorderReport(*db, "s1", {clock.now(), 30, 3});
    ASSERT_TRUE(month.ok());
    EXPECT_EQ((*month)["items"][0]["sold"], "28");
    EXPECT_EQ((*month)["items"][0]["per_day"], "0.933");
    EXPECT_EQ((*month)["items"][0]["days_of_cover"], "4.2");  // 4 x 30 / 28 = 4.2857
    EXPECT_EQ((*month)["items"][0]["suggested"], "0");        // 3 days need 2.8: 4 on hand is enough

    // Below zero: the sales not covered come on top.
    sold("s1", "B", 3000, daysAgo(3));
    auto behind = reorderReport(*db, "s1", {clock.now()});
    ASSERT_TRUE(behind.ok());
    EXPECT_EQ((*behind)["items"][1]["on_hand"], "-1");
    EXPECT_EQ((*behind)["items"][1]["days_of_cover"], "0.0");
    EXPECT_EQ((*behind)["items"][1]["suggested"], "11");

    ASSERT_TRUE(inventory.removeReorderPoint("s1", "B").ok());
    EXPECT_EQ((*reorderReport(*db, "s1", {clock.now()}))["items"].size(), 1u);
    EXPECT_EQ(inventory.removeReorderPoint("s1", "B").kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(reorderReport(*db, "s9", {clock.now()}).status().kind(), core::ErrorKind::NotFound);
    auto badDays = reorderReport(*db, "s1", {clock.now(), 0, 14});
    ASSERT_FALSE(badDays.ok());
    EXPECT_EQ(badDays.status().message(), "velocity_days: from 1 to 366 days");
}

TEST_F(InventoryTest, TheNegativeStockReportListsEveryStoreAndSkuBelowZero) {
    sold("s1", "A", 3000, daysAgo(1));  // never received
    ASSERT_TRUE(inventory.receive(delivery(lines({{"A", "1", ""}}), "s2")).ok());
    sold("s2", "A", 1000, daysAgo(1));  // exactly none left: not listed
    sold("s2", "Z", 500, daysAgo(1));   // unknown to the catalog
    must(db->exec("INSERT INTO skus_to_review (store, sku, first_event, first_seen) VALUES ('s2', 'Z', 'e', 'now')"));
    ASSERT_TRUE(inventory.receive(delivery(lines({{"C", "2", ""}}))).ok());
    auto report = negativeStockReport(*db);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ((*report)["items"],
              json::array({
                  {{"store", "s1"}, {"sku", "A"}, {"name", "Apple juice"}, {"on_hand", "-3"}, {"to_review", false}},
                  {{"store", "s2"}, {"sku", "Z"}, {"name", nullptr}, {"on_hand", "-0.5"}, {"to_review", true}},
              }));
}

// What the database holds, to show that a refused operation wrote nothing.
std::vector<std::int64_t> snapshot(core::Database& db) {
    std::vector<std::int64_t> counts;
    for (const char* sql :
         {"SELECT count(*) FROM stock_documents", "SELECT count(*) FROM stock_document_lines",
          "SELECT count(*) FROM stock_moves", "SELECT coalesce(sum(qty_milli), 0) FROM stock_moves",
          "SELECT count(*) FROM journal_entries", "SELECT count(*) FROM journal_lines", "SELECT count(*) FROM accounts",
          "SELECT count(*) FROM reorder_points", "SELECT coalesce(sum(reorder_point_milli), 0) FROM reorder_points",
          "SELECT coalesce(sum(cost_minor), 0) FROM items"}) {
        counts.push_back(queryInt(db, sql));
    }
    return counts;
}

TEST_F(InventoryTest, EveryBadInputIsRefusedNamingTheFieldWithNothingWritten) {
    core::UuidV7Generator ids(clock);
    const std::string taken = ids.next();
    Delivery first = delivery(lines({{"A", "5", "0.75"}}));
    first.id = taken;
    first.updateCost = true;
    ASSERT_TRUE(inventory.receive(first).ok());
    ASSERT_TRUE(inventory.setReorderPoint({"s1", "A", "2", "", "", "m.manager"}).ok());
    const std::string eventId = ids.next();
    must(
        db->exec("INSERT INTO stock_moves (store, sku, qty_milli, kind, reason, event_id, at)"
                 " VALUES ('s1', 'A', -1000, 'sale', '', '" +
                 eventId + "', '2026-11-30T10:00:00.000Z')"));

    const auto withDelivery = [&](std::function<void(Delivery&)> change) {
        Delivery d = delivery(lines({{"A", "1", "0.75"}}));
        d.updateCost = true;
        change(d);
        return inventory.receive(d).status();
    };
    const auto withAdjustment = [&](std::function<void(Adjustment&)> change) {
        Adjustment a = adjustment(lines({{"A", "-1", ""}}), "damaged");
        change(a);
        return inventory.adjust(a).status();
    };
    const auto withTransfer = [&](std::function<void(Transfer&)> change) {
        Transfer t = transfer(lines({{"A", "1", ""}}), "s2");
        change(t);
        return inventory.transfer(t).status();
    };
    const auto withCount = [&](std::function<void(StockCount&)> change) {
        StockCount c = count(lines({{"A", "1", ""}}));
        change(c);
        return inventory.count(c).status();
    };
    const auto withReorder = [&](std::function<void(ReorderPointInput&)> change) {
        ReorderPointInput r{"s1", "A", "5", "10", "6", "m.manager"};
        change(r);
        return inventory.setReorderPoint(r);
    };
    using K = core::ErrorKind;
    struct Case {
        core::Status status;
        K kind;
        std::string message;  // the whole message, or its start when it ends in "..."
    };
    const auto before = snapshot(*db);
    const std::vector<Case> cases = {
        {withDelivery([](Delivery& d) { d.store = "s9"; }), K::NotFound,
         "store: store s9 is not configured in the back office (frontdesk-backoffice store add)"},
        {withDelivery([](Delivery& d) { d.store = ""; }), K::InvalidArgument, "store: required"},
        {withDelivery([](Delivery& d) { d.lines[0].sku = "Q"; }), K::NotFound,
         "lines[0].sku: store s1 knows no SKU 'Q' (not in its catalog, nor among its SKUs to review)"},
        {withDelivery([](Delivery& d) { d.lines[0].sku = ""; }), K::InvalidArgument, "lines[0].sku: required"},
        {withDelivery([](Delivery& d) {
             d.lines.push_back({"A", "0", ""});
         }),
         K::InvalidArgument, "lines[1].qty: '0' must be above 0"},
        {withDelivery([](Delivery& d) { d.lines[0].qty = "-1"; }), K::InvalidArgument,
         "lines[0].qty: '-1' must be above 0"},
        {withDelivery([](Delivery& d) { d.lines[0].qty = "2.5x"; }), K::InvalidArgument, "lines[0].qty: '2.5x' ..."},
        {withDelivery([](Delivery& d) { d.lines[0].qty = "1e3"; }), K::InvalidArgument, "lines[0].qty: '1e3' ..."},
        {withDelivery([](Delivery& d) { d.lines[0].qty = ""; }), K::InvalidArgument, "lines[0].qty: ..."},
        {withDelivery([](Delivery& d) { d.lines[0].qty = "1.0001"; }), K::InvalidArgument,
         "lines[0].qty: '1.0001' has more than 3 decimals"},
        {withDelivery([](Delivery& d) { d.lines[0].qty = "1000000001"; }), K::InvalidArgument,
         "lines[0].qty: '1000000001' is beyond 1000000000"},
        {withDelivery([](Delivery& d) { d.lines[0].unitCost = "0.001"; }), K::InvalidArgument,
         "lines[0].unit_cost: ..."},
        {withDelivery([](Delivery& d) { d.lines[0].unitCost = "-1.00"; }), K::InvalidArgument,
         "lines[0].unit_cost: '-1.00' must be 0 or more"},
        {withDelivery([](Delivery& d) { d.reference = ""; }), K::InvalidArgument, "reference: required"},
        {withDelivery([](Delivery& d) { d.by = "  "; }), K::InvalidArgument, "by: required"},
        {withDelivery([](Delivery& d) { d.note = std::string(2001, 'n'); }), K::InvalidArgument,
         "note: at most 2000 bytes"},
        {withDelivery([](Delivery& d) { d.lines.clear(); }), K::InvalidArgument, "lines: at least one line"},
        {withDelivery([&](Delivery& d) { d.id = taken; }), K::AlreadyExists, "id: " + taken + " is recorded already"},
        {withDelivery([&](Delivery& d) { d.id = eventId; }), K::AlreadyExists,
         "id: " + eventId + " is recorded already"},
        {withDelivery([](Delivery& d) { d.id = "delivery-1"; }), K::InvalidArgument,
         "id: 'delivery-1' is not a UUIDv7"},
        {withAdjustment([](Adjustment& a) { a.reason = ""; }), K::InvalidArgument, "reason: required"},
        {withAdjustment([](Adjustment& a) { a.reason = " "; }), K::InvalidArgument, "reason: required"},
        {withAdjustment([](Adjustment& a) { a.lines[0].qty = "0.000"; }), K::InvalidArgument,
         "lines[0].qty: '0.000' must not be 0"},
        {withAdjustment([](Adjustment& a) { a.lines[0].unitCost = "0.50"; }), K::InvalidArgument,
         "lines[0].unit_cost: only a delivery has unit costs (others are valued at the item's cost)"},
        {withTransfer([](Transfer& t) { t.toStore = "s1"; }), K::InvalidArgument,
         "to_store: the goods are in store s1 already"},
        {withTransfer([](Transfer& t) { t.toStore = "s9"; }), K::NotFound, "to_store: store s9 is not configured ..."},
        {withTransfer([](Transfer& t) { t.toStore = ""; }), K::InvalidArgument, "to_store: required"},
        {withTransfer([](Transfer& t) { t.toStore = "s3"; }), K::InvalidArgument,
         "to_store: store s3 keeps its books in CHF, store s1 in EUR: goods cannot change currency in a transfer"},
        {withTransfer([](Transfer& t) { t.lines[0].sku = "B"; }), K::NotFound,
         "lines[0].sku: store s2 knows no SKU 'B' (not in its catalog, nor among its SKUs to review)"},
        {withTransfer([](Transfer& t) { t.lines[0].qty = "-1"; }), K::InvalidArgument,
         "lines[0].qty: '-1' must be above 0"},
        {withCount([](StockCount& c) { c.lines[0].qty = "-1"; }), K::InvalidArgument,
         "lines[0].qty: '-1' must be 0 or more"},
        {withCount([](StockCount& c) {
             c.lines.push_back({"C", "1", ""});
             c.lines.push_back({"A", "2", ""});
         }),
         K::InvalidArgument, "lines[2].sku: A is counted on lines[0] already"},
        {withReorder([](ReorderPointInput& r) { r.target = "5"; }), K::InvalidArgument,
         "target: '5' must be above the reorder point, 5"},
        {withReorder([](ReorderPointInput& r) { r.orderMultiple = "0"; }), K::InvalidArgument,
         "order_multiple: '0' must be above 0"},
        {withReorder([](ReorderPointInput& r) { r.reorderPoint = "-1"; }), K::InvalidArgument,
         "reorder_point: '-1' must be 0 or more"},
        {withReorder([](ReorderPointInput& r) { r.sku = "Q"; }), K::NotFound, "sku: store s1 knows no SKU 'Q' ..."},
        {withReorder([](ReorderPointInput& r) { r.by = ""; }), K::InvalidArgument, "by: required"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        SCOPED_TRACE("case " + std::to_string(i) + ": " + c.message);
        ASSERT_FALSE(c.status.ok());
        EXPECT_EQ(c.status.kind(), c.kind) << c.status.toString();
        if (c.message.ends_with("...")) {
            EXPECT_TRUE(c.status.message().starts_with(c.message.substr(0, c.message.size() - 3)))
                << c.status.message();
        } else {
            EXPECT_EQ(c.status.message(), c.message);
        }
    }
    EXPECT_EQ(snapshot(*db), before);
    EXPECT_EQ(queryInt(*db, "SELECT cost_minor FROM items WHERE store = 's1' AND sku = 'A'"), 75);
    EXPECT_TRUE(balanced());
}

}  // namespace
}  // namespace frontdesk::backoffice

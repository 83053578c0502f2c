// Master data into a running till: a catalog version, kept as chunks, staged beside the live
// catalog and switched in between two sales; refused whole when it is not what its manifest says
// or its header or tax codes are wrong; bad items quarantined and the rest applied.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "kiosk/master_data.h"
#include "sync/dataset.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk {
namespace {

using testing::catalogDataset;
using testing::dec;
using testing::eur;
using testing::kApple;
using testing::queryInt;
using testing::queryText;

class MasterDataTest : public ::testing::Test {
protected:
    MasterDataTest() {
        auto opened = MasterData::open(t.db->path(), t.clock, t.till->boundary());
        if (!opened.ok()) throw std::runtime_error(opened.status().toString());
        data = std::move(opened).value();
    }

    sync::DatasetManifest store(const std::string& body, std::int64_t version, std::int64_t chunkSize = 4096) {
        auto v = sync::makeDatasetVersion("catalog", version, body, chunkSize);
        EXPECT_TRUE(v.ok()) << v.status().toString();
        for (std::size_t i = 0; i < v->chunks.size(); ++i) {
            EXPECT_TRUE(data->storeChunk(v->manifest, static_cast<std::int64_t>(i), v->chunks[i]).ok());
        }
        return v->manifest;
    }

    std::int64_t priceVersion() { return queryInt(*t.db, "SELECT value FROM settings WHERE key = 'price_version'"); }
    std::int64_t tables(const std::string& like) {
        return queryInt(*t.db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name LIKE '" + like + "'");
    }

    testing::Terminal t;
    std::unique_ptr<MasterData> data;
};

TEST_F(MasterDataTest, AVersionIsStagedAndSwitchedInWholeAndTheNextSaleUsesIt) {
    ASSERT_EQ(priceVersion(), 7);
    const auto manifest = store(catalogDataset(8, 1000), 8);
    ASSERT_GT(manifest.chunks.size(), 10u);
    ASSERT_TRUE(data->applyNow(manifest).ok()) << data->status().error;

    EXPECT_EQ(priceVersion(), 8);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 1002);  // the seed's W and X are gone
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items WHERE sku = 'W'"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM barcodes"), 1002);
    EXPECT_EQ(tables("next_%"), 0);
    EXPECT_EQ(tables("old_%"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM dataset_chunks"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    const auto status = data->status();
    EXPECT_EQ(status.state, "applied");
    EXPECT_EQ(status.items, 1002);
    EXPECT_EQ(status.quarantined, 0);

    auto found = t.till->catalog().byBarcode("2900000000500");
    ASSERT_TRUE(found.ok()) << found.status().toString();
    EXPECT_EQ(found->sku, "I000500");
    EXPECT_EQ(found->priceMinor, 600);
    EXPECT_EQ(found->taxCode, "VAT7");
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(249)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
    const auto event = testing::lastEnvelope(*t.db);
    EXPECT_EQ(event["payload"]["price_version"], 8);
    EXPECT_EQ(event["payload"]["totals"]["gross"], 249);
}

TEST_F(MasterDataTest, TheStagedTablesAreTheLiveTablesColumnForColumnAfterTheSwitch) {
    const auto describe = [&] {
        std::string shape;
        for (const char* table : {"tax_codes", "items", "barcodes"}) {
            for (const auto& row : testing::queryColumn(*t.db, std::string("SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || "
                                                                           "coalesce(dflt_value, '') || ' ' || pk FROM pragma_table_info('") +
                                                                   table + "')")) {
                shape += std::string(table) + ": " + row + "\n";
            }
            for (const auto& row : testing::queryColumn(*t.db, std::string("SELECT \"table\" || ' ' || \"from\" || ' ' || \"to\" || ' ' || "
                                                                           "on_delete FROM pragma_foreign_key_list('") + table + "')")) {
                shape += std::string(table) + " references " + row + "\n";
            }
            shape += std::string(table) + " indexes " +
                     std::to_string(queryInt(*t.db, std::string("SELECT count(*) FROM pragma_index_list('") + table + "')")) + "\n";
        }
        return shape;
    };
    const std::string before = describe();
    ASSERT_TRUE(data->applyNow(store(catalogDataset(8, 10), 8)).ok()) << data->status().error;
    EXPECT_EQ(describe(), before);
    EXPECT_NE(queryText(*t.db, "SELECT sql FROM sqlite_schema WHERE name = 'items'").find("CHECK (price_minor >= 0)"),
              std::string::npos);
}

TEST_F(MasterDataTest, ASaleInProgressKeepsThePricesItBeganWithAndTheVersionWaitsForItsEnd) {
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());  // priced at version 7: 1.99
    const auto manifest = store(catalogDataset(8, 2000, "2.49"), 8);
    auto applying = std::async(std::launch::async, [&] { return data->applyNow(manifest); });
    // Staged in full while the sale is open, and still not switched in.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (tables("next_items") == 0 || queryInt(*t.db, "SELECT count(*) FROM next_items") < 2002) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(applying.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    EXPECT_EQ(priceVersion(), 7);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());  // still 1.99 inside this sale
    ASSERT_TRUE(t.checkout().tenderCash(eur(398)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
    EXPECT_EQ(testing::lastEnvelope(*t.db)["payload"]["price_version"], 7);
    EXPECT_EQ(testing::lastEnvelope(*t.db)["payload"]["totals"]["gross"], 398);

    ASSERT_TRUE(applying.get().ok()) << data->status().error;
    EXPECT_EQ(priceVersion(), 8);
    auto apple = t.till->catalog().byBarcode(kApple);
    ASSERT_TRUE(apple.ok());
    EXPECT_EQ(apple->priceMinor, 249);
}

TEST_F(MasterDataTest, AVersionMissingAChunkOrWithADamagedOneIsNeverApplied) {
    auto v = sync::makeDatasetVersion("catalog", 8, catalogDataset(8, 200), 2048);
    ASSERT_TRUE(v.ok());
    for (std::size_t i = 0; i + 1 < v->chunks.size(); ++i) {
        ASSERT_TRUE(data->storeChunk(v->manifest, static_cast<std::int64_t>(i), v->chunks[i]).ok());
    }
    core::Status half = data->applyNow(v->manifest);
    ASSERT_FALSE(half.ok());
    EXPECT_EQ(half.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(half.message().find("chunk " + std::to_string(v->chunks.size() - 1) + " is missing"), std::string::npos)
        << half.message();
    EXPECT_EQ(priceVersion(), 7);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 4);
    EXPECT_EQ(data->status().state, "refused");

    std::string damaged = v->chunks[3];
    damaged[10] ^= 0x20;
    for (std::size_t i = 0; i < v->chunks.size(); ++i) {
        ASSERT_TRUE(data->storeChunk(v->manifest, static_cast<std::int64_t>(i), i == 3 ? damaged : v->chunks[i]).ok());
    }
    core::Status corrupt = data->applyNow(v->manifest);
    ASSERT_FALSE(corrupt.ok());
    EXPECT_NE(corrupt.message().find("chunk 3 of catalog version 8 does not match its SHA-256"), std::string::npos)
        << corrupt.message();
    EXPECT_EQ(priceVersion(), 7);
    EXPECT_EQ(tables("next_%"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM dataset_chunks"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE source = 'dataset:catalog'"), 2);
}

TEST_F(MasterDataTest, BadItemsAreQuarantinedWithTheirReasonsAndEveryValidOneApplied) {
    std::string body = catalogDataset(8, 5);
    body += R"({"kind":"item","sku":"N","name":"Negative","price":"-1.00","tax_code":"VAT19"})" "\n";
    body += R"({"kind":"item","sku":"I000001","name":"Twice","price":"1.00","tax_code":"VAT19"})" "\n";
    body += R"({"kind":"item","sku":"U","name":"Unknown tax","price":"1.00","tax_code":"VAT99"})" "\n";
    body += "this is not json\n";
    body += R"({"kind":"item","sku":"Z","name":"Last","price":"3.00","tax_code":"VAT7"})";  // no final newline
    ASSERT_TRUE(data->applyNow(store(body, 8, 1024)).ok()) << data->status().error;
    EXPECT_EQ(priceVersion(), 8);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 8);  // A, B, five, and Z
    EXPECT_EQ(data->status().quarantined, 4);
    const auto reasons = testing::queryColumn(*t.db, "SELECT reason FROM quarantine WHERE source = 'dataset:catalog:8' ORDER BY rowid");
    ASSERT_EQ(reasons.size(), 4u);
    EXPECT_NE(reasons[0].find("price cannot be negative"), std::string::npos) << reasons[0];
    EXPECT_NE(reasons[1].find("sku 'I000001' appears twice in this catalog version 8"), std::string::npos) << reasons[1];
    EXPECT_NE(reasons[2].find("unknown tax code VAT99"), std::string::npos) << reasons[2];
    EXPECT_NE(reasons[3].find("line 14 is not valid JSON"), std::string::npos) << reasons[3];
}

TEST_F(MasterDataTest, AWrongHeaderOrABrokenTaxCodeRefusesTheWholeVersion) {
    core::Status francs = data->applyNow(store(catalogDataset(8, 5, "2.49", "CHF"), 8));
    ASSERT_FALSE(francs.ok());
    EXPECT_EQ(francs.message(), "catalog version 8 refused: its prices are in CHF, this terminal sells in EUR");
    core::Status version = data->applyNow(store(catalogDataset(9, 5), 10));
    ASSERT_FALSE(version.ok());
    EXPECT_NE(version.message().find("its header names version 9, not the manifest's"), std::string::npos);
    std::string badTax = catalogDataset(11, 5);
    badTax.insert(badTax.find('\n') + 1, R"({"kind":"tax_code","code":"VAT0","rate":"101"})" "\n");
    core::Status tax = data->applyNow(store(badTax, 11));
    ASSERT_FALSE(tax.ok());
    EXPECT_NE(tax.message().find("tax code 'VAT0': tax rate of VAT0 must be 0..100"), std::string::npos) << tax.message();
    EXPECT_EQ(priceVersion(), 7);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 4);
    EXPECT_EQ(tables("next_%"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE source = 'dataset:catalog'"), 3);
}

TEST_F(MasterDataTest, ChunksAreKeptPerVersionForResumingAndANewerVersionReplacesThem) {
    auto v8 = sync::makeDatasetVersion("catalog", 8, catalogDataset(8, 100), 1024);
    auto v9 = sync::makeDatasetVersion("catalog", 9, catalogDataset(9, 100), 1024);
    ASSERT_TRUE(v8.ok() && v9.ok());
    ASSERT_TRUE(data->storeChunk(v8->manifest, 0, v8->chunks[0]).ok());
    ASSERT_TRUE(data->storeChunk(v8->manifest, 2, v8->chunks[2]).ok());
    EXPECT_EQ(*data->storedChunks(v8->manifest), (std::set<std::int64_t>{0, 2}));
    // Another connection (a restart) sees the same.
    auto reopened = MasterData::open(t.db->path(), t.clock, t.till->boundary());
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(*(*reopened)->storedChunks(v8->manifest), (std::set<std::int64_t>{0, 2}));
    ASSERT_TRUE(data->storeChunk(v9->manifest, 1, v9->chunks[1]).ok());
    EXPECT_TRUE(data->storedChunks(v8->manifest)->empty());
    EXPECT_EQ(*data->runningVersion("catalog"), std::optional<std::int64_t>(7));
    EXPECT_EQ(*data->runningVersion("bookings"), std::optional<std::int64_t>(0));  // taken, none yet
    EXPECT_EQ(*data->runningVersion("rota"), std::nullopt);                        // not taken
}

TEST_F(MasterDataTest, WhatACrashLeftOfAStagingOrARetiredCatalogIsClearedFirst) {
    ASSERT_TRUE(t.db->exec("CREATE TABLE next_tax_codes (code TEXT PRIMARY KEY, rate TEXT NOT NULL, name TEXT NOT NULL);"
                           "CREATE TABLE next_items (sku TEXT PRIMARY KEY, name TEXT, name_key TEXT, price_minor INTEGER,"
                           " tax_code TEXT REFERENCES next_tax_codes(code));"
                           "CREATE TABLE old_barcodes (code TEXT PRIMARY KEY, sku TEXT);"
                           "INSERT INTO old_barcodes VALUES ('1', 'A');")
                    .ok());
    ASSERT_TRUE(t.db->exec("INSERT INTO next_tax_codes VALUES ('VAT19', '19', 'x');"
                           "INSERT INTO next_items (sku, name, name_key, price_minor, tax_code) VALUES ('Q', 'q', 'q', 1, 'VAT19');")
                    .ok());
    ASSERT_TRUE(data->applyNow(store(catalogDataset(8, 10), 8)).ok()) << data->status().error;
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items WHERE sku = 'Q'"), 0);
    EXPECT_EQ(tables("next_%"), 0);
}

TEST_F(MasterDataTest, AVersionWaitingToBeAppliedKeepsItsChunksWhenANewerOneStartsArriving) {
    const auto v9 = store(catalogDataset(9, 100), 9, 1024);
    ASSERT_TRUE(data->complete(v9).ok());  // queued: the applier thread is not started yet
    auto v10 = sync::makeDatasetVersion("catalog", 10, catalogDataset(10, 100), 1024);
    ASSERT_TRUE(v10.ok());
    ASSERT_TRUE(data->storeChunk(v10->manifest, 0, v10->chunks[0]).ok());
    EXPECT_EQ(data->storedChunks(v9)->size(), v9.chunks.size());
    ASSERT_TRUE(data->applyNow(v9).ok()) << data->status().error;
    EXPECT_EQ(priceVersion(), 9);
    EXPECT_EQ(*data->storedChunks(v10->manifest), (std::set<std::int64_t>{0}));  // the newer one's stay
    // Handed over again after it was applied: nothing happens, the report stands.
    ASSERT_TRUE(data->applyNow(v9).ok());
    EXPECT_EQ(data->status().items, 102);
}

TEST_F(MasterDataTest, TheApplierThreadAppliesWhatIsCompleteAndReportsIt) {
    data->start();
    const auto manifest = store(catalogDataset(8, 50), 8);
    ASSERT_TRUE(data->complete(manifest).ok());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (data->status().state != "applied") {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << data->status().toJson().dump();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(priceVersion(), 8);
    EXPECT_EQ(data->status().toJson()["catalog"]["version"], 8);
}

TEST_F(MasterDataTest, TheNewestTerminalConfigurationIsKeptAndAMalformedOneRefusedWithItsReason) {
    ASSERT_TRUE(data->storeConfig(R"({"version": 2, "mode": "cashier", "printer": {"host": "127.0.0.1"}})").ok());
    ASSERT_TRUE(data->storeConfig(R"({"version": 1, "mode": "self_service"})").ok());  // older: ignored
    auto kept = data->config();
    ASSERT_TRUE(kept.ok() && kept->has_value());
    EXPECT_EQ((**kept)["mode"], "cashier");
    EXPECT_EQ(data->status().configVersion, 2);
    for (const char* bad : {"[1, 2]", "{\"mode\": \"cashier\"}", "{\"version\": 0}", "{\"version\": \"3\"}", "{"}) {
        core::Status refused = data->storeConfig(bad);
        EXPECT_FALSE(refused.ok()) << bad;
        EXPECT_NE(data->status().configError.find("terminal configuration refused"), std::string::npos) << bad;
    }
    EXPECT_EQ((**data->config())["version"], 2);
    ASSERT_TRUE(data->storeConfig(R"({"version": 3, "mode": "reception"})").ok());
    EXPECT_EQ((**data->config())["mode"], "reception");
    EXPECT_TRUE(data->status().configError.empty());
}

}  // namespace
}  // namespace frontdesk::kiosk

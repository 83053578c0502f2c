// Catalog at store scale: import, open, barcode lookup and prefix search over 300,000 items.
//
// The catalog is generated deterministically (fixed seed): 300,000 items with realistic names
// from word lists, 1 or 2 EAN-13 barcodes each, two tax codes. BM_CatalogImport times the import
// through importSeed, the terminal's provisioning path (one transaction; generating the items and
// building the seed document are done before the clock starts).
// The other benchmarks share one imported catalog and time single calls with steady_clock:
// every call is one benchmark iteration, so the mean is GoogleBenchmark's time column and the
// p50_us / p99_us counters come from the sorted per-call samples (p99_unpreempted_us leaves out
// the calls during which the scheduler took the CPU away). Keys are drawn up front, the same
// sequence for the engine and its raw sqlite3 baseline, and 2,000 untimed calls warm the caches
// before the 20,000 that are timed.

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/resource.h>

#include "bench_support.h"
#include "core/clock.h"
#include "core/database.h"
#include "core/decimal.h"
#include "core/password.h"
#include "kiosk/catalog.h"
#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "testing/temp_dir.h"

namespace {

using namespace frontdesk;
namespace kt = frontdesk::kiosk::testing;
using bench::die;
using bench::must;
using Clock = std::chrono::steady_clock;

// The sizes, settable with --catalog_items=N and --catalog_samples=N (a smoke run in CI uses a
// small catalog); the warm-up is a tenth of the samples.
struct Sizes {
    std::size_t items = 300'000;
    std::size_t samples = 20'000;
    std::size_t warmup() const { return samples / 10; }
};
Sizes sizes;
constexpr int kSearchLimit = 20;

// ---- generating the catalog ----

constexpr std::array kBrands = {
    "Alpenhof",  "Almrausch", "Bergquell", "Bio Sonne", "Brandt",      "Castello",  "Dorfkrone",   "Elbtal",
    "Feinkost",  "Frischhof", "Gutsherr",  "Hansano",   "Heidegold",   "Isarland",  "Jacobs",      "Kaiserhof",
    "Landliebe", "Lindner",   "Meierei",   "Milsani",   "Nordsee",     "Obsthof",   "Osterland",   "Peter",
    "Qualita",   "Rhoen",     "Rosenhof",  "Sanddorn",  "Schwarzwald", "Sonnentor", "Tannenhof",   "Uckermark",
    "Vitalis",   "Wiesenhof", "Weserland", "Xaver",     "Ybbstaler",   "Zillertal", "Zuckerbaeck", "Gartenfrisch",
};
constexpr std::array kDescriptors = {
    "Organic",   "Classic", "Fresh",   "Light",   "Smoked",  "Whole",      "Crunchy", "Creamy", "Spicy",
    "Sweet",     "Salted",  "Roasted", "Natural", "Premium", "Family",     "Mini",    "Extra",  "Wild",
    "Golden",    "Dark",    "Mild",    "Farmers", "Rustic",  "Alpine",     "Garden",  "Lemon",  "Vanilla",
    "Chocolate", "Honey",   "Herb",    "Garlic",  "Pepper",  "Strawberry", "Apple",   "Cherry", "Coconut",
};
constexpr std::array kProducts = {
    "Apple juice",    "Orange juice", "Mineral water", "Lemonade",     "Cola",       "Beer",         "Red wine",
    "White wine",     "Coffee beans", "Ground coffee", "Black tea",    "Green tea",  "Milk",         "Yoghurt",
    "Butter",         "Cheese",       "Gouda",         "Emmental",     "Mozzarella", "Cream cheese", "Eggs",
    "Bread",          "Bread rolls",  "Toast",         "Croissants",   "Muesli",     "Cornflakes",   "Oats",
    "Spaghetti",      "Penne",        "Rice",          "Tomato sauce", "Pesto",      "Olive oil",    "Sunflower oil",
    "Vinegar",        "Mustard",      "Ketchup",       "Mayonnaise",   "Salami",     "Ham",          "Sausages",
    "Chicken breast", "Salmon",       "Tuna",          "Chips",        "Pretzels",   "Biscuits",     "Chocolate bar",
    "Gummy bears",    "Ice cream",    "Pizza",         "Soup",         "Dish soap",  "Shampoo",      "Toothpaste",
    "Paper towels",   "Detergent",    "Cat food",      "Dog food",
};
constexpr std::array kSizes = {"100g",  "125g", "200g", "250g", "400g", "500g",   "750g",   "1kg",
                               "0.33L", "0.5L", "0.7L", "1L",   "1.5L", "6x1.5L", "10 pcs", "4 pcs"};
constexpr std::array kCategories = {"beverages", "dairy",  "bakery", "pantry",    "meat",
                                    "fish",      "snacks", "frozen", "household", "pets"};

template <typename Words>
const char* pick(std::mt19937_64& rng, const Words& words) {
    return words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng)];
}

// EAN-13 from its first 12 digits: appends the GS1 check digit.
std::string ean13(std::uint64_t first12) {
    std::string digits = std::to_string(first12);
    digits.insert(0, 12 - digits.size(), '0');
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    digits += static_cast<char>('0' + (10 - sum % 10) % 10);
    return digits;
}

struct GeneratedItem {
    kiosk::Item item;
    std::vector<std::string> barcodes;
};

// Numeric 7-digit skus (1000000..) in import order, as an ERP export delivers them; names arrive
// in random order, which is the realistic case for the name_key index.
std::vector<GeneratedItem> generateCatalog(std::mt19937_64& rng) {
    const core::Decimal vat19 = core::Decimal::fromInt(19), vat7 = core::Decimal::fromInt(7);
    std::vector<GeneratedItem> items(sizes.items);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<std::int64_t> price(19, 9999);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& g = items[i];
        g.item.sku = std::to_string(1'000'000 + i);
        g.item.name = std::string(pick(rng, kBrands)) + " " + pick(rng, kDescriptors) + " " + pick(rng, kProducts) +
                      " " + pick(rng, kSizes);
        g.item.priceMinor = price(rng);
        const bool standard = percent(rng) < 70;
        g.item.taxCode = standard ? "VAT19" : "VAT7";
        g.item.taxRate = standard ? vat19 : vat7;
        g.item.category = pick(rng, kCategories);
        g.item.ageRestricted = percent(rng) < 2;
        g.item.soldByWeight = percent(rng) < 3;
        // Disjoint GS1 prefix ranges keep every barcode unique; 40% of items carry a second one
        // (multipack or older packaging).
        g.barcodes.push_back(ean13(400'000'000'000ULL + i));
        if (percent(rng) < 40) g.barcodes.push_back(ean13(420'000'000'000ULL + i));
    }
    return items;
}

// The seed document importSeed takes: terminal settings, the two tax codes and the items (no
// staff), with prices as decimal strings in EUR.
nlohmann::json seedOf(const std::vector<GeneratedItem>& items) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& g : items) {
        char price[32];
        std::snprintf(price, sizeof price, "%lld.%02lld", static_cast<long long>(g.item.priceMinor / 100),
                      static_cast<long long>(g.item.priceMinor % 100));
        list.push_back({{"sku", g.item.sku},
                        {"name", g.item.name},
                        {"price", price},
                        {"tax_code", g.item.taxCode},
                        {"category", g.item.category},
                        {"age_restricted", g.item.ageRestricted},
                        {"sold_by_weight", g.item.soldByWeight},
                        {"barcodes", g.barcodes}});
    }
    return {
        {"terminal",
         {{"store", "s1"},
          {"terminal", "t1"},
          {"currency", "EUR"},
          {"tax_mode", "inclusive"},
          {"tax_rounding", "per_line"},
          {"rounding_mode", "half_up"}}},
        {"price_version", 1},
        {"tax_codes",
         {{{"code", "VAT19"}, {"rate", "19"}, {"name", "standard"}},
          {{"code", "VAT7"}, {"rate", "7"}, {"name", "reduced"}}}},
        {"items", std::move(list)},
    };
}

// ---- the shared catalog ----

struct CatalogDb {
    kt::TempDir dir = bench::orDie("creating a temp dir", [] { return kt::TempDir(); });
    std::string path;
    std::unique_ptr<core::Database> db;
    std::unique_ptr<kiosk::Catalog> catalog;
    double importSeconds = 0.0;
    // Lookup keys, warm-up + samples each, drawn once so every benchmark and its baseline agree.
    std::vector<std::string> hits, misses, namePrefixes, skuPrefixes;

    void open() {
        db = must(kiosk::openTerminalDb(path), "opening the catalog db");
        catalog = std::make_unique<kiosk::Catalog>(*db);
    }
    void close() {
        catalog.reset();
        db.reset();
    }
    // The database's logical size (page_count x page_size): the file alone misses what still sits
    // in the WAL right after the import.
    double sizeMb() {
        auto query = [&](const char* sql) {
            auto stmt = must(db->prepare(sql), sql);
            if (!must(stmt.step(), sql)) die(std::string("no answer to ") + sql);
            return static_cast<double>(stmt.int64(0));
        };
        return query("PRAGMA page_count") * query("PRAGMA page_size") / 1e6;
    }
};

std::unique_ptr<CatalogDb> importCatalog() {
    auto c = std::make_unique<CatalogDb>();
    c->path = c->dir.file("catalog.db");
    c->open();
    std::mt19937_64 rng(20'240'601);
    const auto items = generateCatalog(rng);
    const nlohmann::json seed = seedOf(items);
    core::SystemClock clock;

    const auto t0 = Clock::now();
    const auto report =
        must(kiosk::importSeed(*c->db, clock, seed, core::HashStrength::Minimum), "importing the catalog");
    c->importSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (report.taxCodes != 2 || report.items != static_cast<int>(items.size()) || !report.quarantined.empty()) {
        die("the import applied " + std::to_string(report.items) + " of " + std::to_string(items.size()) + " items (" +
            std::to_string(report.quarantined.size()) + " quarantined)");
    }

    const std::size_t n = sizes.warmup() + sizes.samples;
    std::uniform_int_distribution<std::size_t> anyItem(0, items.size() - 1);
    std::uniform_int_distribution<std::uint64_t> inStore(0, 999'999'999);
    std::uniform_int_distribution<std::size_t> nameLength(2, 4), skuLength(3, 6);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& hit = items[anyItem(rng)];
        c->hits.push_back(hit.barcodes[anyItem(rng) % hit.barcodes.size()]);
        // 29x is the GS1 in-store range, never issued by generateCatalog: a guaranteed miss.
        c->misses.push_back(ean13(290'000'000'000ULL + inStore(rng)));
        c->namePrefixes.push_back(items[anyItem(rng)].item.name.substr(0, nameLength(rng)));
        c->skuPrefixes.push_back(items[anyItem(rng)].item.sku.substr(0, skuLength(rng)));
    }
    return c;
}

std::unique_ptr<CatalogDb>& sharedSlot() {
    static std::unique_ptr<CatalogDb> shared;
    return shared;
}

CatalogDb& shared() {
    auto& slot = sharedSlot();
    if (!slot) slot = importCatalog();
    return *slot;
}

// ---- benchmarks ----

void BM_CatalogImport(benchmark::State& state) {
    std::unique_ptr<CatalogDb> imported;
    for (auto _ : state) {
        imported = importCatalog();
        state.SetIterationTime(imported->importSeconds);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sizes.items));
    state.counters["items"] = static_cast<double>(sizes.items);
    state.counters["db_mb"] = imported->sizeMb();
    // The lookups below reuse this catalog rather than importing a second one.
    if (!sharedSlot()) sharedSlot() = std::move(imported);
}

// Database::open as the terminal does at start: no other connection open, page cache warm
// (the file was just written; a cold start after boot is slower). Arg: 1 = quick_check, 0 = none.
void BM_CatalogOpen(benchmark::State& state) {
    CatalogDb& c = shared();
    c.close();
    core::OpenOptions options;
    options.integrity = state.range(0) ? core::IntegrityCheck::Quick : core::IntegrityCheck::None;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        auto db = kiosk::openTerminalDb(c.path, options);
        const auto t1 = Clock::now();
        if (!db.ok()) {
            state.SkipWithError(db.status().toString().c_str());
            break;
        }
        state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    }
    c.open();
    state.counters["db_mb"] = c.sizeMb();
}

// Involuntary context switches of the calling thread so far.
long preemptions() {
    rusage usage{};
    ::getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_nivcsw;
}

// Times call(key) once per iteration over keys[warm-up..]; call returns false on a wrong answer.
// On a shared machine a call that loses the CPU to another process takes a whole scheduler slice
// (~4 ms) and lands in the p99; the preemption count, read outside the timed region, marks those
// calls so p99_unpreempted_us can tell the code's tail from the machine's.
template <typename Call>
void measureCalls(benchmark::State& state, const std::vector<std::string>& keys, Call&& call) {
    for (std::size_t i = 0; i < sizes.warmup(); ++i) {
        if (!call(keys[i])) {
            state.SkipWithError(("wrong answer for " + keys[i]).c_str());
            return;
        }
    }
    std::vector<double> micros, unpreempted;
    micros.reserve(sizes.samples);
    unpreempted.reserve(sizes.samples);
    std::size_t next = sizes.warmup();
    for (auto _ : state) {
        const std::string& key = keys[next++ % keys.size()];
        const long switches = preemptions();
        const auto t0 = Clock::now();
        const bool ok = call(key);
        const auto t1 = Clock::now();
        const bool preempted = preemptions() != switches;
        if (!ok) {
            state.SkipWithError(("wrong answer for " + key).c_str());
            break;
        }
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        micros.push_back(seconds * 1e6);
        if (!preempted) unpreempted.push_back(seconds * 1e6);
        state.SetIterationTime(seconds);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["preempted"] = static_cast<double>(micros.size() - unpreempted.size());
    state.counters["p50_us"] = bench::percentile(micros, 50);
    state.counters["p99_us"] = bench::percentile(micros, 99);
    state.counters["p99_unpreempted_us"] = bench::percentile(unpreempted, 99);
}

void BM_BarcodeLookup(benchmark::State& state) {
    CatalogDb& c = shared();
    measureCalls(state, c.hits, [&](const std::string& code) {
        auto item = c.catalog->byBarcode(code);
        benchmark::DoNotOptimize(item);
        return item.ok();
    });
}

void BM_BarcodeLookupUnknown(benchmark::State& state) {
    CatalogDb& c = shared();
    measureCalls(state, c.misses, [&](const std::string& code) {
        auto item = c.catalog->byBarcode(code);
        benchmark::DoNotOptimize(item);
        return item.status().kind() == core::ErrorKind::NotFound;
    });
}

void searchBenchmark(benchmark::State& state, const std::vector<std::string>& prefixes) {
    CatalogDb& c = shared();
    std::int64_t calls = 0, results = 0;  // warm-up calls included: they draw from the same prefixes
    measureCalls(state, prefixes, [&](const std::string& prefix) {
        auto found = c.catalog->search(prefix, kSearchLimit);
        if (!found.ok() || found->empty()) return false;
        ++calls;
        results += static_cast<std::int64_t>(found->size());
        return true;
    });
    state.counters["results"] = calls > 0 ? static_cast<double>(results) / static_cast<double>(calls) : 0.0;
}

void BM_SearchNamePrefix(benchmark::State& state) {
    searchBenchmark(state, shared().namePrefixes);
}
void BM_SearchSkuPrefix(benchmark::State& state) {
    searchBenchmark(state, shared().skuPrefixes);
}

// The baseline: its own connection to the same file (same open flags and pragmas, default page
// cache like the engine's), the same SQL as Catalog::byBarcode, prepared once, text bound
// without a copy, and the 8 columns copied into reused buffers, which is the least any caller
// that hands an item on has to do.
class RawLookup {
public:
    explicit RawLookup(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
            sqlite3_exec(m_db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", nullptr, nullptr, nullptr) !=
                SQLITE_OK ||
            sqlite3_prepare_v3(m_db,
                               "SELECT i.sku, i.name, i.price_minor, i.tax_code, t.rate, i.category, i.age_restricted,"
                               " i.sold_by_weight FROM barcodes b JOIN items i ON i.sku = b.sku"
                               " JOIN tax_codes t ON t.code = i.tax_code WHERE b.code = ?",
                               -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
            die(std::string("raw lookup setup: ") + sqlite3_errmsg(m_db));
        }
    }
    ~RawLookup() {
        sqlite3_finalize(m_stmt);
        sqlite3_close(m_db);
    }
    RawLookup(const RawLookup&) = delete;
    RawLookup& operator=(const RawLookup&) = delete;

    // 1 found, 0 not found, -1 error.
    int lookup(const std::string& code) {
        sqlite3_bind_text(m_stmt, 1, code.data(), static_cast<int>(code.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            m_sku.assign(text(0));
            m_name.assign(text(1));
            m_price = sqlite3_column_int64(m_stmt, 2);
            m_taxCode.assign(text(3));
            m_rate.assign(text(4));
            m_category.assign(text(5));
            m_flags = sqlite3_column_int64(m_stmt, 6) * 2 + sqlite3_column_int64(m_stmt, 7);
            benchmark::DoNotOptimize(m_price);
            benchmark::DoNotOptimize(m_flags);
        }
        sqlite3_reset(m_stmt);
        return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    }

private:
    const char* text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
        return p ? p : "";
    }
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sku, m_name, m_taxCode, m_rate, m_category;
    std::int64_t m_price = 0, m_flags = 0;
};

void BM_RawBarcodeLookup(benchmark::State& state) {
    CatalogDb& c = shared();
    RawLookup raw(c.path);
    measureCalls(state, c.hits, [&](const std::string& code) { return raw.lookup(code) == 1; });
}

void BM_RawBarcodeLookupUnknown(benchmark::State& state) {
    CatalogDb& c = shared();
    RawLookup raw(c.path);
    measureCalls(state, c.misses, [&](const std::string& code) { return raw.lookup(code) == 0; });
}

void registerBenchmarks() {
    using benchmark::RegisterBenchmark;
    const auto samples = static_cast<benchmark::IterationCount>(sizes.samples);
    RegisterBenchmark("BM_CatalogImport", BM_CatalogImport)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    RegisterBenchmark("BM_CatalogOpen", BM_CatalogOpen)
        ->Arg(1)
        ->Arg(0)
        ->ArgName("quick_check")
        ->Iterations(5)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    const std::pair<const char*, void (*)(benchmark::State&)> calls[] = {
        {"BM_BarcodeLookup", BM_BarcodeLookup},
        {"BM_RawBarcodeLookup", BM_RawBarcodeLookup},
        {"BM_BarcodeLookupUnknown", BM_BarcodeLookupUnknown},
        {"BM_RawBarcodeLookupUnknown", BM_RawBarcodeLookupUnknown},
        {"BM_SearchNamePrefix", BM_SearchNamePrefix},
        {"BM_SearchSkuPrefix", BM_SearchSkuPrefix},
    };
    for (const auto& [name, function] : calls) {
        RegisterBenchmark(name, function)->Iterations(samples)->UseManualTime()->Unit(benchmark::kMicrosecond);
    }
}

// "--name=N" into value; false if arg is another flag.
}  // namespace

int main(int argc, char** argv) {
    // Our flags come out first: GoogleBenchmark refuses flags it does not know.
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i > 0 && (bench::sizeFlag(arg, "--catalog_items=", sizes.items) ||
                      bench::sizeFlag(arg, "--catalog_samples=", sizes.samples))) {
            continue;
        }
        args.push_back(argv[i]);
    }
    const int result = bench::runBenchmarks(std::move(args), registerBenchmarks);
    // The shared catalog's temp dir goes before exit, not in a static destructor after it.
    sharedSlot().reset();
    return result;
}

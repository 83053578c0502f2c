#pragma once
// The terminal's own SQLite database: schema and the settings it carries.

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/database.h"
#include "core/money.h"
#include "core/tax.h"

namespace frontdesk::kiosk {

[[nodiscard]] const core::Schema& terminalSchema();

// What a sale is priced under: the tax rules and the version of the price and tax data. Master
// data may change both while the till runs; a sale reads them once, when it begins, and keeps
// them to its end (see SaleBoundary), and records the version.
struct Pricing {
    core::TaxPolicy tax;
    std::int64_t priceVersion = 0;  // version of the catalog/prices dataset in force
};

// A store's own limits on cash leaving the till with no sale behind it. Beyond them the till
// refuses, naming the limit: such amounts are a back-office matter. Set per store in the seed
// (terminal.max_refund_without_receipt, terminal.max_paid_out); a database provisioned before
// they existed uses the defaults.
struct StoreLimits {
    std::int64_t maxRefundWithoutReceiptMinor = 0;  // a refund without a receipt: its total
    std::int64_t maxPaidOutMinor = 0;               // one paid-out
    // 100 and 200 in the currency's major units (100.00 EUR, 100 JPY: set them for such currencies).
    static StoreLimits defaults(const core::Currency& currency);
};

// What a receipt's header and footer say about the store: its trading name, address lines and
// VAT (tax) id, as the law of most countries asks a receipt to show, and a closing line. Set in
// the seed (terminal.receipt); empty until then.
struct StoreHeader {
    std::string name;
    std::vector<std::string> address;  // at most 4 lines
    std::string vatId;
    std::string footer;
    static constexpr std::size_t kMaxAddressLines = 4;
    static constexpr std::size_t kMaxLineBytes = 96;
};

// Who this terminal is and the rules it sells under. Stored in the settings table; written by
// the seed/provisioning import. Identity, currency and the lockout rules are read once at start
// (they change only with re-provisioning and a restart); pricing is re-read by every sale.
struct TerminalSettings {
    std::string store = "s1";
    std::string terminal = "t1";
    core::Currency currency;
    Pricing pricing;
    int maxFailedLogins = 5;  // consecutive wrong PINs before a lockout
    int lockoutSeconds = 300;
    StoreLimits limits;
    StoreHeader header;
};

// Opens the terminal database at path; with the default options, creating it if needed. The till
// opens with create = false unless it is provisioning (see provisionTerminalDb).
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> openTerminalDb(const std::string& path,
                                                                           const core::OpenOptions& options = {});
// Opens the terminal database at path, creating it if needed, and provisions it (e.g. imports a
// seed). If opening or provisioning fails and this call created the file, it removes the file and
// its -wal and -shm: a refused provisioning leaves the file system as it found it.
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> provisionTerminalDb(
    const std::string& path, const std::function<core::Status(core::Database&)>& provision);

// InvalidArgument naming the field ("receipt.address[1] ...") for a line too long or with a control
// character, or too many address lines.
[[nodiscard]] core::Status validateHeader(const StoreHeader& header);

// The touchscreen's mode as the back office's terminal configuration sets it ("mode": "cashier",
// "reception" or "self-service"; docs/master-data.md): nullopt when no configuration was received
// or it names no mode, InvalidArgument for a mode the kiosk does not have.
[[nodiscard]] core::Result<std::optional<std::string>> configuredMode(core::Database& db);

// Loads settings; FailedPrecondition if the terminal was never provisioned.
[[nodiscard]] core::Result<TerminalSettings> loadSettings(core::Database& db);
// The pricing in force now (one indexed read of the settings table).
[[nodiscard]] core::Result<Pricing> loadPricing(core::Database& db);
// Just the price version in force now (one indexed row): cheap enough to check on every scan.
[[nodiscard]] core::Result<std::int64_t> currentPriceVersion(core::Database& db);
// The master-data datasets the terminal takes (docs/master-data.md); manifests of others are ignored.
inline constexpr std::array<std::string_view, 5> kTakenDatasets = {"catalog", "members", "bookings", "blocklist",
                                                                   "staff"};
// The version of a dataset the terminal runs (0: none yet), nullopt for one it does not take. The
// catalog's is the price version; the others' are kept in dataset_versions.
[[nodiscard]] core::Result<std::optional<std::int64_t>> runningDatasetVersion(core::Database& db,
                                                                              std::string_view dataset);
// Every dataset taken, with the version it runs (what a birth message reports).
[[nodiscard]] core::Result<std::map<std::string, std::int64_t>> runningDatasetVersions(core::Database& db);
// Records the version now applied of a dataset other than the catalog (inside the apply's transaction).
[[nodiscard]] core::Status setRunningDatasetVersion(core::Database& db, const std::string& dataset,
                                                    std::int64_t version);
// Validates and stores settings (inside the caller's transaction, if any).
[[nodiscard]] core::Status saveSettings(core::Database& db, const TerminalSettings& settings);
// Store and terminal ids: [a-z0-9-], 1..11 characters each so "{store}-{terminal}" fits MQTT's 23.
[[nodiscard]] core::Status validateTerminalId(const std::string& what, const std::string& id);

}  // namespace frontdesk::kiosk

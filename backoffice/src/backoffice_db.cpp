#include "backoffice/backoffice_db.h"

#include "core/money.h"
#include "sync/ingest_ledger.h"
#include "sync/topics.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;

namespace {

// Version 2: stores, the ledger, stock and shifts. (Version 1 is the sync ingest ledger.)
// Amounts are *_minor INTEGER in the store's currency; quantities are *_milli INTEGER, thousandths
// of a unit (the till allows three decimals), so that on hand is an exact SQL sum of moves.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  currency TEXT NOT NULL,
  tax_mode TEXT NOT NULL,
  tax_rounding TEXT NOT NULL,
  rounding_mode TEXT NOT NULL
);

CREATE TABLE accounts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'revenue', 'expense'))
);
CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  store TEXT NOT NULL,
  at TEXT NOT NULL,
  currency TEXT NOT NULL,
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  memo TEXT NOT NULL
);
CREATE INDEX journal_entries_at ON journal_entries(store, at);
CREATE TABLE journal_lines (
  entry INTEGER NOT NULL REFERENCES journal_entries(id),
  account TEXT NOT NULL REFERENCES accounts(code),
  debit_minor INTEGER NOT NULL CHECK (debit_minor >= 0),
  credit_minor INTEGER NOT NULL CHECK (credit_minor >= 0),
  CHECK ((debit_minor = 0) <> (credit_minor = 0))
);
CREATE INDEX journal_lines_entry ON journal_lines(entry);
CREATE INDEX journal_lines_account ON journal_lines(account);
-- Nothing in the ledger is ever changed or removed: corrections are new entries.
CREATE TRIGGER journal_entries_kept BEFORE UPDATE ON journal_entries BEGIN SELECT RAISE(ABORT, 'journal entries are never changed'); END;
CREATE TRIGGER journal_entries_never_deleted BEFORE DELETE ON journal_entries BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted'); END;
CREATE TRIGGER journal_lines_kept BEFORE UPDATE ON journal_lines BEGIN SELECT RAISE(ABORT, 'journal lines are never changed'); END;
CREATE TRIGGER journal_lines_never_deleted BEFORE DELETE ON journal_lines BEGIN SELECT RAISE(ABORT, 'journal lines are never deleted'); END;

CREATE TABLE stock_moves (
  id INTEGER PRIMARY KEY,
  store TEXT NOT NULL,
  sku TEXT NOT NULL,
  qty_milli INTEGER NOT NULL,        -- into stock positive, out negative
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'received', 'adjustment', 'transfer_in', 'transfer_out', 'count')),
  reason TEXT NOT NULL,
  event_id TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX stock_moves_item ON stock_moves(store, sku);
-- SKUs that events named but the back office's catalog does not know: kept, flagged for review.
CREATE TABLE skus_to_review (
  store TEXT NOT NULL,
  sku TEXT NOT NULL,
  first_event TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY (store, sku)
);
-- The store's catalog as last imported; every import is also kept whole as a catalog version.
CREATE TABLE items (
  store TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  price_minor INTEGER NOT NULL,
  tax_code TEXT NOT NULL,
  tax_rate TEXT NOT NULL,
  barcodes TEXT NOT NULL,            -- JSON array
  category TEXT,
  age_restricted INTEGER NOT NULL DEFAULT 0,
  sold_by_weight INTEGER NOT NULL DEFAULT 0,
  cost_minor INTEGER,                -- unit cost, for the cost of goods sold; NULL: not known
  PRIMARY KEY (store, sku)
);
CREATE TABLE catalog_versions (
  store TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  items INTEGER NOT NULL,
  body BLOB NOT NULL,                -- the catalog dataset (docs/master-data.md), as published
  PRIMARY KEY (store, version)
);

-- A shift is recorded by its first event: usually shift.opened; a sale that arrives before it
-- (out of order, after a gap) records the shift with its opening still NULL until it comes.
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  opened_by TEXT,
  opened_at TEXT,
  float_minor INTEGER,
  closed_at TEXT,
  expected_minor INTEGER,            -- the terminal's figure
  counted_minor INTEGER,
  cash_in_minor INTEGER NOT NULL DEFAULT 0,   -- cash sales less change, paid in
  cash_out_minor INTEGER NOT NULL DEFAULT 0,  -- cash refunds, paid out
  card_minor INTEGER NOT NULL DEFAULT 0       -- card sales less card refunds
);
)sql";

// Version 3: reconciliation, one record per closed shift: reconciled (the over/short posted) or
// disputed, by whom, when, why.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE reconciliations (
  shift TEXT PRIMARY KEY REFERENCES shifts(id),
  status TEXT NOT NULL CHECK (status IN ('reconciled', 'disputed')),
  by_user TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  override_reason TEXT,              -- why it was reconciled with events missing
  variance_minor INTEGER NOT NULL,   -- counted - expected, as the back office computed it
  entry INTEGER REFERENCES journal_entries(id)
);
)sql";

// Version 4: the people who use the back office (not the tills' staff), their sessions, failed
// logins (for the lockout), and the audit trail of what they did. Passwords are Argon2id hashes;
// a session is kept only as the SHA-256 of its token, so a copy of the database logs nobody in.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'manager', 'admin')),
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(username);
-- Failed logins per key ("user:NAME" or "addr:IP") in the current window.
CREATE TABLE login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL                -- JSON
);
CREATE TRIGGER audit_log_kept BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit rows are never changed'); END;
CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit rows are never deleted'); END;
)sql";


// Version 5: inventory (backoffice/inventory.h). Every manual stock operation is one document
// whose moves (stock_moves.event_id) and journal entry (entry) refer to it; documents and their
// lines are never changed or deleted. Reorder points are settings, kept per store and SKU.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE stock_documents (
  id TEXT PRIMARY KEY,               -- UUIDv7
  store TEXT NOT NULL REFERENCES stores(id),
  kind TEXT NOT NULL CHECK (kind IN ('received', 'adjustment', 'transfer', 'count')),
  to_store TEXT REFERENCES stores(id),  -- a transfer's receiving store
  reference TEXT NOT NULL,           -- delivery note, transfer slip, count sheet
  reason TEXT NOT NULL,              -- an adjustment's: damaged, theft, found, ...
  by_user TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  entry INTEGER REFERENCES journal_entries(id),  -- what it booked (NULL: nothing)
  CHECK ((kind = 'transfer') = (to_store IS NOT NULL))
);
CREATE INDEX stock_documents_at ON stock_documents(store, at);
CREATE TABLE stock_document_lines (
  document TEXT NOT NULL REFERENCES stock_documents(id),
  position INTEGER NOT NULL,         -- its place among the document's lines, from 0
  sku TEXT NOT NULL,
  qty_milli INTEGER NOT NULL,        -- received, adjusted (signed), transferred, or counted
  on_hand_milli INTEGER,             -- a count's: on hand before it
  unit_cost_minor INTEGER,           -- the cost it was valued at (NULL: not known)
  value_minor INTEGER,               -- what it booked, into inventory positive (NULL: nothing)
  PRIMARY KEY (document, position)
);
CREATE TRIGGER stock_documents_kept BEFORE UPDATE ON stock_documents BEGIN SELECT RAISE(ABORT, 'stock documents are never changed'); END;
CREATE TRIGGER stock_documents_never_deleted BEFORE DELETE ON stock_documents BEGIN SELECT RAISE(ABORT, 'stock documents are never deleted'); END;
CREATE TRIGGER stock_document_lines_kept BEFORE UPDATE ON stock_document_lines BEGIN SELECT RAISE(ABORT, 'stock document lines are never changed'); END;
CREATE TRIGGER stock_document_lines_never_deleted BEFORE DELETE ON stock_document_lines BEGIN SELECT RAISE(ABORT, 'stock document lines are never deleted'); END;
CREATE INDEX stock_moves_event ON stock_moves(event_id);

CREATE TABLE reorder_points (
  store TEXT NOT NULL REFERENCES stores(id),
  sku TEXT NOT NULL,
  reorder_point_milli INTEGER NOT NULL CHECK (reorder_point_milli >= 0),
  target_milli INTEGER CHECK (target_milli IS NULL OR target_milli > reorder_point_milli),
  order_multiple_milli INTEGER CHECK (order_multiple_milli IS NULL OR order_multiple_milli > 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (store, sku)
);
)sql";

// Version 6: staffing. Employees (PINs as Argon2id hashes, badges as core::badgeDigest), the
// versions of datasets other than the catalog cut for the terminals (the staff dataset), the
// rota, and the time clock's punches from the terminals' clock.in / clock.out events.
constexpr const char* kMigration6 = R"sql(
CREATE TABLE employees (
  id TEXT PRIMARY KEY,               -- the staff id the terminals know
  store TEXT NOT NULL REFERENCES stores(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'receptionist', 'clerk', 'admin')),
  pin_hash TEXT,                     -- NULL: cannot log in at a terminal
  badge_sha256 TEXT UNIQUE,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE TABLE dataset_versions (
  dataset TEXT NOT NULL,
  store TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  records INTEGER NOT NULL,
  body BLOB NOT NULL,                -- as published (docs/master-data.md)
  PRIMARY KEY (dataset, store, version)
);
CREATE TABLE rota (
  id INTEGER PRIMARY KEY,
  store TEXT NOT NULL,
  employee TEXT NOT NULL REFERENCES employees(id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rota_period ON rota(store, starts_at);
CREATE TABLE punches (
  event_id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  employee TEXT NOT NULL,            -- as the event names them: kept even when unknown here
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  at TEXT NOT NULL,
  method TEXT NOT NULL
);
CREATE INDEX punches_period ON punches(store, at);
)sql";

}  // namespace

const core::Schema& backOfficeSchema() {
    static const core::Schema schema{0x46444241, "back-office database",
                                     {{1, sync::IngestLedger::schemaSql()}, {2, kMigration2}, {3, kMigration3}, {4, kMigration4},
                                      {5, kMigration5}, {6, kMigration6}}};
    return schema;
}

Result<std::unique_ptr<core::Database>> openBackOfficeDb(const std::string& path, bool create) {
    return core::Database::open(path, backOfficeSchema(), core::OpenOptions{.create = create});
}

Status saveStore(core::Database& db, const StoreSettings& s) {
    FD_TRY(sync::validateStoreId(s.id));
    FD_TRY(core::currencyByCode(s.currency).status());
    FD_ASSIGN(auto* stmt, db.cached("INSERT INTO stores (id, currency, tax_mode, tax_rounding, rounding_mode)"
                                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET currency = excluded.currency,"
                                    " tax_mode = excluded.tax_mode, tax_rounding = excluded.tax_rounding,"
                                    " rounding_mode = excluded.rounding_mode"));
    return stmt->bindAll(s.id, s.currency, std::string(core::taxModeName(s.tax.mode)),
                         std::string(core::taxRoundingName(s.tax.rounding)),
                         std::string(core::roundingModeName(s.tax.roundingMode)))
        .run();
}

Result<StoreSettings> loadStore(core::Database& db, const std::string& id) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT currency, tax_mode, tax_rounding, rounding_mode FROM stores WHERE id = ?"));
    StoreSettings s;
    s.id = id;
    std::string mode, rounding, roundingMode;
    Status found = stmt->bind(1, id).firstRow(
        [&](const core::Statement& row) {
            s.currency = row.text(0);
            mode = row.text(1);
            rounding = row.text(2);
            roundingMode = row.text(3);
        },
        "store " + id + " is not configured in the back office (frontdesk-backoffice store add)");
    stmt->reset();
    FD_TRY(found);
    FD_ASSIGN(s.tax.mode, core::parseTaxMode(mode));
    FD_ASSIGN(s.tax.rounding, core::parseTaxRounding(rounding));
    FD_ASSIGN(s.tax.roundingMode, core::parseRoundingMode(roundingMode));
    return s;
}

}  // namespace frontdesk::backoffice

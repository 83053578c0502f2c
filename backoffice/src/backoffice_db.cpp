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

// Version 7: reports (backoffice/sales_reports.h). Each sale and refund as the effects took it
// in, summed per tax rate and listed per tender, so that the sales reports and the back office's
// own Z report read rows instead of event payloads (which are not kept); the shifts' cash moves;
// and the terminal's Z report as it sent it (the shift.closed payload), to set beside ours. Filled
// in the ingest transaction of each event. Amounts are as the event states them: a refund's are
// positive too, its kind says which way they go.
constexpr const char* kMigration7 = R"sql(
CREATE TABLE sales (
  event_id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  shift TEXT NOT NULL,
  staff TEXT NOT NULL,               -- the envelope's: who was logged in at the till
  at TEXT NOT NULL,                  -- the event's time, ISO 8601 UTC with milliseconds
  day TEXT NOT NULL,                 -- its UTC day, YYYY-MM-DD
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
  receipt TEXT NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  rounding_minor INTEGER NOT NULL    -- cash rounding: due = gross + rounding
);
CREATE INDEX sales_period ON sales(store, at);
CREATE INDEX sales_shift ON sales(shift);
CREATE TABLE sale_rates (
  event_id TEXT NOT NULL REFERENCES sales(event_id),
  tax_code TEXT NOT NULL,
  rate TEXT NOT NULL,                -- percent, as the event states it ("19", "7.5")
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  PRIMARY KEY (event_id, tax_code)
);
CREATE TABLE sale_tenders (
  event_id TEXT NOT NULL REFERENCES sales(event_id),
  position INTEGER NOT NULL,         -- its place in the event's tenders, from 0
  method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_minor INTEGER NOT NULL,     -- tendered (a refund's: paid back)
  change_minor INTEGER NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE TABLE cash_moves (
  event_id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  shift TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out')),
  amount_minor INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX cash_moves_shift ON cash_moves(shift);
CREATE TABLE z_reports (
  shift TEXT PRIMARY KEY REFERENCES shifts(id),
  event_id TEXT NOT NULL,
  body TEXT NOT NULL                 -- the shift.closed payload as the terminal sent it (JSON)
);
)sql";

// Version 8: customers and reception. One customer record joins what the front desk and the back
// office both know of a person: memberships, bookings, visits (check-ins, check-outs), purchases
// and refunds. Member cards are kept as core::badgeDigest, like staff badges. Erasure (GDPR art.
// 17) pseudonymizes the customer's own rows in place; the ledger, stock and audit rows carry no
// personal data and stay as they are. dataset_dirty marks the reception datasets to cut again.
constexpr const char* kMigration8 = R"sql(
CREATE TABLE customers (
  id TEXT PRIMARY KEY,               -- UUIDv7
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  erased_at TEXT                     -- set when erased: name is then a pseudonym
);
CREATE INDEX customers_name ON customers(name COLLATE NOCASE);
CREATE TABLE members (
  id TEXT PRIMARY KEY,               -- the membership id, printed on the card
  store TEXT NOT NULL REFERENCES stores(id),
  customer TEXT NOT NULL REFERENCES customers(id),
  card_sha256 TEXT UNIQUE,
  valid_until TEXT NOT NULL,         -- YYYY-MM-DD, the last day it is valid
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),  -- expired: past valid_until
  updated_at TEXT NOT NULL
);
CREATE INDEX members_customer ON members(customer);
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,               -- UUIDv7, in the booking's QR code
  store TEXT NOT NULL REFERENCES stores(id),
  customer TEXT REFERENCES customers(id),
  name TEXT NOT NULL,                -- who is expected
  resource TEXT NOT NULL,            -- with whom, or which room or court
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'completed', 'cancelled')),
  checked_in_at TEXT,
  checked_out_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX bookings_period ON bookings(store, starts_at);
CREATE INDEX bookings_customer ON bookings(customer);
CREATE TABLE blocked_visitors (
  id INTEGER PRIMARY KEY,
  store TEXT NOT NULL REFERENCES stores(id),
  name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  removed_at TEXT
);
-- What the terminals reported at the desk: check-ins and check-outs of bookings and members,
-- visitors in and out.
CREATE TABLE visits (
  event_id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('checkin', 'checkout', 'visitor_in', 'visitor_out')),
  booking TEXT,
  member TEXT,
  customer TEXT,
  outcome TEXT NOT NULL,             -- admitted or refused
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}', -- a visitor's name, company and host (JSON)
  at TEXT NOT NULL
);
CREATE INDEX visits_customer ON visits(customer, at);
CREATE INDEX visits_member ON visits(member, at);
CREATE INDEX visits_period ON visits(store, at);
-- Sales and refunds that named a customer or member.
CREATE TABLE customer_sales (
  event_id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  customer TEXT,
  member TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
  receipt TEXT NOT NULL,
  gross_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  items TEXT NOT NULL,               -- [{"sku", "name", "qty"}] (JSON)
  at TEXT NOT NULL
);
CREATE INDEX customer_sales_customer ON customer_sales(customer, at);
CREATE INDEX customer_sales_member ON customer_sales(member, at);
CREATE TABLE dataset_dirty (
  dataset TEXT NOT NULL,
  store TEXT NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (dataset, store)
);
)sql";

}  // namespace

const core::Schema& backOfficeSchema() {
    static const core::Schema schema{0x46444241, "back-office database",
                                     {{1, sync::IngestLedger::schemaSql()}, {2, kMigration2}, {3, kMigration3}, {4, kMigration4},
                                      {5, kMigration5}, {6, kMigration6}, {7, kMigration7}, {8, kMigration8}}};
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

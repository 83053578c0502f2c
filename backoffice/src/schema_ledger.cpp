// The back office's schema, part one: the ledger, stock, shifts and their reconciliation, and
// the sales figures (migrations 2, 3, 5 and 7; backoffice_db.cpp lists them all).
#include "migrations.h"

namespace frontdesk::backoffice {

// Version 2: stores, the ledger, stock and shifts. (Version 1 is the sync ingest ledger.)
// Amounts are *_minor INTEGER in the store's currency; quantities are *_milli INTEGER, thousandths
// of a unit (the till allows three decimals), so that on hand is an exact SQL sum of moves.
const char* const kLedgerSchema = R"sql(
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
const char* const kReconciliationSchema = R"sql(
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

// Version 5: inventory (backoffice/inventory.h). Every manual stock operation is one document
// whose moves (stock_moves.event_id) and journal entry (entry) refer to it; documents and their
// lines are never changed or deleted. Reorder points are settings, kept per store and SKU.
const char* const kInventorySchema = R"sql(
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

// Version 7: reports (backoffice/sales_reports.h). Each sale and refund as the effects took it
// in, summed per tax rate and listed per tender, so that the sales reports and the back office's
// own Z report read rows instead of event payloads (which are not kept); the shifts' cash moves;
// and the terminal's Z report as it sent it (the shift.closed payload), to set beside ours. Filled
// in the ingest transaction of each event. Amounts are as the event states them: a refund's are
// positive too, its kind says which way they go.
const char* const kSalesSchema = R"sql(
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

}  // namespace frontdesk::backoffice

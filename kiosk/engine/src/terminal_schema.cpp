#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

namespace {

// Version 1: settings, catalog, staff, shifts, sales, cash moves, parked sales, outbox,
// quarantine and audit.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters (name, value) VALUES ('outbox_seq', 0), ('receipt_no', 0);

CREATE TABLE tax_codes (code TEXT PRIMARY KEY, rate TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE items (
  sku TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,            -- lower-cased name for prefix search
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  tax_code TEXT NOT NULL REFERENCES tax_codes(code),
  category TEXT,
  age_restricted INTEGER NOT NULL DEFAULT 0,
  sold_by_weight INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX items_name_key ON items(name_key);
CREATE TABLE barcodes (code TEXT PRIMARY KEY, sku TEXT NOT NULL REFERENCES items(sku) ON DELETE CASCADE);
CREATE INDEX barcodes_sku ON barcodes(sku);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
  pin_hash TEXT NOT NULL,            -- Argon2id encoded hash; the PIN itself is never stored
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
);

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  staff TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  float_minor INTEGER NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  expected_minor INTEGER,
  counted_minor INTEGER
);
CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE sales (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
  receipt_no TEXT NOT NULL UNIQUE,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  staff TEXT NOT NULL,
  at TEXT NOT NULL,
  currency TEXT NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  discount_minor INTEGER NOT NULL DEFAULT 0,
  original_sale TEXT REFERENCES sales(id),
  price_version INTEGER NOT NULL,
  reason TEXT,
  approved_by TEXT
);
CREATE INDEX sales_shift ON sales(shift_id);
CREATE INDEX sales_original ON sales(original_sale) WHERE original_sale IS NOT NULL;

CREATE TABLE sale_lines (
  sale_id TEXT NOT NULL REFERENCES sales(id),
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  qty TEXT NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  tax_code TEXT NOT NULL,
  tax_rate TEXT NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  original_line INTEGER,             -- for refunds: the line of the original sale
  approved_by TEXT,
  PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;

CREATE TABLE sale_tenders (
  sale_id TEXT NOT NULL REFERENCES sales(id),
  tender_no INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_minor INTEGER NOT NULL,
  change_minor INTEGER NOT NULL DEFAULT 0,
  card_brand TEXT,                   -- brand and last 4 only: never a card number or track data
  card_last4 TEXT CHECK (card_last4 IS NULL OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),
  auth_code TEXT,
  terminal_ref TEXT,
  PRIMARY KEY (sale_id, tender_no)
) WITHOUT ROWID;

CREATE TABLE voided_sales (
  id TEXT PRIMARY KEY,
  shift_id TEXT REFERENCES shifts(id),
  staff TEXT NOT NULL,
  approved_by TEXT,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  gross_minor INTEGER NOT NULL,
  lines INTEGER NOT NULL
);

CREATE TABLE cash_moves (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'no_sale')),
  amount_minor INTEGER NOT NULL,
  reason TEXT NOT NULL,
  staff TEXT NOT NULL,
  approved_by TEXT,
  at TEXT NOT NULL
);

CREATE TABLE parked_sales (
  id TEXT PRIMARY KEY,
  parked_at TEXT NOT NULL,
  staff TEXT NOT NULL,
  label TEXT NOT NULL,
  cart TEXT NOT NULL                 -- JSON: lines and discounts, no tenders
);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,           -- per-terminal, contiguous from 1, taken from counters
  id TEXT NOT NULL UNIQUE,           -- UUIDv7
  type TEXT NOT NULL,
  entity_id TEXT,                    -- the sale, shift or cash move the event records
  at TEXT NOT NULL,
  envelope TEXT NOT NULL,            -- the JSON envelope exactly as it is sent
  synced_at TEXT
);
CREATE INDEX outbox_unsynced ON outbox(seq) WHERE synced_at IS NULL;
CREATE UNIQUE INDEX outbox_entity ON outbox(type, entity_id) WHERE entity_id IS NOT NULL;

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  source TEXT NOT NULL,              -- what delivered it: "seed", "master:catalog", ...
  item_key TEXT,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  staff TEXT,
  action TEXT NOT NULL,
  approved_by TEXT,
  detail TEXT NOT NULL
);
)sql";

// Version 2: the card journal, and refunds that name the card payment they refund.
constexpr const char* kMigration2 = R"sql(
-- Approved card payments of sales not yet completed or voided. Written as soon as the payment
-- terminal approves, removed in the transaction that completes the sale (or once a void has
-- reversed it). A row left here after a crash is an authorization without a sale: the engine
-- reverses it on the next start.
CREATE TABLE card_authorizations (
  terminal_ref TEXT PRIMARY KEY,
  sale_id TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  card_brand TEXT NOT NULL,
  card_last4 TEXT NOT NULL,
  auth_code TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX card_authorizations_sale ON card_authorizations(sale_id);

-- Refunds to a card name the payment they refund, so each card gets back at most what it paid.
ALTER TABLE sale_tenders ADD COLUMN original_ref TEXT;
)sql";

// Version 3: finding a quarantined entry again, so that re-importing it adds no second row.
constexpr const char* kMigration3 = R"sql(
CREATE INDEX quarantine_entry ON quarantine(source, item_key);
)sql";

// Version 4: sync. The birth/death sequence of the terminal's broker connections (bdseq), which
// must grow across restarts; events are marked synced only by the back office's ack.
constexpr const char* kMigration4 = R"sql(
INSERT INTO counters (name, value) VALUES ('bdseq', 0);
)sql";

// Version 5: master data from the back office. The chunks of a dataset version are kept as they
// arrive (resuming a transfer where it stopped) until the version is applied; then deleted.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE dataset_chunks (
  dataset TEXT NOT NULL,
  version INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (dataset, version, idx)
);
)sql";

// Version 6: the staff time clock. One row per stay on the clock at this terminal: the clock-in
// punch, and once the member clocks out, the clock-out punch (each the entity of its outbox
// event). At most one open stay per member; the time is the event's envelope time.
constexpr const char* kMigration6 = R"sql(
CREATE TABLE time_clock (
  in_punch TEXT PRIMARY KEY,         -- UUIDv7 of the clock.in event's punch
  staff TEXT NOT NULL,
  in_at TEXT NOT NULL,
  out_punch TEXT UNIQUE,             -- of the clock.out event; NULL while clocked in
  out_at TEXT,
  CHECK ((out_punch IS NULL) = (out_at IS NULL))
);
CREATE UNIQUE INDEX time_clock_one_in ON time_clock(staff) WHERE out_at IS NULL;
CREATE INDEX time_clock_staff ON time_clock(staff, out_at);
)sql";

// Version 7: customers and reception.
//  - A sale, refund or parked sale names the customer and/or membership it is for (NULL: nobody).
//  - The back office's reception datasets, kept whole as their last version was applied
//    (MasterData): members (a card only as core::badgeDigest), bookings, and the visitor block
//    list; dataset_versions says which version of each (the catalog's stays price_version).
//  - What the desk recorded here: check-ins and check-outs (admitted or refused) and visitors;
//    each row the entity of its one outbox event.
//  - Staff gain the receptionist role and a badge digest: the CHECK constraint of the role needs
//    the table rebuilt (nothing references it); lockout counters are carried over.
constexpr const char* kMigration7 = R"sql(
ALTER TABLE sales ADD COLUMN customer TEXT;
ALTER TABLE sales ADD COLUMN member TEXT;
ALTER TABLE parked_sales ADD COLUMN customer TEXT;
ALTER TABLE parked_sales ADD COLUMN member TEXT;

CREATE TABLE dataset_versions (dataset TEXT PRIMARY KEY, version INTEGER NOT NULL CHECK (version >= 0));

CREATE TABLE members (
  id TEXT PRIMARY KEY,               -- the membership id
  name TEXT NOT NULL,
  card_sha256 TEXT UNIQUE,           -- core::badgeDigest of the member card; never the card itself
  valid_until TEXT NOT NULL,         -- the last valid day, YYYY-MM-DD
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
  visits_90_days INTEGER NOT NULL DEFAULT 0,
  last_visit TEXT
);

CREATE TABLE bookings (
  id TEXT PRIMARY KEY,               -- UUIDv7, what the booking's QR code carries
  name TEXT NOT NULL,
  resource TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'completed')),
  customer TEXT,
  member TEXT
);
CREATE INDEX bookings_starts_at ON bookings(starts_at);

CREATE TABLE blocklist (
  id INTEGER PRIMARY KEY,            -- the back office's id of the entry
  name TEXT NOT NULL,
  company TEXT NOT NULL,
  name_key TEXT NOT NULL             -- the name trimmed, spaces collapsed, ASCII lower-cased
);
CREATE INDEX blocklist_name_key ON blocklist(name_key);

CREATE TABLE checkins (
  id TEXT PRIMARY KEY,               -- UUIDv7, the checkin.recorded event's checkin
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  booking TEXT,
  member TEXT,
  customer TEXT,
  method TEXT NOT NULL CHECK (method IN ('qr', 'card', 'member_id', 'name')),
  outcome TEXT NOT NULL CHECK (outcome IN ('admitted', 'refused')),
  reason TEXT,
  staff TEXT NOT NULL,
  at TEXT NOT NULL,
  CHECK ((outcome = 'refused') = (reason IS NOT NULL))
);
CREATE INDEX checkins_booking ON checkins(booking) WHERE booking IS NOT NULL;

CREATE TABLE visits (
  id TEXT PRIMARY KEY,               -- UUIDv7, the visitor.in event's visit
  name TEXT NOT NULL,
  company TEXT NOT NULL,
  host TEXT NOT NULL,
  blocked INTEGER NOT NULL CHECK (blocked IN (0, 1)),
  staff TEXT NOT NULL,
  in_at TEXT NOT NULL,
  out_at TEXT                        -- NULL while the visitor is in
);
CREATE INDEX visits_in ON visits(in_at) WHERE out_at IS NULL;

CREATE TABLE staff_v7 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'receptionist')),
  pin_hash TEXT NOT NULL,            -- Argon2id encoded hash; the PIN itself is never stored
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  badge_sha256 TEXT UNIQUE           -- core::badgeDigest of the staff badge; never the badge itself
);
INSERT INTO staff_v7 (id, name, role, pin_hash, failed_attempts, locked_until)
  SELECT id, name, role, pin_hash, failed_attempts, locked_until FROM staff;
DROP TABLE staff;
ALTER TABLE staff_v7 RENAME TO staff;
)sql";

// Version 8: the reception desk's queue: numbered tickets. The ticket is the entity of its taken
// queue.ticket event, the call (its own id) of the called one: the outbox holds one event per
// type and entity. Numbers count from 1 each day (UTC).
constexpr const char* kMigration8 = R"sql(
CREATE TABLE queue_tickets (
  id TEXT PRIMARY KEY,               -- UUIDv7, the queue.ticket events' ticket
  number INTEGER NOT NULL CHECK (number > 0),
  day TEXT NOT NULL,                 -- YYYY-MM-DD (UTC) it was taken
  service TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  call_id TEXT UNIQUE,               -- UUIDv7, the called queue.ticket event's entity; NULL while waiting
  called_at TEXT,
  called_by TEXT,
  UNIQUE (day, number),
  CHECK ((call_id IS NULL) = (called_at IS NULL) AND (call_id IS NULL) = (called_by IS NULL))
);
CREATE INDEX queue_tickets_waiting ON queue_tickets(day, number) WHERE called_at IS NULL;
)sql";

// Version 9: the till's category tiles: each category found by one seek, its items in name order.
constexpr const char* kMigration9 = R"sql(
CREATE INDEX items_category ON items(category, name_key);
)sql";

}  // namespace

// The terminal database. Append a migration for every change; never edit a released one.
// Money columns are *_minor INTEGER in the terminal currency; quantities and rates are TEXT
// decimals; times are ISO 8601 UTC text.
const core::Schema& terminalSchema() {
    static const core::Schema schema{0x46444B31,  // "FDK1"
                                     "terminal database",
                                     {{1, kMigration1},
                                      {2, kMigration2},
                                      {3, kMigration3},
                                      {4, kMigration4},
                                      {5, kMigration5},
                                      {6, kMigration6},
                                      {7, kMigration7},
                                      {8, kMigration8},
                                      {9, kMigration9}}};
    return schema;
}

}  // namespace frontdesk::kiosk

// The back office's schema, part two: the people: back-office users and the audit trail, staff
// and their hours, customers and reception (migrations 4, 6, 8 and 9; backoffice_db.cpp lists
// them all).
#include "migrations.h"

namespace frontdesk::backoffice {

// Version 4: the people who use the back office (not the tills' staff), their sessions, failed
// logins (for the lockout), and the audit trail of what they did. Passwords are Argon2id hashes;
// a session is kept only as the SHA-256 of its token, so a copy of the database logs nobody in.
const char* const kUsersSchema = R"sql(
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

// Version 6: staffing. Employees (PINs as Argon2id hashes, badges as core::badgeDigest), the
// versions of datasets other than the catalog cut for the terminals (the staff dataset), the
// rota, and the time clock's punches from the terminals' clock.in / clock.out events.
const char* const kStaffSchema = R"sql(
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

// Version 8: customers and reception. One customer record joins what the front desk and the back
// office both know of a person: memberships, bookings, visits (check-ins, check-outs), purchases
// and refunds. Member cards are kept as core::badgeDigest, like staff badges. Erasure (GDPR art.
// 17) pseudonymizes the customer's own rows in place; the ledger, stock and audit rows carry no
// personal data and stay as they are. dataset_dirty marks the reception datasets to cut again.
const char* const kReceptionSchema = R"sql(
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

// Version 9: the numbers the desks' queues gave out (queue.ticket), one row per ticket: taken,
// then called. Either event may arrive first (a terminal's backlog is sent in order, but the
// ingest takes what it gets), so both times may be missing for a while.
const char* const kQueueSchema = R"sql(
CREATE TABLE queue_tickets (
  ticket TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  number INTEGER NOT NULL,
  service TEXT NOT NULL DEFAULT '',
  taken_at TEXT,
  taken_by TEXT,
  called_at TEXT,
  called_by TEXT
);
CREATE INDEX queue_tickets_period ON queue_tickets(store, taken_at);
)sql";

}  // namespace frontdesk::backoffice

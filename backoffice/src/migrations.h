#pragma once
// The back office's migrations, by what they hold (schema_ledger.cpp, schema_people.cpp), in the
// order backOfficeSchema() applies them. Version 1 is the sync ingest ledger's.

namespace frontdesk::backoffice {

extern const char* const kLedgerSchema;  // 2: stores, accounts, journal, stock moves, items, catalog versions, shifts
extern const char* const kReconciliationSchema;  // 3: reconciliations
extern const char* const kUsersSchema;           // 4: users, sessions, login failures, audit log
extern const char* const kInventorySchema;       // 5: stock documents, reorder points
extern const char* const kStaffSchema;           // 6: employees, dataset versions, rota, punches
extern const char* const kSalesSchema;           // 7: sales by rate, tender and staff; cash moves; Z reports
extern const char* const kReceptionSchema;       // 8: customers, members, bookings, block list, visits
extern const char* const kQueueSchema;           // 9: the desks' queue tickets

}  // namespace frontdesk::backoffice

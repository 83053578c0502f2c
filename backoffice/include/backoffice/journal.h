#pragma once
// The general ledger: balanced journal entries, never edited, and the trial balance over them.
//
// Every money event the back office takes in becomes one entry whose debits equal its credits
// exactly, in minor units of one currency; post() refuses anything else, so the ledger cannot
// become unbalanced. Corrections are new entries. Call post() inside the caller's transaction
// (ingest's, so an event and its entry commit together). Same thread as the Database.

#include <cstdint>
#include <string>
#include <vector>

#include "core/database.h"

namespace frontdesk::backoffice {

struct Posting {
    std::string account;
    std::int64_t debit = 0;   // exactly one of debit and credit is above 0
    std::int64_t credit = 0;
};

struct JournalEntry {
    std::string store;
    std::string at;        // ISO 8601 UTC: when it happened (the event's time)
    std::string currency;  // ISO 4217
    std::string source;    // what it records: an event type, "reconciliation", ...
    std::string eventId;   // the event it comes from ("" for none)
    std::string memo;
    std::vector<Posting> postings;
};

struct TrialBalanceRow {
    std::string account;
    std::string name;
    std::string kind;
    std::int64_t debit = 0;   // sums of the account's postings
    std::int64_t credit = 0;
};

struct TrialBalance {
    std::string currency;
    std::vector<TrialBalanceRow> rows;  // by account code; accounts with no postings left out
    std::int64_t debit = 0;
    std::int64_t credit = 0;
    bool balanced() const { return debit == credit; }
};

class Journal {
public:
    explicit Journal(core::Database& db) : m_db(db) {}

    // Adds lines that move the same amount the same way to one account together, drops zero
    // lines, checks the entry balances, creates the per-tax-code accounts it names, and writes
    // it. InvalidArgument, naming the difference, for an entry that does not balance; for a
    // negative or two-sided line; for an unknown account.
    [[nodiscard]] core::Result<std::int64_t> post(const JournalEntry& entry);

    [[nodiscard]] core::Result<TrialBalance> trialBalance(const std::string& currency);

private:
    core::Database& m_db;
};

}  // namespace frontdesk::backoffice

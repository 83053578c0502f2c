#include "backoffice/journal.h"

#include <map>

#include "backoffice/chart.h"
#include "core/money.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;

Result<std::int64_t> Journal::post(const JournalEntry& entry) {
    FD_TRY(core::currencyByCode(entry.currency).status());
    // One net line per account and side: an entry reads the way an accountant writes it.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums;
    std::int64_t debit = 0;
    std::int64_t credit = 0;
    for (const auto& p : entry.postings) {
        if (p.debit < 0 || p.credit < 0 || (p.debit > 0 && p.credit > 0)) {
            return core::invalidArgument("a posting to " + p.account + " must be a debit or a credit of 0 or more");
        }
        auto& [d, c] = sums[p.account];
        if (__builtin_add_overflow(d, p.debit, &d) || __builtin_add_overflow(c, p.credit, &c) ||
            __builtin_add_overflow(debit, p.debit, &debit) || __builtin_add_overflow(credit, p.credit, &credit)) {
            return core::invalidArgument("the entry's amounts are out of range");
        }
    }
    if (debit != credit) {
        return core::invalidArgument("entry for " + entry.source + " does not balance: debits " + std::to_string(debit) +
                                     ", credits " + std::to_string(credit) + " (minor units of " + entry.currency + ")");
    }
    if (debit == 0) return core::invalidArgument("entry for " + entry.source + " moves no money");
    // Every check before the first write: an entry is written whole or not at all.
    for (const auto& [account, amounts] : sums) FD_TRY(chartAccount(account).status());
    FD_ASSIGN(auto* head, m_db.cached("INSERT INTO journal_entries (store, at, currency, source, event_id, memo)"
                                      " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    std::int64_t id = 0;
    head->bindAll(entry.store, entry.at, entry.currency, entry.source, entry.eventId, entry.memo);
    Status inserted = head->firstRow([&](const core::Statement& row) { id = row.int64(0); }, "no entry id");
    head->reset();
    FD_TRY(inserted);
    FD_ASSIGN(auto* line, m_db.cached("INSERT INTO journal_lines (entry, account, debit_minor, credit_minor)"
                                      " VALUES (?, ?, ?, ?)"));
    for (const auto& [account, amounts] : sums) {
        // A line both debited and credited within one entry keeps only the difference.
        const std::int64_t net = amounts.first - amounts.second;
        if (net == 0) continue;
        FD_TRY(ensureAccount(m_db, account));
        FD_TRY(line->bindAll(id, account, net > 0 ? net : 0, net < 0 ? -net : 0).run());
    }
    return id;
}

Result<TrialBalance> Journal::trialBalance(const std::string& currency) {
    TrialBalance tb;
    tb.currency = currency;
    // Summed per account first and named after: joining every line to its account before grouping
    // costs more than half again over a million sales (docs/PERFORMANCE.md).
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT a.code, a.name, a.kind, t.debit, t.credit FROM"
                                      " (SELECT l.account, sum(l.debit_minor) AS debit, sum(l.credit_minor) AS credit"
                                      "  FROM journal_lines l JOIN journal_entries e ON e.id = l.entry WHERE e.currency = ?"
                                      "  GROUP BY l.account) t JOIN accounts a ON a.code = t.account ORDER BY a.code"));
    FD_TRY(stmt->bind(1, currency).forEachRow([&](const core::Statement& row) {
        TrialBalanceRow r{row.text(0), row.text(1), row.text(2), row.int64(3), row.int64(4)};
        tb.debit += r.debit;
        tb.credit += r.credit;
        tb.rows.push_back(std::move(r));
    }));
    return tb;
}

}  // namespace frontdesk::backoffice

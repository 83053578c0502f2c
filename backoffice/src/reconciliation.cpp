#include "backoffice/reconciliation.h"

#include "backoffice/backoffice_db.h"
#include "backoffice/chart.h"
#include "backoffice/journal.h"
#include "core/clock.h"
#include "sync/ingest_ledger.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {


}  // namespace

json ShiftFigures::toJson() const {
    return {{"shift", shift},
            {"store", store},
            {"terminal", terminal},
            {"opened_at", orNull(openedAt)},
            {"closed_at", orNull(closedAt)},
            {"float", drawerFloat},
            {"cash_in", cashIn},
            {"cash_out", cashOut},
            {"card", card},
            {"expected", expected},
            {"terminal_expected", orNull(terminalExpected)},
            {"counted", orNull(counted)},
            {"variance", orNull(variance)},
            {"status", status},
            {"gaps", gaps},
            {"dead_letters", deadLetters}};
}

Result<ShiftFigures> shiftFigures(core::Database& db, const std::string& shift) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT s.store, s.terminal, s.opened_at, s.closed_at, coalesce(s.float_minor, 0),"
                                    " s.cash_in_minor, s.cash_out_minor, s.card_minor, s.expected_minor, s.counted_minor,"
                                    " r.status FROM shifts s LEFT JOIN reconciliations r ON r.shift = s.id WHERE s.id = ?"));
    ShiftFigures f;
    f.shift = shift;
    std::optional<std::string> reconciled;
    Status found = stmt->bind(1, shift).firstRow(
        [&](const core::Statement& row) {
            f.store = row.text(0);
            f.terminal = row.text(1);
            f.openedAt = row.optionalText(2);
            f.closedAt = row.optionalText(3);
            f.drawerFloat = row.int64(4);
            f.cashIn = row.int64(5);
            f.cashOut = row.int64(6);
            f.card = row.int64(7);
            f.terminalExpected = row.optionalInt64(8);
            f.counted = row.optionalInt64(9);
            reconciled = row.optionalText(10);
        },
        "no shift " + shift);
    stmt->reset();
    FD_TRY(found);
    f.expected = f.drawerFloat + f.cashIn - f.cashOut;
    if (f.counted) f.variance = *f.counted - f.expected;
    f.status = reconciled ? *reconciled : (f.closedAt ? "closed" : "open");
    core::SystemClock clock;  // the ledger only reads here
    sync::IngestLedger ledger(db, clock);
    FD_ASSIGN(auto gaps, ledger.gaps({f.store, f.terminal}));
    for (const auto& g : gaps) f.gaps.push_back(g.from == g.to ? std::to_string(g.from) : std::to_string(g.from) + "-" + std::to_string(g.to));
    FD_ASSIGN(auto* letters, db.cached("SELECT count(*) FROM ingest_events WHERE store = ? AND terminal = ? AND outcome = 'dead_letter'"));
    FD_TRY(letters->bindAll(f.store, f.terminal).forEachRow([&](const core::Statement& row) { f.deadLetters = row.int64(0); }));
    return f;
}

Result<json> shiftsReport(core::Database& db) {
    std::vector<std::string> ids;
    FD_ASSIGN(auto* list, db.cached("SELECT id FROM shifts ORDER BY coalesce(opened_at, '') DESC, id"));
    FD_TRY(list->forEachRow([&](const core::Statement& row) { ids.push_back(row.text(0)); }));
    json shifts = json::array();
    for (const auto& id : ids) {
        FD_ASSIGN(auto f, shiftFigures(db, id));
        shifts.push_back(f.toJson());
    }
    return json{{"shifts", std::move(shifts)}};
}

namespace {

Status record(core::Database& db, const Reconciliation& r, const char* status, std::int64_t variance,
              std::optional<std::int64_t> entry) {
    FD_ASSIGN(auto* stmt, db.cached("INSERT INTO reconciliations (shift, status, by_user, at, note, override_reason,"
                                    " variance_minor, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                    " ON CONFLICT(shift) DO UPDATE SET status = excluded.status, by_user = excluded.by_user,"
                                    " at = excluded.at, note = excluded.note, override_reason = excluded.override_reason,"
                                    " variance_minor = excluded.variance_minor, entry = excluded.entry"));
    const std::optional<std::string> why = r.overrideReason.empty() ? std::nullopt : std::optional(r.overrideReason);
    return stmt->bindAll(r.shift, std::string(status), r.by, r.at, r.note, why, variance, entry).run();
}

Result<ShiftFigures> closedShift(core::Database& db, const Reconciliation& r) {
    if (r.by.empty()) return core::invalidArgument("say who reconciles the shift");
    FD_ASSIGN(auto f, shiftFigures(db, r.shift));
    if (f.status == "open" || !f.counted) return core::failedPrecondition("shift " + r.shift + " is not closed yet");
    if (f.status == "reconciled") return core::failedPrecondition("shift " + r.shift + " is reconciled already");
    return f;
}

}  // namespace

Result<ShiftFigures> reconcileShift(core::Database& db, const Reconciliation& r) {
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_ASSIGN(auto f, closedShift(db, r));
    if (!f.gaps.empty() && r.overrideReason.empty()) {
        std::string gaps;
        for (const auto& g : f.gaps) gaps += (gaps.empty() ? "" : ", ") + g;
        return core::failedPrecondition("terminal " + f.terminal + " has missing events (seq " + gaps +
                                        "): find them, or reconcile with an override reason");
    }
    FD_ASSIGN(auto store, loadStore(db, f.store));
    // The drawer is emptied into the safe: what was counted goes there, what was expected leaves
    // the drawer, and the difference is over or short.
    JournalEntry e{f.store, r.at, store.currency, "reconciliation", "", "shift " + f.shift + " reconciled by " + r.by, {}};
    e.postings.push_back({std::string(accounts::kSafe), *f.counted, 0});
    e.postings.push_back({std::string(accounts::kCash), 0, f.expected});
    const std::int64_t shortBy = f.expected - *f.counted;
    e.postings.push_back({std::string(accounts::kCashOverShort), shortBy > 0 ? shortBy : 0, shortBy < 0 ? -shortBy : 0});
    std::optional<std::int64_t> entry;
    if (f.expected != 0 || *f.counted != 0) {
        FD_ASSIGN(entry, Journal(db).post(e));
    }
    FD_TRY(record(db, r, "reconciled", *f.variance, entry));
    FD_TRY(tx->commit());
    f.status = "reconciled";
    return f;
}

Result<ShiftFigures> disputeShift(core::Database& db, const Reconciliation& r) {
    if (r.note.empty()) return core::invalidArgument("say what is disputed (a note)");
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_ASSIGN(auto f, closedShift(db, r));
    FD_TRY(record(db, r, "disputed", *f.variance, std::nullopt));
    FD_TRY(tx->commit());
    f.status = "disputed";
    return f;
}

}  // namespace frontdesk::backoffice

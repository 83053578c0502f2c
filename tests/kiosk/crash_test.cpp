// Crash safety: a till killed at any instant (SIGKILL, no cleanup) keeps every committed sale,
// refund, void, cash move, time-clock punch, check-in, visitor and queue ticket whole, each with exactly its outbox
// events, with seq
// contiguous and never reused, and the database opens and keeps selling afterwards.
//
// A forked child rings up sales in a loop on its own connection; the parent kills it after a
// random 1-40 ms (fixed seed, so the schedule is reproducible), then checks the file.

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till.h"
#include "test_support.h"

namespace frontdesk::kiosk::testing {
namespace {

constexpr int kKills = 200;
constexpr int kMaxOperationsPerChild = 2000;  // bounds a child the kill somehow misses

// How a child ends when it is not killed: the step that failed, so the parent can say which.
enum ChildExit : int {
    kChildDone = 0,  // ran its bounded number of operations before the kill came
    kChildOpenFailed = 10,
    kChildEngineFailed,
    kChildLoginFailed,
    kChildLocked,
    kChildSaleFailed,
    kChildRefundFailed,
    kChildPaidInFailed,
    kChildVoidFailed,
    kChildPunchFailed,
    kChildReceptionFailed,
    kChildQueryFailed,
    kChildException,
};

const char* childExitName(int code) {
    switch (code) {
        case kChildDone:
            return "done";
        case kChildOpenFailed:
            return "opening the terminal database failed";
        case kChildEngineFailed:
            return "opening the engine failed";
        case kChildLoginFailed:
            return "login failed";
        case kChildLocked:
            return "the supervisor is locked out";
        case kChildSaleFailed:
            return "a sale failed";
        case kChildRefundFailed:
            return "a refund failed";
        case kChildPaidInFailed:
            return "a paid-in failed";
        case kChildVoidFailed:
            return "a void failed";
        case kChildPunchFailed:
            return "a time-clock punch failed";
        case kChildReceptionFailed:
            return "a check-in or visitor failed";
        case kChildQueryFailed:
            return "looking up a receipt failed";
        case kChildException:
            return "an exception escaped";
        default:
            return "unknown exit code";
    }
}

// Five lines: three scanned items (the sherry's buyer's age confirmed) and two weighed ones (weighed
// items never merge into one line).
bool ringUp(Till& till, std::mt19937& rng) {
    const char* barcodes[] = {"4000000000017", "4000000000024", "4000000000031"};
    for (const char* barcode : barcodes) {
        const auto qty = core::Decimal::fromInt(static_cast<std::int64_t>(rng() % 3 + 1));
        if (!till.checkout().scan(barcode, qty).ok()) return false;
    }
    for (int i = 0; i < 2; ++i) {
        auto grams = core::Decimal::parse("0." + std::to_string(rng() % 900 + 100));
        if (!grams.ok() || !till.checkout().addSku("W", *grams).ok()) return false;
    }
    return till.checkout().confirmAge().ok();  // the sherry
}

int sell(Till& till, std::mt19937& rng) {
    if (!ringUp(till, rng)) return kChildSaleFailed;
    auto state = till.checkout().state();
    if (!state.ok()) return kChildSaleFailed;
    if (rng() % 4 == 0) {
        if (!till.checkout().tenderCard().ok()) return kChildSaleFailed;
    } else {
        const std::int64_t remaining = state->remaining;
        const std::int64_t given = (remaining + 499) / 500 * 500;  // next 5-euro note
        if (!till.checkout().tenderCash(eur(given)).ok()) return kChildSaleFailed;
    }
    return till.checkout().complete().ok() ? kChildDone : kChildSaleFailed;
}

// Refunds one unit of line 1 of a recent receipt that has no refund yet.
int refundEarlier(core::Database& db, Till& till, std::mt19937& rng) {
    auto find = db.prepare(
        "SELECT receipt_no FROM sales s WHERE kind = 'sale' AND NOT EXISTS"
        " (SELECT 1 FROM sales r WHERE r.original_sale = s.id) ORDER BY receipt_no DESC"
        " LIMIT 1 OFFSET ?");
    if (!find.ok()) return kChildQueryFailed;
    find->bind(1, static_cast<std::int64_t>(rng() % 5));
    auto row = find->step();
    if (!row.ok()) return kChildQueryFailed;
    if (!*row) return sell(till, rng);  // nothing to refund yet
    RefundRequest request;
    request.receipt = find->text(0);
    request.lines = {{1, core::Decimal::fromInt(1)}};
    request.reason = "crash test";
    return till.refunds().refund(request).ok() ? kChildDone : kChildRefundFailed;
}

int voidOne(Till& till, std::mt19937& rng) {
    if (!ringUp(till, rng)) return kChildVoidFailed;
    return till.checkout().voidSale("customer left").ok() ? kChildDone : kChildVoidFailed;
}

// The logged-in supervisor clocks in or out, whichever is due. The PIN is counted as at login, so
// a kill inside it counts as a wrong PIN too (see runTill).
int punch(Till& till) {
    auto status = till.timeClock().status("s1");
    if (!status.ok()) return kChildPunchFailed;
    auto punched = status->in ? till.timeClock().clockOut("s1", "3333") : till.timeClock().clockIn("s1", "3333");
    if (!punched.ok() && punched.status().kind() == core::ErrorKind::Locked) return kChildLocked;
    return punched.ok() ? kChildDone : kChildPunchFailed;
}

// The desk: the member checked in, a visitor signed in, the earliest visitor still in signed out,
// a queue number taken or the next one called.
int reception(Till& till, std::mt19937& rng) {
    switch (rng() % 5) {
        case 0:
            return till.reception().checkInMember("M-100").ok() ? kChildDone : kChildReceptionFailed;
        case 1:
            return till.reception().visitorIn("Ann Visitor", "Acme", "Sam").ok() ? kChildDone : kChildReceptionFailed;
        case 2:
            return till.queue().take("Memberships").ok() ? kChildDone : kChildReceptionFailed;
        case 3: {
            auto called = till.queue().callNext();
            const bool fine = called.ok() || called.status().kind() == core::ErrorKind::NotFound;
            return fine ? kChildDone : kChildReceptionFailed;
        }
        default: {
            auto in = till.reception().visitorsIn();
            if (!in.ok()) return kChildReceptionFailed;
            if (in->empty()) return kChildDone;
            return till.reception().visitorOut(in->front().record.visit).ok() ? kChildDone : kChildReceptionFailed;
        }
    }
}

// The till: its own connection (never the parent's), logged in as a supervisor so voids need no
// second PIN, selling until killed.
int runTill(const std::string& path, unsigned seed) {
    core::SystemClock clock;
    FakePaymentAdapter payments;
    auto db = openTerminalDb(path, core::OpenOptions{core::IntegrityCheck::None});
    if (!db.ok()) return kChildOpenFailed;
    auto opened = Till::open(**db, clock, payments);
    if (!opened.ok()) return kChildEngineFailed;
    Till& till = **opened;
    // Login counts the attempt before it checks the PIN, so a kill inside login counts as a wrong
    // PIN (power-cycling must not buy guesses); enough of them in a row lock the supervisor out,
    // which is correct behaviour: the parent then lifts the lock as a manager would.
    if (auto login = till.session().login("s1", "3333"); !login.ok()) {
        return login.status().kind() == core::ErrorKind::Locked ? kChildLocked : kChildLoginFailed;
    }
    std::mt19937 rng(seed);
    for (int i = 0; i < kMaxOperationsPerChild; ++i) {
        const auto pick = rng() % 12;
        int result = kChildDone;
        if (pick < 6) {
            result = sell(till, rng);
        } else if (pick < 8) {
            result = refundEarlier(**db, till, rng);
        } else if (pick == 8) {
            result = till.shifts().paidIn(eur(500), "change from the bank").ok() ? kChildDone : kChildPaidInFailed;
        } else if (pick == 9) {
            result = voidOne(till, rng);
        } else if (pick == 10) {
            result = punch(till);
        } else {
            result = reception(till, rng);
        }
        if (result != kChildDone) return result;
    }
    return kChildDone;
}

[[noreturn]] void childMain(const std::string& path, unsigned seed) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test run that died
    ::alarm(30);
    int code = kChildException;
    try {
        code = runTill(path, seed);
    } catch (...) {
    }
    ::_exit(code);
}

// Runs a query and hands each row to onRow.
template <typename F>
void forEachRow(core::Database& db, const char* sql, F&& onRow) {
    auto stmt = db.prepare(sql);
    ASSERT_TRUE(stmt.ok()) << stmt.status().toString();
    for (;;) {
        auto row = stmt->step();
        ASSERT_TRUE(row.ok()) << row.status().toString();
        if (!*row) break;
        onRow(*stmt);
    }
}

struct SaleRow {
    std::string kind;
    std::int64_t gross = 0, rounding = 0;
    std::int64_t lines = 0, linesGross = 0;
    std::int64_t tenders = 0, tendered = 0;  // amount - change
};

struct Ledger {
    std::map<std::string, SaleRow> sales;
    std::set<std::string> voids, cashMoves, shifts, checkins;
    std::map<std::string, bool> visits;                              // visit id -> signed out
    std::set<std::string> tickets;                                   // queue ticket ids and call ids
    std::map<std::string, std::string> punches;                      // punch id -> the event type it owes
    std::map<std::string, std::vector<std::string>> eventsByEntity;  // entity -> event types
    std::int64_t events = 0, minSeq = 0, maxSeq = 0;
    std::int64_t typeCount(const std::string& type) const {
        std::int64_t n = 0;
        for (const auto& [entity, types] : eventsByEntity) n += std::count(types.begin(), types.end(), type);
        return n;
    }
};

// Opens the file as the till would after a restart (full integrity check) and checks every
// invariant of a crash-safe ledger; fills ledger for the durability and progress checks.
void checkAfterCrash(const std::string& path, Ledger& ledger) {
    // Opening with the full check runs PRAGMA integrity_check and fails unless it answers "ok".
    auto opened = openTerminalDb(path, core::OpenOptions{core::IntegrityCheck::Full});
    ASSERT_TRUE(opened.ok()) << opened.status().toString();
    core::Database& db = **opened;
    std::int64_t foreignKeyProblems = 0;
    forEachRow(db, "PRAGMA foreign_key_check", [&](core::Statement&) { ++foreignKeyProblems; });
    ASSERT_EQ(foreignKeyProblems, 0);

    forEachRow(db, "SELECT id, kind, gross_minor, rounding_minor FROM sales", [&](core::Statement& s) {
        ledger.sales[s.text(0)] = SaleRow{s.text(1), s.int64(2), s.int64(3)};
    });
    std::vector<std::string> problems;
    forEachRow(db, "SELECT sale_id, count(*), sum(gross_minor) FROM sale_lines GROUP BY sale_id",
               [&](core::Statement& s) {
                   auto it = ledger.sales.find(s.text(0));
                   if (it == ledger.sales.end()) return problems.push_back("lines of a missing sale " + s.text(0));
                   it->second.lines = s.int64(1);
                   it->second.linesGross = s.int64(2);
               });
    forEachRow(db, "SELECT sale_id, count(*), sum(amount_minor - change_minor) FROM sale_tenders GROUP BY sale_id",
               [&](core::Statement& s) {
                   auto it = ledger.sales.find(s.text(0));
                   if (it == ledger.sales.end()) return problems.push_back("tenders of a missing sale " + s.text(0));
                   it->second.tenders = s.int64(1);
                   it->second.tendered = s.int64(2);
               });
    forEachRow(db, "SELECT id FROM voided_sales", [&](core::Statement& s) { ledger.voids.insert(s.text(0)); });
    forEachRow(db, "SELECT id FROM cash_moves", [&](core::Statement& s) { ledger.cashMoves.insert(s.text(0)); });
    forEachRow(db, "SELECT id FROM shifts", [&](core::Statement& s) { ledger.shifts.insert(s.text(0)); });
    forEachRow(db, "SELECT in_punch, coalesce(out_punch, '') FROM time_clock", [&](core::Statement& s) {
        ledger.punches[s.text(0)] = "clock.in";
        if (!s.text(1).empty()) ledger.punches[s.text(1)] = "clock.out";
    });
    forEachRow(db, "SELECT id FROM checkins", [&](core::Statement& s) { ledger.checkins.insert(s.text(0)); });
    forEachRow(db, "SELECT id, out_at IS NOT NULL FROM visits",
               [&](core::Statement& s) { ledger.visits[s.text(0)] = s.int64(1) != 0; });
    forEachRow(db, "SELECT id, coalesce(call_id, '') FROM queue_tickets", [&](core::Statement& s) {
        ledger.tickets.insert(s.text(0));
        if (!s.text(1).empty()) ledger.tickets.insert(s.text(1));
    });
    forEachRow(db, "SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM outbox",
               [&](core::Statement& s) {
                   ledger.events = s.int64(0);
                   ledger.minSeq = s.int64(1);
                   ledger.maxSeq = s.int64(2);
               });
    forEachRow(db, "SELECT type, coalesce(entity_id, '') FROM outbox",
               [&](core::Statement& s) { ledger.eventsByEntity[s.text(1)].push_back(s.text(0)); });

    // Every row that records something owes exactly one event, of the matching type.
    auto expectOneEvent = [&](const std::string& entity, const std::string& what,
                              std::initializer_list<const char*> types) {
        const auto it = ledger.eventsByEntity.find(entity);
        const std::size_t n = it == ledger.eventsByEntity.end() ? 0 : it->second.size();
        if (n != 1) return problems.push_back(what + " " + entity + " has " + std::to_string(n) + " events");
        const auto& type = it->second.front();
        if (std::none_of(types.begin(), types.end(), [&](const char* t) { return type == t; })) {
            problems.push_back(what + " " + entity + " has an event of type " + type);
        }
    };
    for (const auto& [id, sale] : ledger.sales) {
        expectOneEvent(id, sale.kind, {sale.kind == "sale" ? "sale.completed" : "sale.refunded"});
        if (sale.lines == 0) problems.push_back(sale.kind + " " + id + " has no lines");
        if (sale.linesGross != sale.gross) {
            problems.push_back(sale.kind + " " + id + " lines sum to " + std::to_string(sale.linesGross) + ", not " +
                               std::to_string(sale.gross));
        }
        if (sale.tenders == 0 || sale.tendered != sale.gross + sale.rounding) {
            problems.push_back(sale.kind + " " + id + " tenders " + std::to_string(sale.tendered) + " in " +
                               std::to_string(sale.tenders) + " tenders for " +
                               std::to_string(sale.gross + sale.rounding));
        }
    }
    for (const auto& id : ledger.voids) expectOneEvent(id, "void", {"sale.voided"});
    for (const auto& id : ledger.cashMoves) expectOneEvent(id, "cash move", {"cash.moved", "drawer.opened"});
    for (const auto& [id, type] : ledger.punches) expectOneEvent(id, "punch", {type.c_str()});
    for (const auto& id : ledger.checkins) expectOneEvent(id, "check-in", {"checkin.recorded"});
    for (const auto& [id, out] : ledger.visits) {
        const auto it = ledger.eventsByEntity.find(id);
        const std::vector<std::string> expected =
            out ? std::vector<std::string>{"visitor.in", "visitor.out"} : std::vector<std::string>{"visitor.in"};
        if (it == ledger.eventsByEntity.end() || it->second != expected) {
            problems.push_back("visit " + id + " does not have exactly its visitor.in" +
                               (out ? " and visitor.out" : ""));
        }
    }
    for (const auto& id : ledger.tickets) expectOneEvent(id, "queue ticket or call", {"queue.ticket"});
    for (const auto& id : ledger.shifts) {
        const auto it = ledger.eventsByEntity.find(id);
        if (it == ledger.eventsByEntity.end() ||
            std::count(it->second.begin(), it->second.end(), "shift.opened") != 1) {
            problems.push_back("shift " + id + " has no single shift.opened event");
        }
    }
    // No event without the row it records.
    for (const auto& [entity, types] : ledger.eventsByEntity) {
        for (const auto& type : types) {
            bool exists = false;
            if (type == "sale.completed" || type == "sale.refunded") {
                const auto it = ledger.sales.find(entity);
                exists = it != ledger.sales.end() && (it->second.kind == "sale") == (type == "sale.completed");
            } else if (type == "sale.voided") {
                exists = ledger.voids.count(entity) == 1;
            } else if (type == "cash.moved" || type == "drawer.opened") {
                exists = ledger.cashMoves.count(entity) == 1;
            } else if (type == "shift.opened" || type == "shift.closed") {
                exists = ledger.shifts.count(entity) == 1;
            } else if (type == "checkin.recorded") {
                exists = ledger.checkins.count(entity) == 1;
            } else if (type == "visitor.in" || type == "visitor.out") {
                const auto it = ledger.visits.find(entity);
                exists = it != ledger.visits.end() && (type == "visitor.in" || it->second);
            } else if (type == "queue.ticket") {
                exists = ledger.tickets.count(entity) == 1;
            } else if (type == "clock.in" || type == "clock.out") {
                const auto it = ledger.punches.find(entity);
                exists = it != ledger.punches.end() && it->second == type;
            }
            if (!exists) problems.push_back("orphan " + type + " event for '" + entity + "'");
        }
    }
    if (!problems.empty()) {
        std::string first;
        for (std::size_t i = 0; i < std::min<std::size_t>(problems.size(), 10); ++i) first += "\n  " + problems[i];
        FAIL() << problems.size() << " ledger problems:" << first;
    }

    // seq is 1..N without a gap, the counter stands at N (so no number can be handed out twice),
    // and each envelope carries its row's seq. Receipt numbers likewise count the sales exactly.
    ASSERT_GT(ledger.events, 0);
    EXPECT_EQ(ledger.minSeq, 1);
    EXPECT_EQ(ledger.maxSeq, ledger.events);
    EXPECT_EQ(queryInt(db, "SELECT value FROM counters WHERE name = 'outbox_seq'"), ledger.maxSeq);
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM outbox WHERE json_extract(envelope, '$.seq') IS NOT seq"), 0);
    EXPECT_EQ(queryInt(db, "SELECT value FROM counters WHERE name = 'receipt_no'"),
              static_cast<std::int64_t>(ledger.sales.size()));
}

// A child found its supervisor locked: the lock must be real (kills inside login counted as wrong
// PINs), and a manager lifts it at the till, as in a shop.
void liftLock(const std::string& path) {
    core::SystemClock clock;
    FakePaymentAdapter payments;
    auto db = openTerminalDb(path);
    ASSERT_TRUE(db.ok()) << db.status().toString();
    EXPECT_EQ(queryInt(**db, "SELECT locked_until IS NOT NULL FROM staff WHERE id = 's1'"), 1);
    auto till = openTill(**db, clock, payments);
    auto unlocked = till->session().unlock("s1", Approval{"m1", "4444"});
    ASSERT_TRUE(unlocked.ok()) << unlocked.toString();
    EXPECT_EQ(queryInt(**db, "SELECT failed_attempts FROM staff WHERE id = 's1'"), 0);
}

TEST(CrashSafety, SigkilledTillKeepsEverySaleWholeWithOneEventAndContiguousSeq) {
    TempDir dir;
    const std::string path = dir.file("terminal.db");
    {
        core::SystemClock clock;
        FakePaymentAdapter payments;
        auto db = provisionTerminal(path, clock, standardSeed());
        auto till = openTill(*db, clock, payments);
        ASSERT_TRUE(till->session().login("c1", "1111").ok());
        auto shift = till->shifts().open(eur(10000));
        ASSERT_TRUE(shift.ok()) << shift.status().toString();
        // A member for the desk to check in, as the back office's members dataset would put it there.
        auto member = db->prepare(
            "INSERT INTO members (id, name, card_sha256, valid_until, status, visits_90_days, last_visit)"
            " VALUES ('M-100', 'Robin Example', NULL, '2099-12-31', 'active', 0, NULL)");
        ASSERT_TRUE(member.ok() && member->run().ok());
    }  // the parent's connection is closed before any fork: a child never inherits an sqlite handle

    std::mt19937 rng(20260611);
    std::uniform_int_distribution<int> sleepMs(1, 40);
    std::set<std::string> before;  // sale ids seen after the previous kill
    std::int64_t maxSeqBefore = 0;
    int finishedUnkilled = 0;
    int locksLifted = 0;
    Ledger ledger;
    for (int round = 0; round < kKills; ++round) {
        SCOPED_TRACE("kill " + std::to_string(round));
        const auto seed = static_cast<unsigned>(rng());
        const auto delay = std::chrono::milliseconds(sleepMs(rng));
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0) << "fork failed";
        if (pid == 0) childMain(path, seed);
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == kChildLocked) {
            ASSERT_NO_FATAL_FAILURE(liftLock(path));
            ++locksLifted;
        } else if (WIFEXITED(status)) {
            ASSERT_EQ(WEXITSTATUS(status), kChildDone) << "the till stopped: " << childExitName(WEXITSTATUS(status));
            ++finishedUnkilled;
        } else {
            ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
        }

        ledger = Ledger{};
        ASSERT_NO_FATAL_FAILURE(checkAfterCrash(path, ledger));
        std::set<std::string> now;
        for (const auto& [id, sale] : ledger.sales) now.insert(id);
        ASSERT_TRUE(std::includes(now.begin(), now.end(), before.begin(), before.end()))
            << "a sale committed before kill " << round << " is gone after it";
        ASSERT_GE(ledger.maxSeq, maxSeqBefore);
        before = std::move(now);
        maxSeqBefore = ledger.maxSeq;
    }
    // The kills landed while the till was working, and every kind of event was exercised.
    EXPECT_LT(finishedUnkilled, kKills / 10);
    EXPECT_GT(ledger.sales.size(), static_cast<std::size_t>(kKills / 10));
    EXPECT_GT(ledger.typeCount("sale.refunded"), 0);
    EXPECT_GT(ledger.typeCount("sale.voided"), 0);
    EXPECT_GT(ledger.typeCount("cash.moved"), 0);
    EXPECT_GT(ledger.typeCount("clock.in"), 0);
    EXPECT_GT(ledger.typeCount("checkin.recorded"), 0);
    EXPECT_GT(ledger.typeCount("visitor.in"), 0);
    EXPECT_GT(ledger.typeCount("visitor.out"), 0);

    // The database keeps working: the next sale takes the next seq.
    core::SystemClock clock;
    FakePaymentAdapter payments;
    auto db = openTerminalDb(path);
    ASSERT_TRUE(db.ok()) << db.status().toString();
    auto engine = Till::open(**db, clock, payments);
    ASSERT_TRUE(engine.ok()) << engine.status().toString();
    Till& till = **engine;
    ASSERT_TRUE(till.session().login("c1", "1111").ok());
    ASSERT_TRUE(till.checkout().scan("4000000000017", core::Decimal::fromInt(2)).ok());
    ASSERT_TRUE(till.checkout().tenderCash(eur(500)).ok());
    auto committed = till.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, ledger.maxSeq + 1);
    engine->reset();
    db->reset();
    Ledger last;
    ASSERT_NO_FATAL_FAILURE(checkAfterCrash(path, last));
    EXPECT_EQ(last.sales.size(), ledger.sales.size() + 1);
    RecordProperty("sales", std::to_string(last.sales.size()));
    RecordProperty("locks_lifted", std::to_string(locksLifted));
    RecordProperty("events", std::to_string(last.events));
}

}  // namespace
}  // namespace frontdesk::kiosk::testing

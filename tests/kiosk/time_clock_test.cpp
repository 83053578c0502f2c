// The time clock: staff punch in and out with their own id and PIN, at any time, each punch one
// outbox event naming the member who punched; the state survives a restart; double punches and
// wrong PINs write nothing (a wrong PIN counts toward the lockout, as at login); and a punch in the
// middle of another cashier's sale leaves the sale alone.
#include "kiosk/time_clock.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/ids.h"
#include "kiosk/headless.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

std::int64_t outboxCount(Terminal& t) {
    return queryInt(*t.db, "SELECT count(*) FROM outbox");
}

// The punch's event: the newest, of the punch's type, naming the member and the punch time, with
// the one payload the builder writes, and valid against the protocol's schemas.
void expectPunchEvent(Terminal& t, const Punch& punch, const char* type) {
    const json event = lastEnvelope(*t.db);
    EXPECT_EQ(event["type"], type);
    EXPECT_EQ(event["staff"], punch.staff);
    EXPECT_EQ(event["at"], punch.at);
    EXPECT_EQ(event["payload"], json({{"punch", punch.id}, {"method", "pin"}}));
    EXPECT_EQ(queryText(*t.db, "SELECT entity_id FROM outbox ORDER BY seq DESC LIMIT 1"), punch.id);
    const auto valid = sync::validateEvent(event);
    EXPECT_TRUE(valid.ok()) << valid.toString();
}

TEST(TimeClock, PunchInAndOutEachWriteOneEventNamingTheMemberWhoPunched) {
    Terminal t;
    ASSERT_TRUE(t.session().login("s1", "3333").ok());  // someone else is the logged-in member
    const auto before = outboxCount(t);

    auto in = t.till->timeClock().clockIn("c2", "2222");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_TRUE(core::isUuidV7(in->id)) << in->id;
    EXPECT_EQ(in->staff, "c2");
    EXPECT_EQ(in->kind, PunchKind::In);
    EXPECT_EQ(in->at, core::formatIso8601(t.clock.now()));
    EXPECT_EQ(outboxCount(t), before + 1);
    expectPunchEvent(t, *in, "clock.in");
    auto status = t.till->timeClock().status("c2");
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->in);
    EXPECT_EQ(status->since, in->at);

    t.clock.advance(std::chrono::hours(8));
    auto out = t.till->timeClock().clockOut("c2", "2222");
    ASSERT_TRUE(out.ok()) << out.status().toString();
    EXPECT_EQ(out->kind, PunchKind::Out);
    EXPECT_NE(out->id, in->id);
    EXPECT_EQ(out->at, core::formatIso8601(t.clock.now()));
    EXPECT_EQ(outboxCount(t), before + 2);
    expectPunchEvent(t, *out, "clock.out");
    status = t.till->timeClock().status("c2");
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->in);
    EXPECT_EQ(status->since, out->at);
    EXPECT_EQ(t.session().user()->id, "s1");
}

TEST(TimeClock, NeedsNobodyLoggedInAndNoShift) {
    Terminal t;
    ASSERT_FALSE(t.session().user().has_value());
    ASSERT_FALSE(t.shifts().current().has_value());
    auto in = t.till->timeClock().clockIn("c1", "1111");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_FALSE(t.session().user().has_value()) << "a punch is not a login";
    auto status = t.till->timeClock().status("m1");
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->in);
    EXPECT_EQ(status->since, "") << "m1 never punched here";
}

TEST(TimeClock, WhoIsInSurvivesReopeningTheTerminalDatabase) {
    Terminal t;
    auto c2 = t.till->timeClock().clockIn("c2", "2222");
    ASSERT_TRUE(c2.ok()) << c2.status().toString();
    t.clock.advance(std::chrono::minutes(5));
    auto m1 = t.till->timeClock().clockIn("m1", "4444");
    ASSERT_TRUE(m1.ok()) << m1.status().toString();

    t.reopen();
    auto in = t.till->timeClock().clockedIn();
    ASSERT_TRUE(in.ok()) << in.status().toString();
    ASSERT_EQ(in->size(), 2u);
    EXPECT_EQ((*in)[0].staff, "c2");
    EXPECT_EQ((*in)[0].since, c2->at);
    EXPECT_EQ((*in)[1].staff, "m1");
    EXPECT_EQ((*in)[1].name, "Max");
    EXPECT_EQ((*in)[1].since, m1->at);
    EXPECT_EQ(t.till->timeClock().clockIn("c2", "2222").status().kind(), core::ErrorKind::FailedPrecondition);

    auto out = t.till->timeClock().clockOut("c2", "2222");
    ASSERT_TRUE(out.ok()) << out.status().toString();
    t.reopen();
    in = t.till->timeClock().clockedIn();
    ASSERT_TRUE(in.ok());
    ASSERT_EQ(in->size(), 1u);
    EXPECT_EQ((*in)[0].staff, "m1");
    EXPECT_EQ(t.till->timeClock().status("c2")->since, out->at);
}

// A punch that must be refused: FailedPrecondition saying `why`, and the outbox, its seq counter
// and the time clock's rows as they were.
void expectRefusedWritingNothing(Terminal& t, const std::function<core::Result<Punch>()>& punch,
                                 const std::string& why) {
    const char* rows =
        "SELECT count(*) || ':' || coalesce(group_concat(in_punch || '/' || coalesce(out_punch, '-')), '')"
        " FROM time_clock";
    const auto events = outboxCount(t);
    const auto seq = queryInt(*t.db, "SELECT value FROM counters WHERE name = 'outbox_seq'");
    const auto clockRows = queryText(*t.db, rows);
    auto refused = punch();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(refused.status().message().find(why), std::string::npos) << refused.status().message();
    EXPECT_EQ(outboxCount(t), events);
    EXPECT_EQ(queryInt(*t.db, "SELECT value FROM counters WHERE name = 'outbox_seq'"), seq) << "no seq taken";
    EXPECT_EQ(queryText(*t.db, rows), clockRows);
}

TEST(TimeClock, ClockingInTwiceOrOutWithoutBeingInIsRefusedWritingNothing) {
    Terminal t;
    TimeClock& clock = t.till->timeClock();
    auto in = [&] { return clock.clockIn("c2", "2222"); };
    auto out = [&] { return clock.clockOut("c2", "2222"); };
    expectRefusedWritingNothing(t, out, "c2 is not clocked in: has not clocked in at this terminal");

    auto clockedIn = in();
    ASSERT_TRUE(clockedIn.ok()) << clockedIn.status().toString();
    t.clock.advance(std::chrono::minutes(1));
    expectRefusedWritingNothing(t, in, "c2 is already clocked in, since " + clockedIn->at);

    auto clockedOut = out();
    ASSERT_TRUE(clockedOut.ok()) << clockedOut.status().toString();
    t.clock.advance(std::chrono::minutes(1));
    expectRefusedWritingNothing(t, out, "c2 is not clocked in: clocked out since " + clockedOut->at);
    EXPECT_EQ(outboxCount(t), 2);
}

// The standard seed locks after 3 wrong PINs; punches and logins count toward the same lock.
TEST(TimeClock, WrongPinIsRefusedAndCountsTowardTheLockoutAsAtLogin) {
    Terminal t;
    TimeClock& clock = t.till->timeClock();
    auto wrong = clock.clockIn("c2", "9999");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(wrong.status().message(), t.session().login("nobody", "2222").status().message())
        << "the same answer as login's, so ids cannot be probed";
    EXPECT_EQ(clock.clockOut("nobody", "2222").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c2'"), 1);

    EXPECT_EQ(t.session().login("c2", "0000").status().kind(), core::ErrorKind::Unauthenticated);
    auto locking = clock.clockOut("c2", "0000");
    EXPECT_EQ(locking.status().kind(), core::ErrorKind::Locked) << locking.status().toString();
    // Locked now, at the time clock and at login, even with the right PIN.
    EXPECT_EQ(clock.clockIn("c2", "2222").status().kind(), core::ErrorKind::Locked);
    EXPECT_EQ(t.session().login("c2", "2222").status().kind(), core::ErrorKind::Locked);
    EXPECT_EQ(outboxCount(t), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM time_clock"), 0);

    // The lock is lifted as any other, and the member clocks in.
    ASSERT_TRUE(t.session().unlock("c2", Approval{"s1", "3333"}).ok());
    EXPECT_TRUE(clock.clockIn("c2", "2222").ok());
}

TEST(TimeClock, APunchDuringAnotherCashiersSaleLeavesTheSaleAlone) {
    Terminal t;
    t.startShift("c1", "1111");
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(200)).ok());
    const auto before = t.checkout().state();
    ASSERT_TRUE(before.ok());
    const auto seqBefore = outboxCount(t);

    auto in = t.till->timeClock().clockIn("c2", "2222");
    ASSERT_TRUE(in.ok()) << in.status().toString();

    EXPECT_EQ(t.session().user()->id, "c1");
    const auto after = t.checkout().state();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->remaining, before->remaining);
    EXPECT_EQ(after->paid, before->paid);
    EXPECT_EQ(t.checkout().cart().lines().size(), 2u);
    ASSERT_TRUE(t.checkout().tenderCash(eur(after->remaining)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
    EXPECT_EQ(sale->event.seq, seqBefore + 2) << "the punch took the seq before the sale's";
    EXPECT_EQ(envelope(*t.db, seqBefore + 1)["staff"], "c2");
    EXPECT_EQ(envelope(*t.db, seqBefore + 1)["type"], "clock.in");
    EXPECT_EQ(envelope(*t.db, sale->event.seq)["staff"], "c1");
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM sales"), "c1");
    EXPECT_EQ(sale->payload["lines"].size(), 2u);
}

TEST(TimeClock, HeadlessActionsClockInOutAndListWhoIsIn) {
    Terminal t;
    HeadlessDriver driver{*t.till, &t.payments};
    auto in = driver.handle(R"({"action":"clock_in","staff":"c2","pin":"2222"})");
    ASSERT_EQ(in.value("ok", false), true) << in.dump();
    EXPECT_EQ(in["staff"], "c2");
    EXPECT_EQ(in["punch"], lastEnvelope(*t.db)["payload"]["punch"]);
    EXPECT_EQ(in["at"], lastEnvelope(*t.db)["at"]);

    auto list = driver.handle(R"({"action":"clocked_in"})");
    ASSERT_EQ(list.value("ok", false), true) << list.dump();
    EXPECT_EQ(list["clocked_in"], json::array({{{"staff", "c2"}, {"name", "Cory"}, {"since", in["at"]}}}));

    auto twice = driver.handle(R"({"action":"clock_in","staff":"c2","pin":"2222"})");
    EXPECT_EQ(twice["error"], "failed_precondition") << twice.dump();
    auto wrong = driver.handle(R"({"action":"clock_out","staff":"c2","pin":"9999"})");
    EXPECT_EQ(wrong["error"], "unauthenticated") << wrong.dump();
    EXPECT_EQ(wrong.dump().find("9999"), std::string::npos) << "the PIN is never echoed";
    auto missing = driver.handle(R"({"action":"clock_out","staff":"c2"})");
    EXPECT_EQ(missing["error"], "invalid_argument") << missing.dump();

    auto out = driver.handle(R"({"action":"clock_out","staff":"c2","pin":"2222"})");
    ASSERT_EQ(out.value("ok", false), true) << out.dump();
    EXPECT_EQ(lastEnvelope(*t.db)["type"], "clock.out");
    EXPECT_EQ(driver.handle(R"({"action":"clocked_in"})")["clocked_in"], json::array());
}

}  // namespace
}  // namespace frontdesk::kiosk

// Reception: bookings and members checked in and out against the local tables, each decision
// (admitted or refused, with its reason) recorded as one checkin.recorded event in the
// transaction that writes its row; visitors signed in and out, a blocked name recorded with a
// discreet flag; input that is no id writes nothing; the permission is checked first.
#include "kiosk/reception.h"

#include <gtest/gtest.h>

#include "core/ids.h"
#include "core/password.h"
#include "kiosk/headless.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

// The fake clock starts at 2026-11-18T11:06:40Z.
constexpr const char* kToday = "2026-11-18";
constexpr const char* kCustomer = "01890a5d-ac96-774b-bcce-b302099a8057";
constexpr const char* kCourt = "01890a5d-ac96-774b-bcce-b302099a0001";     // today 12:00, M-100's
constexpr const char* kLater = "01890a5d-ac96-774b-bcce-b302099a0002";     // today 18:00, nobody's
constexpr const char* kTomorrow = "01890a5d-ac96-774b-bcce-b302099a0003";  // tomorrow
constexpr const char* kNowhere = "01890a5d-ac96-774b-bcce-b302099a0009";   // no such booking

// A terminal whose reception tables hold a few members, bookings and a blocked visitor, as the
// back office's datasets would put them there; c1 logged in, no shift.
struct DeskTerminal : Terminal {
    DeskTerminal() {
        exec(
            "INSERT INTO members (id, name, card_sha256, valid_until, status, visits_90_days, last_visit) VALUES"
            " ('M-100', 'Robin Example', '" +
            core::badgeDigest("CARD-100") +
            "', '2027-06-30', 'active', 3,"
            "  '2026-11-01T09:00:00.000Z'),"
            " ('M-200', 'Sam Suspended', '" +
            core::badgeDigest("CARD-200") +
            "', '2027-06-30', 'suspended', 0, NULL),"
            " ('M-300', 'Eve Expired', '" +
            core::badgeDigest("CARD-300") +
            "', '2026-11-17', 'active', 0, NULL),"
            " ('M-400', 'Last Day', NULL, '2026-11-18', 'active', 0, NULL)");
        exec(
            std::string("INSERT INTO bookings (id, name, resource, starts_at, ends_at, status, customer, member) VALUES"
                        " ('") +
            kLater +
            "', 'Ann Other', 'court 1', '2026-11-18T18:00:00.000Z', '2026-11-18T19:00:00.000Z',"
            " 'booked', NULL, NULL),"
            " ('" +
            kCourt +
            "', 'Robin Example', 'court 2', '2026-11-18T12:00:00.000Z', '2026-11-18T13:00:00.000Z',"
            " 'booked', '" +
            kCustomer +
            "', 'M-100'),"
            " ('" +
            kTomorrow +
            "', 'Robin Example', 'court 2', '2026-11-19T12:00:00.000Z', '2026-11-19T13:00:00.000Z',"
            " 'booked', '" +
            kCustomer + "', 'M-100')");
        exec(
            "INSERT INTO blocklist (id, name, company, name_key) VALUES (7, 'Sam Spammer', 'Spam Ltd', 'sam spammer')");
        if (!session().login("c1", "1111").ok()) throw std::runtime_error("login");
    }
    void exec(const std::string& sql) {
        if (auto st = db->exec(sql); !st.ok()) throw std::runtime_error(st.toString());
    }
    Reception& desk() { return till->reception(); }
    std::int64_t events() { return queryInt(*db, "SELECT count(*) FROM outbox"); }
    std::string bookingStatus(const char* id) {
        return queryText(*db, std::string("SELECT status FROM bookings WHERE id = '") + id + "'");
    }
    // The newest event: of this type, valid against its schema, its entity the given id.
    json lastEvent(const char* type, const std::string& entity) {
        const json event = lastEnvelope(*db);
        EXPECT_EQ(event["type"], type);
        EXPECT_EQ(event["staff"], "c1");
        const auto valid = sync::validateEvent(event);
        EXPECT_TRUE(valid.ok()) << valid.toString();
        EXPECT_EQ(queryText(*db, "SELECT entity_id FROM outbox ORDER BY seq DESC LIMIT 1"), entity);
        return event;
    }
};

// A check-in that must be refused for `reason`: one event saying so, one row, no booking change.
void expectRefused(DeskTerminal& t, const core::Result<CheckinResult>& done, const std::string& reason) {
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_FALSE(done->admitted());
    EXPECT_EQ(done->record.refusal, reason);
    const json event = t.lastEvent("checkin.recorded", done->record.checkin);
    EXPECT_EQ(event["payload"]["outcome"], "refused");
    EXPECT_EQ(event["payload"]["reason"], reason);
    EXPECT_EQ(
        queryText(*t.db, "SELECT outcome || ' ' || reason FROM checkins WHERE id = '" + done->record.checkin + "'"),
        "refused " + reason);
}

// ---- bookings ----

TEST(Reception, ABookingsQrCodeChecksItInWithOneEventAndMarksItCheckedIn) {
    DeskTerminal t;
    const auto before = t.events();
    auto in = t.desk().checkInBooking(kCourt);
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_TRUE(in->admitted());
    EXPECT_TRUE(core::isUuidV7(in->record.checkin));
    EXPECT_EQ(in->at, core::formatIso8601(t.clock.now()));
    ASSERT_TRUE(in->booking.has_value());
    EXPECT_EQ(in->booking->resource, "court 2");
    ASSERT_TRUE(in->member.has_value());
    EXPECT_EQ(in->member->name, "Robin Example");
    EXPECT_EQ(t.events(), before + 1);
    const json event = t.lastEvent("checkin.recorded", in->record.checkin);
    EXPECT_EQ(event["at"], in->at);
    EXPECT_EQ(event["payload"], json({{"checkin", in->record.checkin},
                                      {"direction", "in"},
                                      {"booking", kCourt},
                                      {"member", "M-100"},
                                      {"customer", kCustomer},
                                      {"method", "qr"},
                                      {"outcome", "admitted"}}));
    EXPECT_EQ(t.bookingStatus(kCourt), "checked_in");
    EXPECT_EQ(queryInt(*t.db, "SELECT visits_90_days FROM members WHERE id = 'M-100'"), 4);
    EXPECT_EQ(queryText(*t.db, "SELECT last_visit FROM members WHERE id = 'M-100'"), in->at);

    // Twice is refused, and recorded.
    expectRefused(t, t.desk().checkInBooking(kCourt), "already_in");
    EXPECT_EQ(t.events(), before + 2);
}

TEST(Reception, ABookingChecksOutOnceAndIsCompleted) {
    DeskTerminal t;
    ASSERT_TRUE(t.desk().checkInBooking(kCourt).ok());
    t.clock.advance(std::chrono::minutes(60));
    auto out = t.desk().checkOutBooking(kCourt, CheckinMethod::Name);
    ASSERT_TRUE(out.ok()) << out.status().toString();
    EXPECT_TRUE(out->admitted());
    const json event = t.lastEvent("checkin.recorded", out->record.checkin);
    EXPECT_EQ(event["payload"]["direction"], "out");
    EXPECT_EQ(event["payload"]["method"], "name");
    EXPECT_EQ(t.bookingStatus(kCourt), "completed");
    EXPECT_EQ(queryInt(*t.db, "SELECT visits_90_days FROM members WHERE id = 'M-100'"), 4) << "leaving is no visit";
    expectRefused(t, t.desk().checkOutBooking(kCourt), "already_out");
    expectRefused(t, t.desk().checkInBooking(kCourt), "already_out");
}

TEST(Reception, ABookingOfAnotherDayOrNoneAtAllIsRefusedAndRecorded) {
    DeskTerminal t;
    expectRefused(t, t.desk().checkInBooking(kTomorrow), "not_today");
    EXPECT_EQ(t.bookingStatus(kTomorrow), "booked");
    auto unknown = t.desk().checkInBooking(kNowhere);
    expectRefused(t, unknown, "unknown");
    const json event = t.lastEvent("checkin.recorded", unknown->record.checkin);
    EXPECT_EQ(event["payload"]["booking"], kNowhere);
    EXPECT_FALSE(event["payload"].contains("member"));
    EXPECT_FALSE(unknown->booking.has_value());
}

TEST(Reception, WhatIsNoBookingIdOrMembershipIdIsRefusedWritingNothing) {
    DeskTerminal t;
    const auto before = t.events();
    for (const char* bad : {"", "BOOKING-1", "01890A5D-AC96-774B-BCCE-B302099A0001"}) {
        EXPECT_EQ(t.desk().checkInBooking(bad).status().kind(), core::ErrorKind::InvalidArgument) << bad;
        EXPECT_EQ(t.desk().checkOutBooking(bad).status().kind(), core::ErrorKind::InvalidArgument) << bad;
    }
    EXPECT_EQ(t.desk().checkInBooking(kCourt, CheckinMethod::Card).status().kind(), core::ErrorKind::InvalidArgument);
    for (const char* bad : {"", "M 100", "M-100'--"}) {
        EXPECT_EQ(t.desk().checkInMember(bad).status().kind(), core::ErrorKind::InvalidArgument) << bad;
    }
    EXPECT_EQ(t.desk().checkInCard("").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.desk().checkInCard(std::string(Reception::kMaxCardBytes + 1, '1')).status().kind(),
              core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.events(), before);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM checkins"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT value FROM counters WHERE name = 'outbox_seq'"), before) << "no seq taken";
}

TEST(Reception, TheDaysBookingsEarliestFirst) {
    DeskTerminal t;
    auto today = t.desk().bookingsToday();
    ASSERT_TRUE(today.ok()) << today.status().toString();
    ASSERT_EQ(today->size(), 2u);
    EXPECT_EQ((*today)[0].id, kCourt);
    EXPECT_EQ((*today)[0].member, "M-100");
    EXPECT_EQ((*today)[1].id, kLater);
    EXPECT_EQ((*today)[1].customer, "");
}

// ---- members ----

TEST(Reception, AnActiveMembersCardAdmitsThemAndTheCardIsNeverKept) {
    DeskTerminal t;
    auto in = t.desk().checkInCard("CARD-100");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_TRUE(in->admitted());
    ASSERT_TRUE(in->member.has_value());
    EXPECT_EQ(in->member->visits90Days, 3) << "as the table had them before this visit";
    const json event = t.lastEvent("checkin.recorded", in->record.checkin);
    EXPECT_EQ(event["payload"], json({{"checkin", in->record.checkin},
                                      {"direction", "in"},
                                      {"member", "M-100"},
                                      {"method", "card"},
                                      {"outcome", "admitted"}}));
    EXPECT_EQ(queryInt(*t.db, "SELECT visits_90_days FROM members WHERE id = 'M-100'"), 4);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE envelope LIKE '%CARD-%'"), 0);

    // A card nobody holds names nobody; the card itself is not recorded either.
    auto unknown = t.desk().checkInCard("CARD-999");
    expectRefused(t, unknown, "unknown");
    EXPECT_FALSE(t.lastEvent("checkin.recorded", unknown->record.checkin)["payload"].contains("member"));
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE envelope LIKE '%CARD-%'"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM checkins WHERE member IS NULL"), 1);
}

TEST(Reception, SuspendedAndExpiredMembersAreRefusedWithTheReasonAndTheLastDayStillCounts) {
    DeskTerminal t;
    expectRefused(t, t.desk().checkInCard("CARD-200"), "suspended");
    auto expired = t.desk().checkInCard("CARD-300");
    expectRefused(t, expired, "expired");
    EXPECT_EQ(t.lastEvent("checkin.recorded", expired->record.checkin)["payload"]["member"], "M-300");
    EXPECT_EQ(queryInt(*t.db, "SELECT visits_90_days FROM members WHERE id = 'M-300'"), 0);
    auto lastDay = t.desk().checkInMember("M-400");
    ASSERT_TRUE(lastDay.ok()) << lastDay.status().toString();
    EXPECT_TRUE(lastDay->admitted()) << "valid until " << kToday << " includes today";
    EXPECT_EQ(t.lastEvent("checkin.recorded", lastDay->record.checkin)["payload"]["method"], "member_id");
    // The day after, it has expired.
    t.clock.advance(std::chrono::hours(24));
    expectRefused(t, t.desk().checkInMember("M-400"), "expired");
}

TEST(Reception, AMembershipIdNobodyHasIsRefusedNamingIt) {
    DeskTerminal t;
    auto unknown = t.desk().checkInMember("M-999");
    expectRefused(t, unknown, "unknown");
    EXPECT_EQ(t.lastEvent("checkin.recorded", unknown->record.checkin)["payload"]["member"], "M-999");
}

// ---- visitors ----

TEST(Reception, AVisitorSignsInAndOutEachWithOneEvent) {
    DeskTerminal t;
    auto in = t.desk().visitorIn("Vera Visitor", "Acme", "Max");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_FALSE(in->record.blocked);
    json event = t.lastEvent("visitor.in", in->record.visit);
    EXPECT_EQ(event["payload"], json({{"visit", in->record.visit},
                                      {"name", "Vera Visitor"},
                                      {"company", "Acme"},
                                      {"host", "Max"},
                                      {"blocked", false}}));
    auto present = t.desk().visitorsIn();
    ASSERT_TRUE(present.ok());
    ASSERT_EQ(present->size(), 1u);
    EXPECT_EQ((*present)[0].record.name, "Vera Visitor");

    t.clock.advance(std::chrono::minutes(30));
    auto out = t.desk().visitorOut(in->record.visit);
    ASSERT_TRUE(out.ok()) << out.status().toString();
    EXPECT_EQ(out->outAt, core::formatIso8601(t.clock.now()));
    event = t.lastEvent("visitor.out", in->record.visit);
    EXPECT_EQ(event["payload"], json({{"visit", in->record.visit}}));
    EXPECT_TRUE(t.desk().visitorsIn()->empty());

    const auto before = t.events();
    EXPECT_EQ(t.desk().visitorOut(in->record.visit).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.desk().visitorOut(kNowhere).status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(t.desk().visitorIn("   ", "", "").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.desk().visitorIn("Vera", std::string(201, 'x'), "").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.events(), before);
}

TEST(Reception, ABlockedNameIsSignedInAllTheSameWithTheFlagSetWhateverItsCaseAndSpaces) {
    DeskTerminal t;
    for (const char* name : {"Sam Spammer", "  sam   SPAMMER ", "SAM SPAMMER"}) {
        auto in = t.desk().visitorIn(name, "", "");
        ASSERT_TRUE(in.ok()) << in.status().toString();
        EXPECT_TRUE(in->record.blocked) << name;
        EXPECT_EQ(t.lastEvent("visitor.in", in->record.visit)["payload"]["blocked"], true);
    }
    auto other = t.desk().visitorIn("Sam Spammers", "Spam Ltd", "");
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other->record.blocked);
}

// ---- who may ----

TEST(Reception, NeedsSomeoneLoggedInButNoShift) {
    DeskTerminal t;
    ASSERT_FALSE(t.shifts().current().has_value());
    EXPECT_TRUE(t.desk().checkInCard("CARD-100").ok());
    t.session().logout();
    const auto before = t.events();
    EXPECT_EQ(t.desk().checkInCard("CARD-100").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.desk().checkInBooking("not even an id").status().kind(), core::ErrorKind::Unauthenticated)
        << "the user is checked before the input";
    EXPECT_EQ(t.desk().visitorIn("Vera", "", "").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.desk().bookingsToday().status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.events(), before);
}

TEST(Reception, AReceptionistWorksTheDeskAndTheTimeClockButNeitherSellsNorHandlesCash) {
    json seed = standardSeed();
    seed["staff"].push_back({{"id", "r1"}, {"name", "Rey"}, {"role", "receptionist"}, {"pin", "5555"}});
    Terminal t(seed);
    ASSERT_TRUE(
        t.db->exec("INSERT INTO members (id, name, valid_until, status) VALUES ('M-1', 'One', '2099-01-01', 'active')")
            .ok());
    auto in = t.till->timeClock().clockIn("r1", "5555");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    auto member = t.session().login("r1", "5555");
    ASSERT_TRUE(member.ok()) << member.status().toString();
    EXPECT_EQ(member->role, Role::Receptionist);
    auto checkin = t.till->reception().checkInMember("M-1");
    ASSERT_TRUE(checkin.ok()) << checkin.status().toString();
    EXPECT_TRUE(checkin->admitted());
    EXPECT_EQ(lastEnvelope(*t.db)["staff"], "r1");
    EXPECT_TRUE(t.till->reception().visitorIn("Vera", "", "").ok());

    EXPECT_EQ(t.shifts().open(eur(10000)).status().kind(), core::ErrorKind::PermissionDenied);
    // With a shift someone else opened: still no selling, no cash, no refunds.
    t.session().logout();
    t.startShift();
    ASSERT_TRUE(t.session().login("r1", "5555").ok());
    EXPECT_EQ(t.checkout().scan(kApple, dec("1")).status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.checkout().attachMember("M-1").status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.shifts().paidIn(eur(100), "float").kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.shifts().noSale("look").kind(), core::ErrorKind::PermissionDenied);
    RefundRequest refund;
    refund.items = {{"A", dec("1"), std::nullopt}};
    refund.reason = "returned";
    EXPECT_EQ(t.refunds().refund(refund).status().kind(), core::ErrorKind::PermissionDenied);
    // Nor approve what a cashier may not do.
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    EXPECT_EQ(t.checkout().voidSale("mistake", Approval{"r1", "5555"}).status().kind(),
              core::ErrorKind::PermissionDenied);
    EXPECT_TRUE(t.till->timeClock().clockOut("r1", "5555").ok());
}

// ---- headless ----

TEST(Reception, HeadlessActions) {
    DeskTerminal t;
    HeadlessDriver driver(*t.till, &t.payments);
    auto send = [&](const json& a) { return driver.handle(a.dump()); };

    json today = send({{"action", "bookings_today"}});
    ASSERT_TRUE(today.value("ok", false)) << today.dump();
    ASSERT_EQ(today["bookings"].size(), 2u);
    EXPECT_EQ(today["bookings"][0]["resource"], "court 2");

    json in = send({{"action", "checkin"}, {"booking", kCourt}});
    ASSERT_TRUE(in.value("ok", false)) << in.dump();
    EXPECT_EQ(in["outcome"], "admitted");
    EXPECT_EQ(in["method"], "qr");
    EXPECT_EQ(in["booking"], kCourt);
    EXPECT_EQ(in["member"], "M-100");
    EXPECT_EQ(in["details"]["booking"]["resource"], "court 2");
    EXPECT_EQ(in["details"]["member"]["name"], "Robin Example");
    EXPECT_EQ(in["details"]["member"]["state"], "active");

    json card = send({{"action", "checkin"}, {"card", "CARD-200"}});
    ASSERT_TRUE(card.value("ok", false)) << card.dump();
    EXPECT_EQ(card["outcome"], "refused");
    EXPECT_EQ(card["reason"], "suspended");
    EXPECT_EQ(card["details"]["member"]["state"], "suspended");
    const std::string pretty = describeResult({{"action", "checkin"}}, card, t.till->settings().currency);
    EXPECT_NE(pretty.find("in: REFUSED (suspended), Sam Suspended (suspended)"), std::string::npos) << pretty;

    json typed = send({{"action", "checkin"}, {"member", "M-999"}});
    EXPECT_EQ(typed["reason"], "unknown");
    EXPECT_EQ(typed["member"], "M-999");
    EXPECT_EQ(typed["details"], json::object());

    json out = send({{"action", "checkout"}, {"booking", kCourt}, {"method", "name"}});
    ASSERT_TRUE(out.value("ok", false)) << out.dump();
    EXPECT_EQ(out["direction"], "out");
    EXPECT_EQ(out["method"], "name");

    EXPECT_EQ(send({{"action", "checkin"}})["message"], "name one of 'booking', 'card' or 'member'");
    EXPECT_EQ(send({{"action", "checkin"}, {"card", "CARD-100"}, {"member", "M-100"}})["error"], "invalid_argument");
    EXPECT_EQ(send({{"action", "checkin"}, {"booking", kCourt}, {"method", "face"}})["error"], "invalid_argument");

    json visitor = send({{"action", "visitor_in"}, {"name", "sam spammer"}, {"company", "Spam Ltd"}, {"host", "Max"}});
    ASSERT_TRUE(visitor.value("ok", false)) << visitor.dump();
    EXPECT_EQ(visitor["blocked"], true);
    EXPECT_NE(describeResult({}, visitor, t.till->settings().currency).find("ALERT: on the block list"),
              std::string::npos);
    EXPECT_EQ(send({{"action", "visitors_in"}})["visitors"].size(), 1u);
    json left = send({{"action", "visitor_out"}, {"visit", visitor["visit"]}});
    ASSERT_TRUE(left.value("ok", false)) << left.dump();
    EXPECT_TRUE(left.contains("out_at"));
    EXPECT_EQ(send({{"action", "visitor_out"}, {"visit", visitor["visit"]}})["error"], "failed_precondition");
}

}  // namespace
}  // namespace frontdesk::kiosk

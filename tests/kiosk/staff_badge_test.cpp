// Staff badges: a badge logs its holder in, approves, punches the time clock and takes back a
// self-service till, as the holder's id and PIN would; it is kept only as its digest; a badge
// nobody holds is refused without counting against anyone, and a locked member's badge is locked
// too. Seeds give a badge as read or as its digest, once per member.
#include <gtest/gtest.h>

#include "core/password.h"
#include "kiosk/headless.h"
#include "kiosk/time_clock.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

TEST(StaffBadge, LogsItsHolderInAndIsKeptOnlyAsItsDigest) {
    Terminal t;
    t.session().logout();
    auto member = t.session().login(Credential::ofBadge(kBadgeSue));
    ASSERT_TRUE(member.ok()) << member.status().toString();
    EXPECT_EQ(member->id, "s1");
    EXPECT_EQ(member->role, Role::Supervisor);
    ASSERT_TRUE(t.session().user().has_value());
    EXPECT_EQ(t.session().user()->id, "s1");
    EXPECT_EQ(queryText(*t.db, "SELECT badge_sha256 FROM staff WHERE id = 's1'"), core::badgeDigest(kBadgeSue));
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM staff WHERE badge_sha256 IS NULL"), 2) << "c2 and m1 have none";
    EXPECT_EQ(queryInt(*t.db, std::string("SELECT count(*) FROM staff WHERE id || name || role || pin_hash || "
                                          "coalesce(badge_sha256, '') LIKE '%") +
                                  kBadgeSue + "%'"),
              0)
        << "the badge itself is never stored";
}

TEST(StaffBadge, ABadgeNobodyHoldsIsRefusedAndCountsAgainstNobody) {
    Terminal t;
    t.session().logout();
    auto unknown = t.session().login(Credential::ofBadge("0004417799"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_NE(unknown.status().message().find("badge"), std::string::npos) << unknown.status().message();
    EXPECT_FALSE(t.session().user().has_value());
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(failed_attempts) FROM staff"), 0);
    // A badge's digest is not a badge: the stored value read off a copy of the database opens nothing.
    EXPECT_FALSE(t.session().login(Credential::ofBadge(core::badgeDigest(kBadgeSue))).ok());
}

TEST(StaffBadge, ALockedMembersBadgeIsLockedTooUntilASupervisorUnlocksThem) {
    Terminal t;
    t.session().logout();
    for (const char* pin : {"0000", "0001", "0002"}) (void)t.session().login("c1", pin);
    auto locked = t.session().login(Credential::ofBadge(kBadgeCass));
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.status().kind(), core::ErrorKind::Locked);
    ASSERT_TRUE(t.session().unlock("c1", Approval::ofBadge(kBadgeSue)).ok()) << "a supervisor's badge unlocks";
    auto member = t.session().login(Credential::ofBadge(kBadgeCass));
    ASSERT_TRUE(member.ok()) << member.status().toString();
    EXPECT_EQ(member->id, "c1");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit WHERE action = 'unlock_staff'"), "s1");
}

TEST(StaffBadge, ApprovesAsItsHoldersRoleMayAndNeverTheirOwnOperation) {
    Terminal t;
    t.startShift();  // c1
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    const auto discount = [&](const Approval& approval) {
        return t.checkout().lineDiscount(1, *Discount::make("0.50", "", t.till->settings().currency), approval);
    };
    auto own = discount(Approval::ofBadge(kBadgeCass));
    ASSERT_FALSE(own.ok());
    EXPECT_EQ(own.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(own.status().message().find("own"), std::string::npos) << own.status().message();

    ASSERT_TRUE(t.session().login(Credential::ofBadge(kBadgeSue)).ok());  // the supervisor at the till
    ASSERT_TRUE(t.session().login("c2", "2222").ok());                    // a cashier switch, by PIN
    auto byCass = discount(Approval::ofBadge(kBadgeCass));
    ASSERT_FALSE(byCass.ok());
    EXPECT_EQ(byCass.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(byCass.status().message().find("c1"), std::string::npos) << "names who may not approve";

    auto bySue = discount(Approval::ofBadge(kBadgeSue));
    ASSERT_TRUE(bySue.ok()) << bySue.status().toString();
    EXPECT_EQ(t.checkout().cart().lines()[0].discount.approvedBy, "s1");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit WHERE action = 'line_discount'"), "s1");
}

TEST(StaffBadge, PunchesTheTimeClockAndTheEventSaysByBadge) {
    Terminal t;
    auto in = t.till->timeClock().punch(PunchKind::In, Credential::ofBadge(kBadgeSue));
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_EQ(in->staff, "s1");
    const json event = lastEnvelope(*t.db);
    EXPECT_EQ(event["type"], "clock.in");
    EXPECT_EQ(event["staff"], "s1");
    EXPECT_EQ(event["payload"], json({{"punch", in->id}, {"method", "badge"}}));
    EXPECT_TRUE(sync::validateEvent(event).ok());
    auto twice = t.till->timeClock().punch(PunchKind::In, Credential::ofBadge(kBadgeSue));
    EXPECT_EQ(twice.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.till->timeClock().punch(PunchKind::Out, Credential::ofBadge("nobody's")).status().kind(),
              core::ErrorKind::Unauthenticated);
    auto out = t.till->timeClock().punch(PunchKind::Out, Credential{"s1", "3333"});
    ASSERT_TRUE(out.ok()) << out.status().toString();
    EXPECT_EQ(lastEnvelope(*t.db)["payload"]["method"], "pin");
}

TEST(StaffBadge, TakesBackASelfServiceTillAndApprovesThereButACustomerCannotUseTheWrongOne) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.session().startUnattended().ok());
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    // At an unattended till anyone whose role may approve does, the attendant included.
    EXPECT_FALSE(t.checkout().confirmAge(Approval::ofBadge("0000000000")).ok());
    ASSERT_TRUE(t.checkout().confirmAge(Approval::ofBadge(kBadgeCass)).ok());
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit WHERE action = 'age_check'"), "c1");
    auto back = t.session().endUnattended(Credential::ofBadge(kBadgeSue));
    ASSERT_TRUE(back.ok()) << back.status().toString();
    EXPECT_FALSE(t.session().unattended());
    EXPECT_EQ(t.session().user()->id, "s1");
}

TEST(StaffBadge, SeedsGiveABadgeAsReadOrAsItsDigestOncePerMember) {
    json seed = standardSeed();
    seed["staff"] = json::array({
        {{"id", "a1"}, {"name", "Ann"}, {"role", "cashier"}, {"pin", "1111"}, {"badge", "B-1"}},
        {{"id", "a2"},
         {"name", "Bo"},
         {"role", "cashier"},
         {"pin", "2222"},
         {"badge_sha256", core::badgeDigest("B-2")}},
        {{"id", "a3"}, {"name", "Cy"}, {"role", "cashier"}, {"pin", "3333"}, {"badge", "B-1"}},
        {{"id", "a4"},
         {"name", "Di"},
         {"role", "cashier"},
         {"pin", "4444"},
         {"badge", "B-4"},
         {"badge_sha256", core::badgeDigest("B-4")}},
        {{"id", "a5"}, {"name", "Ed"}, {"role", "cashier"}, {"pin", "5555"}, {"badge_sha256", "B-5"}},
        {{"id", "a6"}, {"name", "Flo"}, {"role", "manager"}, {"pin", "6666"}},
    });
    Terminal t(seed);
    t.session().logout();
    EXPECT_EQ(queryColumn(*t.db, "SELECT id FROM staff ORDER BY id"), std::vector<std::string>({"a1", "a2", "a6"}));
    EXPECT_EQ(queryColumn(*t.db, "SELECT item_key FROM quarantine ORDER BY item_key"),
              std::vector<std::string>({"a3", "a4", "a5"}));
    EXPECT_NE(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'a3'").find("badge"), std::string::npos);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE raw LIKE '%B-1%' OR raw LIKE '%B-4%'"), 0)
        << "a badge is never kept, not even in the quarantine";
    EXPECT_EQ(t.session().login(Credential::ofBadge("B-1"))->id, "a1");
    EXPECT_EQ(t.session().login(Credential::ofBadge("B-2"))->id, "a2");
}

TEST(StaffBadge, HeadlessActionsTakeABadgeWhereTheyTakeAnIdAndPin) {
    Terminal t;
    t.startShift();
    HeadlessDriver driver{*t.till, &t.payments};
    auto login = driver.handle(std::string(R"({"action":"login","badge":")") + kBadgeSue + "\"}");
    ASSERT_EQ(login.value("ok", false), true) << login.dump();
    EXPECT_EQ(login["staff"], "s1");
    ASSERT_EQ(driver.handle(R"({"action":"login","staff":"c1","pin":"1111"})").value("ok", false), true);
    ASSERT_EQ(driver.handle(R"({"action":"scan","code":"4000000000017","qty":"2"})").value("ok", false), true);
    auto refused = driver.handle(R"({"action":"discount","line":1,"amount":"0.50","approver_badge":"0000"})");
    EXPECT_EQ(refused["error"], "unauthenticated") << refused.dump();
    EXPECT_EQ(refused.dump().find("0000\""), std::string::npos) << "the badge is never echoed";
    auto approved = driver.handle(std::string(R"({"action":"discount","line":1,"amount":"0.50","approver_badge":")") +
                                  kBadgeSue + "\"}");
    ASSERT_EQ(approved.value("ok", false), true) << approved.dump();
    auto both = driver.handle(std::string(R"({"action":"clock_in","staff":"s1","badge":")") + kBadgeSue + "\"}");
    EXPECT_EQ(both["error"], "invalid_argument") << both.dump();
    auto in = driver.handle(std::string(R"({"action":"clock_in","badge":")") + kBadgeCass + "\"}");
    ASSERT_EQ(in.value("ok", false), true) << in.dump();
    EXPECT_EQ(in["staff"], "c1");
    EXPECT_EQ(lastEnvelope(*t.db)["payload"]["method"], "badge");
}

}  // namespace
}  // namespace frontdesk::kiosk

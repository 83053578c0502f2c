// Age-restricted items and the unattended (self-service) till: payment waits for a member of
// staff to confirm the customer's age, who is audited and named on the sale; an unattended till
// lets the customer scan, pay and check in and wants a member of staff's PIN for everything else,
// even what the logged-in attendant's own role allows; a customer who walks away leaves a void
// that needs nobody; a member of staff takes the till back; the touchscreen's mode as the back
// office configures it.
#include <gtest/gtest.h>

#include "kiosk/terminal_db.h"
#include "kiosk/till.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

const Approval kSupervisor{"s1", "3333"};
const Approval kAttendant{"c1", "1111"};

struct SelfServiceTerminal : Terminal {
    SelfServiceTerminal() { startShift(); }
    std::int64_t count(const std::string& sql) { return queryInt(*db, "SELECT count(*) FROM " + sql); }
};

// ---- age checks ----

TEST(AgeCheck, PaymentWaitsUntilStaffConfirmTheAgeAndTheSaleNamesWho) {
    SelfServiceTerminal t;
    auto s = t.checkout().scan(kApple, dec("1"));
    ASSERT_TRUE(s.ok());
    EXPECT_FALSE(s->ageCheckNeeded);
    EXPECT_EQ(t.checkout().confirmAge().status().kind(), core::ErrorKind::FailedPrecondition)
        << "nothing age-restricted yet";
    s = t.checkout().scan(kSherry, dec("1"));
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->ageCheckNeeded);
    for (auto refused : {t.checkout().tenderCash(eur(2000)).status(), t.checkout().tenderCard().status()}) {
        EXPECT_EQ(refused.kind(), core::ErrorKind::FailedPrecondition);
        EXPECT_NE(refused.message().find("Xeres sherry is age-restricted"), std::string::npos) << refused.toString();
    }
    EXPECT_EQ(t.checkout().complete().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.payments.reversals(), 0) << "the terminal was never asked";

    auto confirmed = t.checkout().confirmAge();
    ASSERT_TRUE(confirmed.ok()) << confirmed.status().toString();
    EXPECT_FALSE(confirmed->ageCheckNeeded);
    EXPECT_EQ(confirmed->ageCheckedBy, "c1");
    EXPECT_EQ(t.count("audit WHERE action = 'age_check' AND staff = 'c1' AND approved_by = 'c1'"), 1);
    ASSERT_TRUE(t.checkout().tenderCash(eur(2000)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->payload["age_checked_by"], "c1");
    const auto valid = sync::validateEvent(nlohmann::json::parse(done->event.envelope));
    EXPECT_TRUE(valid.ok()) << valid.toString();

    // The next customer is checked again.
    s = t.checkout().scan(kSherry, dec("1"));
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->ageCheckNeeded);
}

TEST(AgeCheck, ASaleWithoutRestrictedItemsRecordsNoCheck) {
    SelfServiceTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(200)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    EXPECT_FALSE(done->payload.contains("age_checked_by"));
}

TEST(AgeCheck, AParkedSaleIsCheckedAgainWhenResumed) {
    SelfServiceTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    auto parked = t.checkout().park("back soon");
    ASSERT_TRUE(parked.ok());
    auto resumed = t.checkout().resume(*parked);
    ASSERT_TRUE(resumed.ok());
    EXPECT_TRUE(resumed->ageCheckNeeded) << "whoever comes back is checked again";
}

// ---- the unattended till ----

TEST(Unattended, CustomersScanPayAndCheckInButEverythingElseWantsAMemberOfStaff) {
    SelfServiceTerminal t;  // c1, a cashier, opened the shift
    ASSERT_TRUE(t.session().startUnattended().ok());
    EXPECT_TRUE(t.session().unattended());
    EXPECT_EQ(t.count("audit WHERE action = 'unattended_started' AND staff = 'c1'"), 1);

    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    // What the cashier's own role allows is not the customer's to do.
    auto age = t.checkout().confirmAge();
    EXPECT_EQ(age.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(age.status().message().find("self-service"), std::string::npos) << age.status().toString();
    EXPECT_EQ(t.checkout().confirmAge(Approval{"s1", "0000"}).status().kind(), core::ErrorKind::Unauthenticated);
    // The attendant walks over: their own PIN approves.
    auto confirmed = t.checkout().confirmAge(kAttendant);
    ASSERT_TRUE(confirmed.ok()) << confirmed.status().toString();
    EXPECT_EQ(confirmed->ageCheckedBy, "c1");
    // A discount needs a supervisor's PIN, as it would at a staffed till; a cashier's PIN is not enough.
    EXPECT_EQ(t.checkout()
                  .lineDiscount(1, *Discount::make("1.00", "", t.till->settings().currency), kAttendant)
                  .status()
                  .kind(),
              core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.shifts().paidIn(eur(100), "change").kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.checkout().voidSale("changed mind").status().kind(), core::ErrorKind::PermissionDenied);

    ASSERT_TRUE(t.checkout().tenderCard().ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(nlohmann::json::parse(done->event.envelope)["staff"], "c1") << "the lane's attendant";

    // Take a number, as a customer may.
    EXPECT_TRUE(t.till->queue().take().ok());
}

TEST(Unattended, ACustomerWhoWalksAwayLeavesAVoidThatNeedsNobody) {
    SelfServiceTerminal t;
    EXPECT_EQ(t.checkout().abandon().status().kind(), core::ErrorKind::FailedPrecondition) << "not unattended";
    ASSERT_TRUE(t.session().startUnattended().ok());
    EXPECT_EQ(t.checkout().abandon().status().kind(), core::ErrorKind::FailedPrecondition) << "no sale";
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    auto voided = t.checkout().abandon();
    ASSERT_TRUE(voided.ok()) << voided.status().toString();
    const auto event = nlohmann::json::parse(voided->envelope);
    EXPECT_EQ(event["type"], "sale.voided");
    EXPECT_EQ(event["payload"]["reason"], Checkout::kAbandonedReason);
    EXPECT_EQ(event["payload"]["approved_by"], "");
    EXPECT_TRUE(t.checkout().cart().empty());
    EXPECT_EQ(t.count("voided_sales"), 1);
}

TEST(Unattended, AMemberOfStaffTakesTheTillBackAndIsLoggedIn) {
    SelfServiceTerminal t;
    EXPECT_EQ(t.session().endUnattended(kSupervisor).status().kind(), core::ErrorKind::FailedPrecondition);
    ASSERT_TRUE(t.session().startUnattended().ok());
    EXPECT_EQ(t.session().endUnattended(Approval{"s1", "9999"}).status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_TRUE(t.session().unattended());
    auto back = t.session().endUnattended(kSupervisor);
    ASSERT_TRUE(back.ok()) << back.status().toString();
    EXPECT_FALSE(t.session().unattended());
    EXPECT_EQ(t.session().user()->id, "s1");
    EXPECT_EQ(t.count("audit WHERE action = 'unattended_ended' AND staff = 's1'"), 1);
    EXPECT_TRUE(t.shifts().paidIn(eur(100), "change").ok()) << "attended again: the role's own rights";
}

TEST(Unattended, OnlyAMemberWhoSellsHandsATillToCustomersAndLoggingOutEndsIt) {
    nlohmann::json seed = standardSeed();
    seed["staff"].push_back({{"id", "r1"}, {"name", "Rey"}, {"role", "receptionist"}, {"pin", "5555"}});
    Terminal t(seed);
    EXPECT_EQ(t.session().startUnattended().kind(), core::ErrorKind::Unauthenticated);
    ASSERT_TRUE(t.session().login("r1", "5555").ok());
    EXPECT_EQ(t.session().startUnattended().kind(), core::ErrorKind::PermissionDenied);
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.session().startUnattended().ok());
    t.session().logout();
    EXPECT_FALSE(t.session().unattended());
}

// ---- the mode the back office configures ----

TEST(TerminalMode, TheConfigurationsModeIsReadAndAnUnknownOneRefusedWithTheReason) {
    Terminal t;
    auto none = configuredMode(*t.db);
    ASSERT_TRUE(none.ok()) << none.status().toString();
    EXPECT_FALSE(none->has_value()) << "no configuration received yet";
    auto configure = [&](const std::string& config) {
        ASSERT_TRUE(t.db->exec("INSERT INTO settings (key, value) VALUES ('terminal_config', '" + config +
                               "') ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                        .ok());
    };
    configure(R"({"version": 1})");
    EXPECT_FALSE(configuredMode(*t.db)->has_value());
    configure(R"({"version": 2, "mode": "self-service"})");
    EXPECT_EQ(configuredMode(*t.db)->value_or(""), "self-service");
    configure(R"({"version": 3, "mode": "kiosk"})");
    auto unknown = configuredMode(*t.db);
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(unknown.status().message().find("'kiosk'"), std::string::npos);
}

}  // namespace
}  // namespace frontdesk::kiosk

// Staff: PIN login, Argon2id-only storage, lockout that survives a restart and expires, the role
// policy, and approvals by a second staff member being checked and recorded.
#include "kiosk/staff.h"

#include <gtest/gtest.h>

#include "core/password.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using std::chrono::seconds;

// ---- login ----

TEST(StaffLogin, RightPinLogsInWithNameAndRole) {
    Terminal t;
    EXPECT_FALSE(t.session().user().has_value());
    auto member = t.session().login("s1", "3333");
    ASSERT_TRUE(member.ok()) << member.status().toString();
    EXPECT_EQ(member->id, "s1");
    EXPECT_EQ(member->name, "Sue");
    EXPECT_EQ(member->role, Role::Supervisor);
    ASSERT_TRUE(t.session().user().has_value());
    EXPECT_EQ(t.session().user()->id, "s1");
    t.session().logout();
    EXPECT_FALSE(t.session().user().has_value());
}

TEST(StaffLogin, WrongPinIsUnauthenticatedAndLogsNobodyIn) {
    Terminal t;
    auto wrong = t.session().login("c1", "1112");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_FALSE(t.session().user().has_value());
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c1'"), 1);
    // Another staff member's PIN is not a valid PIN for c1.
    EXPECT_EQ(t.session().login("c1", "2222").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().login("c2", "").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_FALSE(t.session().user().has_value());
}

TEST(StaffLogin, UnknownIdAndWrongPinGiveTheSameAnswer) {
    Terminal t;
    auto unknown = t.session().login("nobody", "1111");
    auto wrongPin = t.session().login("c1", "9999");
    ASSERT_FALSE(unknown.ok());
    ASSERT_FALSE(wrongPin.ok());
    EXPECT_EQ(unknown.status().kind(), wrongPin.status().kind());
    EXPECT_EQ(unknown.status().message(), wrongPin.status().message());
    EXPECT_EQ(unknown.status().message().find("nobody"), std::string::npos);
    EXPECT_EQ(wrongPin.status().message().find("c1"), std::string::npos);
}

TEST(StaffLogin, PinsAreStoredOnlyAsArgon2idHashes) {
    Terminal t;
    const std::pair<const char*, const char*> staff[] = {
        {"c1", "1111"}, {"c2", "2222"}, {"s1", "3333"}, {"m1", "4444"}};
    for (const auto& [id, pin] : staff) {
        const auto hash = queryText(*t.db, std::string("SELECT pin_hash FROM staff WHERE id = '") + id + "'");
        EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << id << ": " << hash;
        EXPECT_NE(hash, pin);
        EXPECT_TRUE(core::verifySecret(hash, pin)) << id;
    }
    // Salted: the same PIN hashes differently for two members.
    StaffDirectory directory(*t.db, t.clock, t.till->settings());
    ASSERT_TRUE(directory.upsert({"c3", "Cat", Role::Cashier}, "1111", core::HashStrength::Minimum).ok());
    EXPECT_NE(queryText(*t.db, "SELECT pin_hash FROM staff WHERE id = 'c3'"),
              queryText(*t.db, "SELECT pin_hash FROM staff WHERE id = 'c1'"));
    // No column of the staff table holds a PIN or a badge: only their hashes.
    const auto columns = queryColumn(*t.db, "SELECT name FROM pragma_table_info('staff')");
    EXPECT_EQ(columns, std::vector<std::string>(
                           {"id", "name", "role", "pin_hash", "failed_attempts", "locked_until", "badge_sha256"}));
}

TEST(StaffLogin, PinsMustBeFourToTwelveDigitsAndHashesMustBeArgon2id) {
    Terminal t;
    StaffDirectory directory(*t.db, t.clock, t.till->settings());
    for (const char* pin : {"123", "1234567890123", "12a4", "", "12 34"}) {
        auto st = directory.upsert({"c9", "Nine", Role::Cashier}, pin, core::HashStrength::Minimum);
        EXPECT_EQ(st.kind(), core::ErrorKind::InvalidArgument) << pin;
        if (*pin) {
            EXPECT_EQ(st.message().find(pin), std::string::npos) << "the PIN is echoed: " << st.message();
        }
    }
    EXPECT_EQ(directory.upsertHashed({"c9", "Nine", Role::Cashier}, "$2b$10$abcdefghijk").kind(),
              core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM staff WHERE id = 'c9'"), 0);
    EXPECT_TRUE(directory.upsert({"c9", "Nine", Role::Cashier}, "123456789012", core::HashStrength::Minimum).ok());
    EXPECT_TRUE(t.session().login("c9", "123456789012").ok());
}

// ---- lockout ----

TEST(StaffLockout, LocksAfterMaxFailedLoginsEvenForTheRightPin) {
    Terminal t;
    EXPECT_EQ(t.session().login("c1", "0000").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().login("c1", "0001").status().kind(), core::ErrorKind::Unauthenticated);
    auto third = t.session().login("c1", "0002");
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.status().kind(), core::ErrorKind::Locked);
    EXPECT_NE(third.status().message().find("locked"), std::string::npos);

    auto right = t.session().login("c1", "1111");
    ASSERT_FALSE(right.ok());
    EXPECT_EQ(right.status().kind(), core::ErrorKind::Locked);
    EXPECT_FALSE(t.session().user().has_value());
    // Only c1 is locked.
    EXPECT_TRUE(t.session().login("c2", "2222").ok());
}

TEST(StaffLockout, LockSurvivesARestart) {
    Terminal t;
    for (int i = 0; i < 3; ++i) (void)t.session().login("c1", "9999");
    t.reopen();
    EXPECT_EQ(t.session().login("c1", "1111").status().kind(), core::ErrorKind::Locked);
    t.reopen();
    EXPECT_EQ(t.session().login("c1", "1111").status().kind(), core::ErrorKind::Locked);
}

TEST(StaffLockout, FailureCountSurvivesARestart) {
    Terminal t;
    (void)t.session().login("c1", "9999");
    (void)t.session().login("c1", "9999");
    t.reopen();
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Locked);
}

TEST(StaffLockout, LockExpiresAfterLockoutSeconds) {
    Terminal t;
    for (int i = 0; i < 3; ++i) (void)t.session().login("c1", "9999");
    t.clock.advance(seconds(59));
    EXPECT_EQ(t.session().login("c1", "1111").status().kind(), core::ErrorKind::Locked);
    t.clock.advance(seconds(1));  // exactly lockout_seconds (60) after the third failure
    auto in = t.session().login("c1", "1111");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c1'"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT locked_until IS NULL FROM staff WHERE id = 'c1'"), 1);
}

TEST(StaffLockout, ExpiredLockStartsAFreshCount) {
    Terminal t;
    for (int i = 0; i < 3; ++i) (void)t.session().login("c1", "9999");
    t.clock.advance(seconds(61));
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Locked);
}

TEST(StaffLockout, SuccessfulLoginResetsTheCount) {
    Terminal t;
    (void)t.session().login("c1", "9999");
    (void)t.session().login("c1", "9999");
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().login("c1", "9999").status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_TRUE(t.session().login("c1", "1111").ok());
}

// ---- the role policy ----

TEST(StaffRoles, PolicyTable) {
    struct Row {
        Permission permission;
        bool cashier, supervisor, manager, receptionist;
    };
    const Row table[] = {
        {Permission::Sell, true, true, true, false},
        {Permission::OpenCloseShift, true, true, true, false},
        {Permission::PaidIn, true, true, true, false},
        {Permission::Refund, true, true, true, false},
        {Permission::AgeCheck, true, true, true, false},
        {Permission::Reception, true, true, true, true},
        {Permission::PaidOut, false, true, true, false},
        {Permission::LineDiscount, false, true, true, false},
        {Permission::CartDiscount, false, true, true, false},
        {Permission::PriceOverride, false, true, true, false},
        {Permission::VoidSale, false, true, true, false},
        {Permission::RefundWithoutReceipt, false, true, true, false},
        {Permission::NoSale, false, true, true, false},
        {Permission::RefundCardInCash, false, true, true, false},
        {Permission::ViewJournal, false, true, true, false},
        {Permission::UnlockStaff, false, true, true, false},
        {Permission::CashBeyondDrawer, false, true, true, false},
        {Permission::ManageStaff, false, false, true, false},
    };
    for (const auto& row : table) {
        const auto name = std::string(permissionName(row.permission));
        EXPECT_EQ(roleAllows(Role::Cashier, row.permission), row.cashier) << name;
        EXPECT_EQ(roleAllows(Role::Supervisor, row.permission), row.supervisor) << name;
        EXPECT_EQ(roleAllows(Role::Manager, row.permission), row.manager) << name;
        EXPECT_EQ(roleAllows(Role::Receptionist, row.permission), row.receptionist) << name;
    }
    EXPECT_EQ(permissionKey(Permission::Reception), "reception");
    EXPECT_EQ(permissionKey(Permission::AgeCheck), "age_check");
}

TEST(StaffRoles, RoleNamesRoundTripAndUnknownRolesAreRefused) {
    for (Role role : {Role::Cashier, Role::Supervisor, Role::Manager, Role::Receptionist}) {
        auto parsed = parseRole(roleName(role));
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(*parsed, role);
    }
    EXPECT_EQ(parseRole("Cashier").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(parseRole("admin").status().kind(), core::ErrorKind::InvalidArgument);
}

// ---- approvals ----

struct ApprovalTest : ::testing::Test {
    void SetUp() override {
        t.startShift();
        ASSERT_TRUE(t.checkout().scan("4000000000017", dec("2")).ok());
    }
    core::Result<SaleState> discount(const std::optional<Approval>& approval) {
        return t.checkout().lineDiscount(1, *Discount::make("0.50", "", t.till->settings().currency), approval);
    }
    Terminal t;
};

TEST_F(ApprovalTest, CashierDiscountWithoutApprovalIsDenied) {
    auto r = discount(std::nullopt);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(r.status().message().find("approval"), std::string::npos) << r.status().message();
    EXPECT_FALSE(t.checkout().cart().lines()[0].discount.any());
}

TEST_F(ApprovalTest, SupervisorApprovalIsRecordedOnTheLineAndInTheAudit) {
    auto r = discount(Approval{"s1", "3333"});
    ASSERT_TRUE(r.ok()) << r.status().toString();
    EXPECT_EQ(r->totals.gross.minor(), 348);
    EXPECT_EQ(t.checkout().cart().lines()[0].discount.approvedBy, "s1");

    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 1);
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM audit"), "c1");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit"), "s1");
    EXPECT_EQ(queryText(*t.db, "SELECT action FROM audit"), "line_discount");
    auto detail = nlohmann::json::parse(queryText(*t.db, "SELECT detail FROM audit"));
    EXPECT_TRUE(detail.contains("sale"));

    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(detail["sale"], done->payload["sale"]);
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM sale_lines WHERE line_no = 1"), "s1");
    EXPECT_EQ(done->payload["lines"][0]["approved_by"], "s1");
    EXPECT_EQ(done->payload["lines"][0]["discount"], 50);
}

TEST_F(ApprovalTest, ApprovalsOfAVoidedSaleStayInTheAudit) {
    ASSERT_TRUE(discount(Approval{"s1", "3333"}).ok());
    auto voided = t.checkout().voidSale("customer left", Approval{"m1", "4444"});
    ASSERT_TRUE(voided.ok()) << voided.status().toString();
    const auto saleId = queryText(*t.db, "SELECT id FROM voided_sales");
    EXPECT_EQ(queryColumn(*t.db, "SELECT action || ' ' || approved_by FROM audit ORDER BY id"),
              std::vector<std::string>({"line_discount s1", "void_sale m1"}));
    for (const auto& detail : queryColumn(*t.db, "SELECT detail FROM audit")) {
        EXPECT_EQ(nlohmann::json::parse(detail)["sale"], saleId);
    }
    const auto cart = nlohmann::json::parse(voided->envelope)["payload"]["cart"];
    EXPECT_EQ(cart["lines"][0]["discount"]["approved_by"], "s1");
}

TEST_F(ApprovalTest, ManagerMayApproveToo) {
    auto r = discount(Approval{"m1", "4444"});
    ASSERT_TRUE(r.ok()) << r.status().toString();
    EXPECT_EQ(t.checkout().cart().lines()[0].discount.approvedBy, "m1");
}

TEST_F(ApprovalTest, ApprovalByAnotherCashierIsRefused) {
    auto r = discount(Approval{"c2", "2222"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(r.status().message().find("c2"), std::string::npos) << r.status().message();
    EXPECT_FALSE(t.checkout().cart().lines()[0].discount.any());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0);
}

TEST_F(ApprovalTest, SelfApprovalIsRefused) {
    auto r = discount(Approval{"c1", "1111"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(r.status().message().find("own"), std::string::npos) << r.status().message();
    EXPECT_FALSE(t.checkout().cart().lines()[0].discount.any());
}

TEST_F(ApprovalTest, WrongApproverPinIsRefusedAndCountsTowardsTheApproversLockout) {
    auto r = discount(Approval{"s1", "1111"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_FALSE(t.checkout().cart().lines()[0].discount.any());
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 's1'"), 1);
    EXPECT_EQ(discount(Approval{"nobody", "3333"}).status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0);
}

TEST_F(ApprovalTest, SupervisorNeedsNoApprovalAndNoneIsRecorded) {
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    auto r = discount(std::nullopt);
    ASSERT_TRUE(r.ok()) << r.status().toString();
    EXPECT_EQ(t.checkout().cart().lines()[0].discount.approvedBy, "");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0);
}

TEST_F(ApprovalTest, PriceOverrideApproverIsRecordedOnTheLine) {
    EXPECT_EQ(t.checkout().overridePrice(1, eur(100)).status().kind(), core::ErrorKind::PermissionDenied);
    auto r = t.checkout().overridePrice(1, eur(100), Approval{"s1", "3333"});
    ASSERT_TRUE(r.ok()) << r.status().toString();
    EXPECT_EQ(r->totals.gross.minor(), 200);
    ASSERT_TRUE(t.checkout().tenderCash(eur(200)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM sale_lines WHERE line_no = 1"), "s1");
    EXPECT_EQ(queryInt(*t.db, "SELECT unit_price_minor FROM sale_lines WHERE line_no = 1"), 100);
    EXPECT_EQ(queryText(*t.db, "SELECT action FROM audit"), "price_override");
}

TEST_F(ApprovalTest, SaleDiscountApproverIsRecordedOnTheSale) {
    auto sale =
        t.checkout().cartDiscount(*Discount::make("", "10", t.till->settings().currency), Approval{"s1", "3333"});
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
    EXPECT_EQ(sale->totals.gross.minor(), 358);  // 398 - 39.8
    ASSERT_TRUE(t.checkout().tenderCash(eur(358)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM sales"), "s1");
    EXPECT_EQ(done->payload["approved_by"], "s1");
    EXPECT_EQ(queryInt(*t.db, "SELECT discount_minor FROM sales"), 40);
}

}  // namespace
}  // namespace frontdesk::kiosk

// Staffing: employees with hashed PINs and badges cut into staff dataset versions, the rota, and
// hours from the terminals' punches against it.
#include <gtest/gtest.h>

#include "backoffice/effects.h"
#include "backoffice/staff.h"
#include "backoffice_test_support.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::queryInt;
using nlohmann::json;

class StaffTest : public ::testing::Test {
protected:
    EmployeeChange alex() {
        EmployeeChange e;
        e.id = "e1";
        e.store = "s1";
        e.name = "Alex";
        e.role = "cashier";
        e.pin = "4711";
        e.badge = "BADGE-0001";
        return e;
    }
    void punch(const std::string& id, const std::string& member, const std::string& type, const std::string& at) {
        sync::Delivery d;
        d.terminal = {"s1", "t1"};
        d.id = id;
        d.type = type;
        d.envelope = {{"id", id}, {"type", type}, {"staff", member}, {"at", at}, {"payload", {{"punch", id}, {"method", "pin"}}}};
        ASSERT_TRUE(EventEffects(*db).apply(d).ok());
    }
    json employeeHours(const json& report, const std::string& id) {
        for (const auto& e : report["employees"]) {
            if (e["employee"] == id) return e;
        }
        return json();
    }

    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
    core::FakeClock clock{*core::parseIso8601("2026-12-01T20:00:00Z")};
    Staff staff{*db, clock, core::HashStrength::Minimum};
};

TEST_F(StaffTest, AnEmployeeIsKeptWithHashesOnlyAndEveryChangeCutsAStaffVersion) {
    ASSERT_TRUE(staff.save(alex(), "max").ok());
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM employees WHERE pin_hash LIKE '$argon2id$%' AND pin_hash NOT LIKE '%4711%'"), 1);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM employees WHERE badge_sha256 = '" + core::badgeDigest("BADGE-0001") + "'"), 1);
    auto v1 = testing::datasetLines(*db, "staff", 1);
    ASSERT_EQ(v1.size(), 2u);
    EXPECT_EQ(v1[0], (json{{"kind", "staff"}, {"version", 1}, {"store", "s1"}}));
    EXPECT_EQ(v1[1]["id"], "e1");
    EXPECT_EQ(v1[1]["role"], "cashier");
    EXPECT_TRUE(core::verifySecret(v1[1]["pin_hash"].get<std::string>(), "4711"));
    EXPECT_EQ(v1[1]["badge_sha256"], core::badgeDigest("BADGE-0001"));
    EXPECT_EQ(v1[1].dump().find("BADGE-0001"), std::string::npos);

    // A change without a PIN keeps the PIN; deactivating takes the member off the terminals.
    EmployeeChange promoted = alex();
    promoted.pin.reset();
    promoted.badge.reset();
    promoted.role = "supervisor";
    ASSERT_TRUE(staff.save(promoted, "max").ok());
    auto v2 = testing::datasetLines(*db, "staff", 2);
    ASSERT_EQ(v2.size(), 2u);
    EXPECT_EQ(v2[1]["role"], "supervisor");
    EXPECT_TRUE(core::verifySecret(v2[1]["pin_hash"].get<std::string>(), "4711"));
    EXPECT_EQ(v2[1]["badge_sha256"], core::badgeDigest("BADGE-0001"));
    promoted.active = false;
    ASSERT_TRUE(staff.save(promoted, "max").ok());
    EXPECT_EQ(testing::datasetLines(*db, "staff", 3).size(), 1u);
    auto listed = staff.list("s1");
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_FALSE((*listed)[0].active);
    EXPECT_TRUE((*listed)[0].hasPin);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM audit_log WHERE action = 'employee.save' AND actor = 'max'"), 3);
}

TEST_F(StaffTest, BadEmployeesAreRefusedNamingTheFieldWithNothingWritten) {
    ASSERT_TRUE(staff.save(alex(), "max").ok());
    const auto refused = [&](EmployeeChange e, const std::string& field, core::ErrorKind kind) {
        auto st = staff.save(e, "max");
        EXPECT_EQ(st.kind(), kind) << field << ": " << st.toString();
        EXPECT_NE(st.message().find(field), std::string::npos) << st.toString();
    };
    EmployeeChange e = alex();
    e.id = "e2";
    e.pin = "12a4";
    refused(e, "pin", core::ErrorKind::InvalidArgument);
    e.pin = "1234";
    e.role = "owner";
    refused(e, "role", core::ErrorKind::InvalidArgument);
    e.role = "cashier";
    e.id = "has space";
    refused(e, "id", core::ErrorKind::InvalidArgument);
    e.id = "e2";
    e.badge = "BADGE-0001";
    refused(e, "badge", core::ErrorKind::AlreadyExists);
    e.badge = "BADGE-0002";
    e.store = "nowhere";
    refused(e, "nowhere", core::ErrorKind::NotFound);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM employees"), 1);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM dataset_versions"), 1);
}

TEST_F(StaffTest, HoursAreClockInToClockOutAgainstTheRotaWithMissingPunchesFlagged) {
    ASSERT_TRUE(staff.save(alex(), "max").ok());
    EmployeeChange sam = alex();
    sam.id = "e2";
    sam.name = "Sam";
    sam.badge.reset();
    ASSERT_TRUE(staff.save(sam, "max").ok());
    ASSERT_TRUE(staff.plan("e1", "2026-12-01T09:00:00Z", "2026-12-01T17:30:00Z", "", "max").ok());
    ASSERT_TRUE(staff.plan("e2", "2026-11-30T09:00:00Z", "2026-11-30T13:00:00Z", "", "max").ok());
    punch("p1", "e1", "clock.in", "2026-12-01T09:00:00.000Z");
    punch("p2", "e1", "clock.out", "2026-12-01T17:00:00.000Z");
    punch("p3", "e2", "clock.in", "2026-11-30T09:00:00.000Z");   // no clock-out: the next is another clock-in
    punch("p4", "e2", "clock.in", "2026-12-01T19:00:00.000Z");   // still in, an hour ago
    punch("p5", "e9", "clock.out", "2026-12-01T12:00:00.000Z");  // nobody the back office knows, never in

    auto report = staff.hours("s1", "2026-11-30T00:00:00Z", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(report.ok()) << report.status().toString();
    const json e1 = employeeHours(*report, "e1");
    EXPECT_EQ(e1["worked_minutes"], 480);
    EXPECT_EQ(e1["planned_minutes"], 510);
    EXPECT_EQ(e1["difference_minutes"], -30);
    EXPECT_TRUE(e1["missing_clock_outs"].empty());
    const json e2 = employeeHours(*report, "e2");
    EXPECT_EQ(e2["worked_minutes"], 60);
    EXPECT_EQ(e2["planned_minutes"], 240);
    EXPECT_EQ(e2["missing_clock_outs"], json::array({"2026-11-30T09:00:00.000Z"}));
    EXPECT_EQ(e2["clocked_in_since"], "2026-12-01T19:00:00.000Z");
    const json e9 = employeeHours(*report, "e9");
    EXPECT_EQ(e9["known"], false);
    EXPECT_EQ(e9["missing_clock_ins"], json::array({"2026-12-01T12:00:00.000Z"}));

    // Clipped to the period: only the afternoon of e1's shift is in it.
    auto afternoon = staff.hours("s1", "2026-12-01T13:00:00Z", "2026-12-01T18:00:00Z");
    ASSERT_TRUE(afternoon.ok());
    EXPECT_EQ(employeeHours(*afternoon, "e1")["worked_minutes"], 240);
    EXPECT_EQ(employeeHours(*afternoon, "e1")["planned_minutes"], 270);
}

TEST_F(StaffTest, TheRotaRefusesImpossibleShiftsAndUnknownEmployees) {
    ASSERT_TRUE(staff.save(alex(), "max").ok());
    EXPECT_EQ(staff.plan("e1", "2026-12-01T17:00:00Z", "2026-12-01T09:00:00Z", "", "max").status().kind(),
              core::ErrorKind::InvalidArgument);
    EXPECT_EQ(staff.plan("e1", "2026-12-01T09:00:00Z", "2026-12-02T10:00:00Z", "", "max").status().kind(),
              core::ErrorKind::InvalidArgument);
    EXPECT_NE(staff.plan("e1", "yesterday", "2026-12-01T09:00:00Z", "", "max").status().message().find("starts_at"),
              std::string::npos);
    EXPECT_EQ(staff.plan("nobody", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "", "max").status().kind(),
              core::ErrorKind::NotFound);
    auto id = staff.plan("e1", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "till 2", "max");
    ASSERT_TRUE(id.ok());
    auto rota = staff.rota("s1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(rota.ok());
    ASSERT_EQ((*rota)["rota"].size(), 1u);
    EXPECT_EQ((*rota)["rota"][0]["name"], "Alex");
    EXPECT_EQ((*rota)["rota"][0]["note"], "till 2");
    ASSERT_TRUE(staff.unplan(*id, "max").ok());
    EXPECT_EQ(staff.unplan(*id, "max").kind(), core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace frontdesk::backoffice

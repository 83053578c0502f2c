// Customers and reception: one customer record joining memberships, bookings, visits and
// purchases; GDPR export and erasure leaving the ledger intact; bookings checked in and out by the
// terminals' events, no-shows, attendance; the reception datasets cut for the terminals.
#include "backoffice/reception.h"

#include <gtest/gtest.h>

#include "backoffice/customers.h"
#include "backoffice/effects.h"
#include "backoffice/reports.h"
#include "backoffice_test_support.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::dec;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using nlohmann::json;

class ReceptionTest : public ::testing::Test {
protected:
    ReceptionTest() {
        auto id = customers.save({"", "Robin Example", "robin@example.org", "+49 30 1234567"}, "cleo");
        if (!id.ok()) throw std::runtime_error(id.status().toString());
        robin = *id;
        if (!reception.saveMember({"M-100", "s1", robin, std::string("CARD-100"), "2027-06-30", "active"}, "cleo")
                 .ok()) {
            throw std::runtime_error("member");
        }
    }
    // A terminal event applied as the ingest applies it.
    void apply(const std::string& id, const std::string& type, const json& payload, const std::string& at) {
        sync::Delivery d;
        d.terminal = {"s1", "t1"};
        d.id = id;
        d.type = type;
        d.envelope = {{"id", id}, {"type", type}, {"staff", "s1"}, {"at", at}, {"payload", payload}};
        ASSERT_TRUE(EventEffects(*db).apply(d).ok()) << type;
    }
    void checkin(const std::string& id, const json& fields, const std::string& at) {
        json payload{{"checkin", id}, {"direction", "in"}, {"method", "card"}, {"outcome", "admitted"}};
        payload.update(fields);
        apply(id, "checkin.recorded", payload, at);
    }
    // A real till's sale, naming the member, taken in.
    void memberSale() {
        kiosk::testing::Terminal till;
        till.startShift();
        ASSERT_TRUE(till.checkout().scan(kApple, dec("2")).ok());
        ASSERT_TRUE(till.checkout().tenderCard().ok());
        ASSERT_TRUE(till.checkout().complete().ok());
        sync::IngestLedger ledger(*db, clock);
        auto seqs = testing::seqsAfter(*till.db);
        ASSERT_TRUE(testing::ingestSeqs(*db, ledger, *till.db, {seqs.front()}).ok());  // the shift
        auto sale = kiosk::testing::envelope(*till.db, seqs.back());
        sale["payload"]["member"] = "M-100";
        sync::Delivery d = sync::decodeDeliveries({"s1", "t1"}, sale.dump(), nullptr).front();
        ASSERT_TRUE(EventEffects(*db).apply(d).ok());
    }

    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
    core::FakeClock clock{*core::parseIso8601("2026-12-01T10:00:00Z")};
    Customers customers{*db, clock};
    Reception reception{*db, clock};
    std::string robin;
};

TEST_F(ReceptionTest, OneCustomerViewJoinsMembershipBookingsVisitsAndPurchases) {
    auto booking = reception.book(
        {"", "s1", robin, "Robin Example", "court 2", "2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z"}, "cleo");
    ASSERT_TRUE(booking.ok()) << booking.status().toString();
    checkin("01a23000-0000-7000-8000-000000000001", {{"booking", *booking}, {"member", "M-100"}},
            "2026-12-01T10:55:00.000Z");
    memberSale();

    auto view = customers.view(robin);
    ASSERT_TRUE(view.ok()) << view.status().toString();
    EXPECT_EQ((*view)["customer"]["email"], "robin@example.org");
    ASSERT_EQ((*view)["memberships"].size(), 1u);
    EXPECT_EQ((*view)["memberships"][0]["state"], "active");
    ASSERT_EQ((*view)["bookings"].size(), 1u);
    EXPECT_EQ((*view)["bookings"][0]["status"], "checked_in");
    EXPECT_EQ((*view)["summary"]["visits"], 1);
    EXPECT_EQ((*view)["summary"]["visits_90_days"], 1);
    EXPECT_EQ((*view)["summary"]["purchases"], 1);
    EXPECT_EQ((*view)["summary"]["spend"]["EUR"], 398);
    EXPECT_EQ((*view)["purchases"][0]["items"][0]["sku"], "A");

    // Expired once past valid_until; the search escapes LIKE's wildcards.
    clock.set(*core::parseIso8601("2027-07-01T09:00:00Z"));
    EXPECT_EQ((*customers.view(robin))["memberships"][0]["state"], "expired");
    EXPECT_EQ((*customers.search("rob"))["customers"].size(), 1u);
    EXPECT_TRUE((*customers.search("%"))["customers"].empty());
    EXPECT_NE(customers.save({"", "X", "not-an-email", ""}, "cleo").status().message().find("email"),
              std::string::npos);
}

TEST_F(ReceptionTest, ErasurePseudonymizesThePersonAndLeavesTheLedgerAndAuditIntact) {
    ASSERT_TRUE(
        reception
            .book({"", "s1", robin, "Robin Example", "desk", "2026-12-02T09:00:00Z", "2026-12-02T09:30:00Z"}, "cleo")
            .ok());
    memberSale();
    auto before = trialBalanceReport(*db);
    ASSERT_TRUE(before.ok());
    const auto lines = queryInt(*db, "SELECT count(*) FROM journal_lines");
    const auto moves = queryInt(*db, "SELECT count(*) FROM stock_moves");

    auto exported = customers.exportData(robin, "max");
    ASSERT_TRUE(exported.ok());
    EXPECT_EQ((*exported)["customer"]["name"], "Robin Example");
    ASSERT_TRUE(reception.cutDatasets("s1", std::chrono::seconds(0)).ok());
    ASSERT_EQ(queryInt(*db, "SELECT count(*) FROM dataset_dirty"), 0);
    EXPECT_EQ(customers.erase(robin, "max", "").kind(), core::ErrorKind::InvalidArgument);
    ASSERT_TRUE(customers.erase(robin, "max", "request 2026-118").ok());

    auto after = customers.view(robin);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ((*after)["customer"]["name"], "erased customer " + robin.substr(0, 8));
    EXPECT_TRUE((*after)["customer"]["email"].is_null());
    EXPECT_TRUE((*after)["customer"]["phone"].is_null());
    EXPECT_EQ((*after)["memberships"][0]["state"], "suspended");
    EXPECT_FALSE((*after)["memberships"][0]["has_card"].get<bool>());
    EXPECT_EQ((*after)["summary"]["spend"]["EUR"], 398) << "purchases stay, joined by id";
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM bookings WHERE name LIKE '%Robin%'"), 0);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM customers WHERE name LIKE '%Robin%' OR email IS NOT NULL"), 0);
    EXPECT_EQ(
        queryInt(*db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%Robin%' OR detail LIKE '%example.org%'"), 0);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM journal_lines"), lines);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM stock_moves"), moves);
    EXPECT_EQ(*trialBalanceReport(*db), *before);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM audit_log WHERE subject = '" + robin +
                                "' AND action IN ('customer.export', 'customer.erase') AND actor = 'max'"),
              2);
    EXPECT_EQ(customers.erase(robin, "max", "again").kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(customers.save({robin, "Robin Again", "", ""}, "cleo").status().kind(),
              core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM dataset_dirty WHERE dataset IN ('members', 'bookings')"), 2)
        << "the terminals get the pseudonymized member and booking lists";
}

TEST_F(ReceptionTest, BookingsAreCheckedInAndOutByTheTerminalsAndNoShowsCounted) {
    auto attended =
        reception.book({"", "s1", robin, "Robin", "court 1", "2026-12-01T10:30:00Z", "2026-12-01T11:30:00Z"}, "cleo");
    auto missed = reception.book(
        {"", "s1", "", "Kim Walk-in", "court 2", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"}, "cleo");
    auto cancelled =
        reception.book({"", "s1", "", "Lee", "court 3", "2026-12-01T12:00:00Z", "2026-12-01T13:00:00Z"}, "cleo");
    ASSERT_TRUE(attended.ok() && missed.ok() && cancelled.ok());
    EXPECT_NE(reception.book({"", "s1", "", "Lee", "court 3", "2026-12-01T13:00:00Z", "2026-12-01T12:00:00Z"}, "cleo")
                  .status()
                  .message()
                  .find("ends_at"),
              std::string::npos);
    EXPECT_EQ(
        reception.book({"", "s1", "nobody", "Lee", "court 3", "2026-12-01T12:00:00Z", "2026-12-01T13:00:00Z"}, "cleo")
            .status()
            .kind(),
        core::ErrorKind::NotFound);
    ASSERT_TRUE(reception.cancelBooking(*cancelled, "cleo").ok());
    checkin("01a23000-0000-7000-8000-000000000002", {{"booking", *attended}, {"member", "M-100"}},
            "2026-12-01T10:25:00.000Z");
    EXPECT_EQ(reception.cancelBooking(*attended, "cleo").kind(), core::ErrorKind::FailedPrecondition);
    checkin("01a23000-0000-7000-8000-000000000003", {{"booking", *attended}, {"direction", "out"}},
            "2026-12-01T11:35:00.000Z");
    checkin("01a23000-0000-7000-8000-000000000004",
            {{"member", "M-999"}, {"outcome", "refused"}, {"reason", "unknown"}}, "2026-12-01T11:40:00.000Z");
    apply("01a23000-0000-7000-8000-000000000005", "visitor.in",
          {{"visit", "01a23000-0000-7000-8000-000000000005"}, {"name", "Pat"}, {"company", "ACME"}, {"host", "e1"}},
          "2026-12-01T11:45:00.000Z");

    clock.set(*core::parseIso8601("2026-12-01T12:00:00Z"));
    auto listed = reception.bookings("s1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(listed.ok());
    std::map<std::string, std::string> states;
    for (const auto& b : (*listed)["bookings"]) states[b["id"]] = b["state"];
    EXPECT_EQ(states[*attended], "completed");
    EXPECT_EQ(states[*missed], "no_show");
    EXPECT_EQ(states[*cancelled], "cancelled");
    auto attendance = reception.attendance("s1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(attendance.ok());
    EXPECT_EQ((*attendance)["bookings"]["booked"], 2);
    EXPECT_EQ((*attendance)["bookings"]["attended"], 1);
    EXPECT_EQ((*attendance)["bookings"]["no_show"], 1);
    EXPECT_EQ((*attendance)["bookings"]["cancelled"], 1);
    EXPECT_EQ((*attendance)["checkins"]["admitted"], 1);
    EXPECT_EQ((*attendance)["checkins"]["refused"], 1);
    EXPECT_EQ((*attendance)["checkins"]["by_reason"]["unknown"], 1);
    EXPECT_EQ((*attendance)["visitors"], 1);
}

TEST_F(ReceptionTest, QueueTicketsAreKeptWhicheverEventComesFirstAndTheirWaitsReported) {
    auto ticket = [&](const std::string& id, int number, const char* state, const std::string& at) {
        apply(id + std::string(state), "queue.ticket",
              {{"ticket", id}, {"number", number}, {"service", "Memberships"}, {"state", state}}, at);
    };
    const std::string first = "01a23000-0000-7000-8000-000000000101", second = "01a23000-0000-7000-8000-000000000102",
                      third = "01a23000-0000-7000-8000-000000000103";
    ticket(first, 1, "taken", "2026-12-01T09:00:00.000Z");
    ticket(first, 1, "called", "2026-12-01T09:04:00.000Z");
    // The call arrives before the taking: one row all the same.
    ticket(second, 2, "called", "2026-12-01T09:20:00.000Z");
    ticket(second, 2, "taken", "2026-12-01T09:02:00.000Z");
    ticket(third, 3, "taken", "2026-12-01T09:30:00.000Z");
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM queue_tickets"), 3);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM queue_tickets WHERE taken_by = 's1' AND terminal = 't1'"), 3);
    auto attendance = reception.attendance("s1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(attendance.ok()) << attendance.status().toString();
    const json& queue = (*attendance)["queue"];
    EXPECT_EQ(queue["taken"], 3);
    EXPECT_EQ(queue["called"], 2);
    EXPECT_EQ(queue["average_wait_seconds"], (4 * 60 + 18 * 60) / 2);
    EXPECT_EQ(queue["longest_wait_seconds"], 18 * 60);
    auto nextDay = reception.attendance("s1", "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z");
    ASSERT_TRUE(nextDay.ok());
    EXPECT_EQ((*nextDay)["queue"]["taken"], 0);
    EXPECT_EQ((*nextDay)["queue"]["average_wait_seconds"], 0);
}

TEST_F(ReceptionTest, ReceptionDatasetsAreCutWhenDirtyAtMostEveryIntervalAndBookingsEachDay) {
    ASSERT_TRUE(
        reception.book({"", "s1", robin, "Robin", "court 1", "2026-12-01T15:00:00Z", "2026-12-01T16:00:00Z"}, "cleo")
            .ok());
    auto blocked = reception.block("s1", "Sam Spammer", "", "harassed staff", "max");
    ASSERT_TRUE(blocked.ok());
    EXPECT_EQ(reception.block("s1", "", "", "x", "max").status().kind(), core::ErrorKind::InvalidArgument);
    auto cut = reception.cutDatasets("s1", std::chrono::seconds(10));
    ASSERT_TRUE(cut.ok());
    EXPECT_EQ(*cut, 3);
    auto members = testing::datasetLines(*db, "members");
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0], (json{{"kind", "members"}, {"version", 1}, {"store", "s1"}}));
    EXPECT_EQ(members[1]["id"], "M-100");
    EXPECT_EQ(members[1]["name"], "Robin Example");
    EXPECT_EQ(members[1]["card_sha256"], core::badgeDigest("CARD-100"));
    EXPECT_EQ(members[1]["visits_90_days"], 0);
    EXPECT_EQ(testing::datasetLines(*db, "bookings").size(), 2u);
    EXPECT_EQ(testing::datasetLines(*db, "blocklist")[1]["name"], "Sam Spammer");
    EXPECT_EQ(testing::datasetLines(*db, "blocklist")[1].count("reason"), 0u)
        << "the desk is alerted; the reason stays in the back office";

    // A check-in makes the members dirty again; they are cut once the interval has passed.
    checkin("01a23000-0000-7000-8000-000000000006", {{"member", "M-100"}}, "2026-12-01T10:00:01.000Z");
    EXPECT_EQ(*reception.cutDatasets("s1", std::chrono::seconds(10)), 0);
    clock.advance(std::chrono::seconds(11));
    EXPECT_EQ(*reception.cutDatasets("s1", std::chrono::seconds(10)), 1);
    EXPECT_EQ(testing::datasetLines(*db, "members")[1]["visits_90_days"], 1);
    EXPECT_EQ(*reception.cutDatasets("s1", std::chrono::seconds(10)), 0);
    // The next day the bookings are cut again (their window moves), dirty or not.
    clock.advance(std::chrono::hours(24));
    EXPECT_EQ(*reception.cutDatasets("s1", std::chrono::seconds(10)), 1);
    EXPECT_EQ(testing::datasetLines(*db, "bookings").size(), 1u) << "yesterday's booking has left the window";
    ASSERT_TRUE(reception.unblock(*blocked, "max").ok());
    EXPECT_EQ(reception.unblock(*blocked, "max").kind(), core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace frontdesk::backoffice

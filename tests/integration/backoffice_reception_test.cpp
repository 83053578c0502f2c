// The front desk and the back office as one: members, bookings and staff made in the back office
// reach the till as datasets; the desk checks them in offline-first, and what happened at the desk
// comes back into the one customer record and the bookings.
#include <gtest/gtest.h>

#include "backoffice_cli.h"
#include "kiosk/master_data.h"
#include "sync_test_support.h"

namespace frontdesk {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using synctest::backOffice;
using synctest::eventually;

TEST(BackOfficeReception, MembersBookingsAndStaffReachTheDeskAndItsCheckInsComeBackToTheCustomer) {
    synctest::StoreBackOffice office;
    const std::string& db = office.db;
    const std::string customer = backOffice({"customer", "add", "--name", "Robin Example", "--db", db})["id"];
    backOffice({"member", "save", "M-100", "--store", "s1", "--customer", customer, "--valid-until", "2099-12-31",
                "--card", "CARD-100", "--db", db});
    kiosk::testing::Terminal t;
    t.clock.set(core::SystemClock().now());  // the booking is today's, by both clocks
    const auto now = t.clock.now();
    const std::string booking =
        backOffice({"booking", "add", "--store", "s1", "--name", "Robin Example", "--resource", "court 2", "--from",
                    core::formatIso8601(now), "--to", core::formatIso8601(now + std::chrono::hours(1)), "--customer",
                    customer, "--db", db})["id"];
    for (const auto& [id, role, pin] :
         {std::tuple{"r1", "receptionist", "5555"}, std::tuple{"c9", "cashier", "9999"}}) {
        const auto saved =
            synctest::backOfficeWithInput(pin, std::string("employee save ") + id + " --store s1 --name " + id +
                                                   " --role " + role + " --pin-stdin --db " + db);
        ASSERT_EQ(saved.exitCode, 0) << saved.output;
    }

    auto serve = office.serve();
    auto data = kiosk::MasterData::open(t.db->path(), t.clock, t.till->boundary());
    ASSERT_TRUE(data.ok());
    (*data)->start();
    core::SystemClock clock;
    sync::RelayHandlers handlers;
    handlers.datasets = data->get();
    auto relay = synctest::startRelay(t, office.broker, clock, {}, std::move(handlers));
    const auto applied = [&] {
        const auto status = (*data)->status();
        for (const char* dataset : {"staff", "members", "bookings"}) {
            const auto it = status.records.find(dataset);
            if (it == status.records.end() || it->second.state != "applied") return false;
        }
        return true;
    };
    ASSERT_TRUE(eventually(applied)) << (*data)->status().toJson().dump()
                                     << sync::syncStatusJson(relay->status()).dump() << "\n"
                                     << kiosk::testing::readFileBytes(office.dir.path() / "serve.log");
    EXPECT_EQ((*data)->status().records.at("staff").records, 2);

    // The receptionist the back office made logs in with the PIN it was given, and the desk
    // decides from the datasets: the booking by its QR code, the member by their card.
    ASSERT_TRUE(t.session().login("r1", "5555").ok());
    auto byQr = t.till->reception().checkInBooking(booking);
    ASSERT_TRUE(byQr.ok()) << byQr.status().toString();
    EXPECT_TRUE(byQr->admitted()) << byQr->record.refusal;
    auto byCard = t.till->reception().checkInCard("CARD-100");
    ASSERT_TRUE(byCard.ok()) << byCard.status().toString();
    EXPECT_TRUE(byCard->admitted()) << byCard->record.refusal;
    ASSERT_TRUE(t.till->reception().visitorIn("Ann Visitor", "Acme", "r1").ok());
    EXPECT_FALSE(t.checkout().scan(kApple, dec("1")).ok()) << "a receptionist does not sell";
    // The cashier sells to the member.
    t.startShift("c9", "9999");
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    ASSERT_TRUE(t.checkout().attachMember("M-100").ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    ASSERT_TRUE(eventually([&] { return synctest::drained(t); })) << relay->status().lastError;

    // One record: the booking attended, both check-ins, the purchase.
    const auto view = backOffice({"customer", "show", customer, "--db", db});
    ASSERT_EQ(view["bookings"].size(), 1u) << view.dump();
    EXPECT_EQ(view["bookings"][0]["status"], "checked_in");
    EXPECT_EQ(view["summary"]["visits"], 2) << view.dump();
    EXPECT_EQ(view["summary"]["purchases"], 1) << view.dump();
    EXPECT_EQ(view["summary"]["spend"]["EUR"], 2 * 199) << view.dump();
    const auto attendance =
        backOffice({"report", "attendance", "--store", "s1", "--from", core::formatIso8601(now - std::chrono::hours(1)),
                    "--to", core::formatIso8601(now + std::chrono::hours(2)), "--db", db});
    EXPECT_EQ(attendance["checkins"]["admitted"], 2) << attendance.dump();
    EXPECT_EQ(attendance["visitors"], 1) << attendance.dump();
    EXPECT_TRUE(backOffice({"dead-letters", "--db", db})["dead_letters"].empty());

    relay->stop();
    EXPECT_EQ(synctest::StoreBackOffice::stop(*serve), std::optional<int>(0));
}

}  // namespace
}  // namespace frontdesk

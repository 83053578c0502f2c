// The reception view model over a real till whose seed holds members, bookings and a block list:
// scans routed to the booking, the card or the visitor's badge; refusals in words; visitors in
// and out with their badge handed to the printer; the time clock.
#include "kiosk/app/reception_view_model.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

constexpr const char* kCourt = kDeskCourt;
constexpr const char* kTomorrow = kDeskTomorrow;

class ReceptionViewModelTest : public ::testing::Test {
protected:
    ReceptionViewModelTest() : t(deskSeed()), access(*t.till), desk(access) {
        EXPECT_TRUE(t.session().login("c1", "1111").ok());
        desk.refresh();
    }
    int checkins(const char* where) {
        return static_cast<int>(queryInt(*t.db, std::string("SELECT count(*) FROM checkins WHERE ") + where));
    }
    Terminal t;
    TillAccess access;
    ReceptionViewModel desk;
};

TEST_F(ReceptionViewModelTest, TodaysBookingsAreListedAndSearched) {
    ASSERT_EQ(desk.bookings()->rowCount(), 1);  // tomorrow's is not today's
    const QModelIndex first = desk.bookings()->index(0);
    EXPECT_EQ(desk.bookings()->data(first, BookingModel::NameRole).toString(), "Robin Example");
    EXPECT_EQ(desk.bookings()->data(first, BookingModel::TimeRole).toString(), "12:00–13:00");
    desk.setFilter("COURT 2");
    EXPECT_EQ(desk.bookings()->rowCount(), 1);
    desk.setFilter("squash");
    EXPECT_EQ(desk.bookings()->rowCount(), 0);
    desk.setFilter("");
    EXPECT_EQ(desk.bookings()->rowCount(), 1);
    // A time shows the bookings running then (12:00-13:00), in any script's digits.
    for (const char* running : {"12", "12:30", "۱۲:۵۹"}) {
        desk.setFilter(QString::fromUtf8(running));
        EXPECT_EQ(desk.bookings()->rowCount(), 1) << running;
    }
    for (const char* other : {"13", "11:59", "25"}) {
        desk.setFilter(QString::fromUtf8(other));
        EXPECT_EQ(desk.bookings()->rowCount(), 0) << other;
    }
}

TEST_F(ReceptionViewModelTest, AScannedBookingQrChecksInAndAgainIsRefusedAsAlreadyIn) {
    ASSERT_TRUE(desk.scanned(kCourt));
    EXPECT_EQ(desk.outcome(), "admitted");
    EXPECT_EQ(desk.outcomeTitle(), "Welcome, Robin Example");
    EXPECT_EQ(desk.bookings()->data(desk.bookings()->index(0), BookingModel::StatusRole).toString(), "checked_in");
    EXPECT_FALSE(desk.scanned(kCourt));
    EXPECT_EQ(desk.outcome(), "refused");
    EXPECT_EQ(desk.outcomeDetail(), "Already checked in");
    EXPECT_FALSE(desk.scanned(kTomorrow));
    EXPECT_EQ(desk.outcomeDetail(), "This booking is for 2026-11-19, not today");
    EXPECT_EQ(checkins("outcome = 'admitted'"), 1);
    EXPECT_EQ(checkins("outcome = 'refused'"), 2);
}

TEST_F(ReceptionViewModelTest, AMemberCardAdmitsAnExpiredMemberIsRefusedWithTheDateAndAnUnknownCardSaysWhatToDo) {
    ASSERT_TRUE(desk.scanned("CARD-100"));
    EXPECT_EQ(desk.outcomeTitle(), "Welcome, Robin Example");
    EXPECT_EQ(desk.outcomeDetail(), "Member until 2027-06-30");
    EXPECT_FALSE(desk.scanned("CARD-300"));
    EXPECT_EQ(desk.outcome(), "refused");
    EXPECT_EQ(desk.outcomeTitle(), "Eve Expired: not admitted");
    EXPECT_EQ(desk.outcomeDetail(), "Membership expired on 2026-11-17: it can be renewed at the desk");
    EXPECT_FALSE(desk.scanned("CARD-999"));
    EXPECT_NE(desk.outcomeDetail().indexOf("search by name"), -1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM checkins WHERE method = 'card'"), 3);
    ASSERT_TRUE(desk.checkInMember("M-100"));
    EXPECT_FALSE(desk.checkInMember("not an id!"));
    EXPECT_TRUE(desk.messageIsError());
    EXPECT_TRUE(desk.outcome().isEmpty()) << "an error is no check-in";
}

TEST_F(ReceptionViewModelTest, AVisitorSignsInWithABadgeAndOutByScanningItABlockedNameAlertsTheStaff) {
    QSignalSpy badges(&desk, &ReceptionViewModel::badgeReady);
    ASSERT_TRUE(desk.visitorIn("Vera Visitor", "Acme", "Dana"));
    ASSERT_EQ(badges.count(), 1);
    EXPECT_TRUE(desk.alert().isEmpty());
    ASSERT_EQ(desk.visitors()->rowCount(), 1);
    const QString visit = desk.visitors()->data(desk.visitors()->index(0), VisitorModel::IdRole).toString();
    ASSERT_TRUE(desk.visitorIn("  sam  SPAMMER ", "", "Dana"));
    EXPECT_EQ(desk.alert(), "Check with the manager before sam  SPAMMER goes in");
    desk.dismissAlert();
    EXPECT_TRUE(desk.alert().isEmpty());
    EXPECT_EQ(desk.visitors()->rowCount(), 2);
    ASSERT_TRUE(desk.scanned(visit));  // the badge's QR code
    EXPECT_EQ(desk.message(), "Vera Visitor signed out");
    EXPECT_EQ(desk.visitors()->rowCount(), 1);
    EXPECT_FALSE(desk.visitorIn("", "Acme", "Dana"));
    EXPECT_TRUE(desk.messageIsError());
}

TEST_F(ReceptionViewModelTest, StaffClockInAndOutWithTheirPinWhoeverIsLoggedIn) {
    EXPECT_FALSE(desk.clockIn("c2", "0000"));
    EXPECT_TRUE(desk.messageIsError());
    ASSERT_TRUE(desk.clockIn("c2", "2222"));
    ASSERT_EQ(desk.clockedIn().size(), 1);
    EXPECT_EQ(desk.clockedIn()[0].toMap()["staff"].toString(), "c2");
    EXPECT_FALSE(desk.clockIn("c2", "2222"));  // in already
    ASSERT_TRUE(desk.clockOut("c2", "2222"));
    EXPECT_TRUE(desk.clockedIn().isEmpty());
    EXPECT_EQ(t.session().user()->id, "c1");
}

}  // namespace
}  // namespace frontdesk::kiosk::app

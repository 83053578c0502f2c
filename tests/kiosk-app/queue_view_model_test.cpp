// The queue view model over a real till: numbers taken with their ticket handed to the printer,
// the next one called, "nobody is waiting" said without an error, and nothing done while the
// card terminal holds the till.
#include "kiosk/app/queue_view_model.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "kiosk/app/sale_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class QueueViewModelTest : public ::testing::Test {
protected:
    QueueViewModelTest() : access(*t.till), queue(access) {
        EXPECT_TRUE(t.session().login("c1", "1111").ok());
        queue.refresh();
    }
    Terminal t;
    TillAccess access;
    QueueViewModel queue;
};

TEST_F(QueueViewModelTest, ANumberTakenIsPrintedAndCalledNext) {
    QSignalSpy printed(&queue, &QueueViewModel::ticketReady);
    EXPECT_EQ(queue.serving(), "");
    EXPECT_EQ(queue.waitingCount(), 0);
    ASSERT_TRUE(queue.take(" Memberships "));
    EXPECT_EQ(queue.message(), "Number 1: nobody is waiting before it");
    ASSERT_TRUE(queue.take(""));
    EXPECT_EQ(queue.message(), "Number 2: 1 waiting before it");
    EXPECT_FALSE(queue.messageIsError());
    ASSERT_EQ(printed.count(), 2);
    const auto first = printed.at(0).at(0).value<kiosk::Ticket>();
    EXPECT_EQ(first.number, 1);
    EXPECT_EQ(first.service, "Memberships") << "trimmed";
    EXPECT_EQ(queue.waitingCount(), 2);
    EXPECT_EQ(queue.waiting().at(0).toMap().value("service").toString(), "Memberships");

    ASSERT_TRUE(queue.callNext());
    EXPECT_EQ(queue.message(), "Calling number 1");
    EXPECT_EQ(queue.serving(), "1");
    EXPECT_EQ(queue.waitingCount(), 1);
    ASSERT_TRUE(queue.callNext());
    EXPECT_EQ(queue.serving(), "2");
    EXPECT_FALSE(queue.callNext());
    EXPECT_EQ(queue.message(), "Nobody is waiting");
    EXPECT_FALSE(queue.messageIsError()) << "an empty queue is news, not a fault";
    EXPECT_EQ(printed.count(), 2) << "a call prints nothing";
}

TEST_F(QueueViewModelTest, NothingIsTakenOrCalledWhileTheCardTerminalHoldsTheTill) {
    t.startShift();
    SaleViewModel sale(access);
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.holdAnswers();
    ASSERT_TRUE(sale.tenderCard());
    EXPECT_FALSE(queue.take(""));
    EXPECT_EQ(queue.message(), access.busyRefusal());
    EXPECT_TRUE(queue.messageIsError());
    EXPECT_FALSE(queue.callNext());
    QSignalSpy answered(&sale, &SaleViewModel::cardChanged);
    t.payments.releaseAnswers();
    ASSERT_TRUE(answered.wait(10000)) << "no answer from the card payment";
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM queue_tickets"), 0);
    EXPECT_TRUE(queue.take(""));
}

TEST_F(QueueViewModelTest, NobodyLoggedInIsRefusedInWords) {
    t.session().logout();
    EXPECT_FALSE(queue.take(""));
    EXPECT_TRUE(queue.messageIsError());
    EXPECT_FALSE(queue.message().isEmpty());
}

}  // namespace
}  // namespace frontdesk::kiosk::app

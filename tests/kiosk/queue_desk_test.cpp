// The desk's queue: numbers counting from 1 each day, called lowest first, each taking and each
// call one queue.ticket event valid against its schema, written with its row; a restart keeps the
// queue; yesterday's tickets are not called; nobody logged in, nothing written.
#include "kiosk/queue_desk.h"

#include <gtest/gtest.h>

#include "core/ids.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

struct QueueTerminal : Terminal {
    QueueTerminal() {
        if (!session().login("c1", "1111").ok()) throw std::runtime_error("login");
    }
    QueueDesk& queue() { return till->queue(); }
    std::int64_t events() { return queryInt(*db, "SELECT count(*) FROM outbox"); }
    // The newest event: a valid queue.ticket for this ticket, whose entity is the ticket when it
    // was taken and the call's id when it was called.
    json lastTicketEvent(const Ticket& ticket) {
        const json event = lastEnvelope(*db);
        EXPECT_EQ(event["type"], "queue.ticket");
        EXPECT_EQ(event["payload"]["ticket"], ticket.id);
        const auto valid = sync::validateEvent(event);
        EXPECT_TRUE(valid.ok()) << valid.toString();
        const std::string entity =
            ticket.calledAt.empty()
                ? ticket.id
                : queryText(*db, "SELECT call_id FROM queue_tickets WHERE id = '" + ticket.id + "'");
        EXPECT_TRUE(core::isUuidV7(entity));
        EXPECT_EQ(queryText(*db, "SELECT entity_id FROM outbox ORDER BY seq DESC LIMIT 1"), entity);
        return event;
    }
};

TEST(QueueDesk, NumbersCountUpAndEachTakingIsOneEvent) {
    QueueTerminal t;
    const auto before = t.events();
    auto first = t.queue().take("Memberships");
    ASSERT_TRUE(first.ok()) << first.status().toString();
    EXPECT_EQ(first->number, 1);
    EXPECT_EQ(first->ahead, 0);
    EXPECT_TRUE(core::isUuidV7(first->id));
    EXPECT_EQ(first->takenAt, core::formatIso8601(t.clock.now()));
    EXPECT_EQ(first->calledAt, "");
    json event = t.lastTicketEvent(*first);
    EXPECT_EQ(event["staff"], "c1");
    EXPECT_EQ(event["at"], first->takenAt);
    EXPECT_EQ(event["payload"],
              json({{"ticket", first->id}, {"number", 1}, {"service", "Memberships"}, {"state", "taken"}}));

    auto second = t.queue().take();
    ASSERT_TRUE(second.ok()) << second.status().toString();
    EXPECT_EQ(second->number, 2);
    EXPECT_EQ(second->ahead, 1);
    EXPECT_EQ(t.events(), before + 2);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM queue_tickets WHERE called_at IS NULL"), 2);
}

TEST(QueueDesk, TheLowestWaitingNumberIsCalledNextUntilNobodyWaits) {
    QueueTerminal t;
    ASSERT_TRUE(t.queue().take().ok());
    ASSERT_TRUE(t.queue().take().ok());
    t.clock.advance(std::chrono::minutes(4));
    auto called = t.queue().callNext();
    ASSERT_TRUE(called.ok()) << called.status().toString();
    EXPECT_EQ(called->number, 1);
    EXPECT_EQ(called->calledAt, core::formatIso8601(t.clock.now()));
    json event = t.lastTicketEvent(*called);
    EXPECT_EQ(event["payload"]["state"], "called");
    EXPECT_EQ(event["payload"]["number"], 1);
    EXPECT_EQ(event["at"], called->calledAt);

    auto waiting = t.queue().waiting();
    ASSERT_TRUE(waiting.ok());
    ASSERT_EQ(waiting->size(), 1u);
    EXPECT_EQ(waiting->front().number, 2);
    EXPECT_EQ(waiting->front().ahead, 0) << "number 1 has been called";
    auto last = t.queue().lastCalled();
    ASSERT_TRUE(last.ok() && last->has_value());
    EXPECT_EQ((*last)->number, 1);

    // A number taken now still goes after 2, and after 3 counts the one before it.
    auto third = t.queue().take();
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->number, 3);
    EXPECT_EQ(third->ahead, 1);
    EXPECT_EQ(t.queue().callNext()->number, 2);
    EXPECT_EQ(t.queue().callNext()->number, 3);
    const auto before = t.events();
    auto none = t.queue().callNext();
    EXPECT_EQ(none.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(none.status().message().find("nobody is waiting"), std::string::npos);
    EXPECT_EQ(t.events(), before) << "calling nobody writes nothing";
}

TEST(QueueDesk, TheQueueSurvivesARestartAndStartsAgainTheNextDay) {
    QueueTerminal t;
    ASSERT_TRUE(t.queue().take().ok());
    ASSERT_TRUE(t.queue().take().ok());
    t.reopen();
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.queue().waiting()->size(), 2u);
    EXPECT_EQ(t.queue().take()->number, 3);

    t.clock.advance(std::chrono::hours(24));
    EXPECT_TRUE(t.queue().waiting()->empty()) << "yesterday's queue has gone home";
    EXPECT_EQ(t.queue().callNext().status().kind(), core::ErrorKind::NotFound);
    EXPECT_FALSE(t.queue().lastCalled()->has_value());
    auto fresh = t.queue().take();
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->number, 1);
    EXPECT_EQ(fresh->ahead, 0);
}

TEST(QueueDesk, NobodyLoggedInOrAServiceTooLongWritesNothing) {
    QueueTerminal t;
    const auto before = t.events();
    EXPECT_EQ(t.queue().take(std::string(QueueDesk::kMaxServiceBytes + 1, 'x')).status().kind(),
              core::ErrorKind::InvalidArgument);
    t.session().logout();
    EXPECT_EQ(t.queue().take().status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.queue().callNext().status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.queue().waiting().status().kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.events(), before);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM queue_tickets"), 0);
}

TEST(QueueDesk, AReceptionistRunsTheQueue) {
    json seed = standardSeed();
    seed["staff"].push_back({{"id", "r1"}, {"name", "Rey"}, {"role", "receptionist"}, {"pin", "5555"}});
    Terminal t(seed);
    ASSERT_TRUE(t.session().login("r1", "5555").ok());
    auto taken = t.till->queue().take();
    ASSERT_TRUE(taken.ok()) << taken.status().toString();
    auto called = t.till->queue().callNext();
    ASSERT_TRUE(called.ok()) << called.status().toString();
    EXPECT_EQ(lastEnvelope(*t.db)["staff"], "r1");
}

}  // namespace
}  // namespace frontdesk::kiosk

// The idle watch: idle() comes once nothing was touched or typed for the time given, an input
// arms it again, and no event is swallowed.
#include "kiosk/app/idle_watch.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace frontdesk::kiosk::app {
namespace {

using namespace std::chrono_literals;

TEST(IdleWatch, IdleComesWithoutInputAndAKeyArmsItAgainWithoutTakingTheKey) {
    IdleWatch watch(20ms);
    QObject field;
    field.installEventFilter(&watch);
    QSignalSpy idle(&watch, &IdleWatch::idle);
    ASSERT_TRUE(idle.wait(5000));
    EXPECT_FALSE(watch.armed());
    QKeyEvent key(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, "1");
    EXPECT_FALSE(watch.eventFilter(&field, &key)) << "the key goes on to the field";
    EXPECT_TRUE(watch.armed());
    ASSERT_TRUE(idle.wait(5000));
    EXPECT_EQ(idle.count(), 2);
}

TEST(IdleWatch, OtherEventsAreNoInputAndZeroNeverIdles) {
    IdleWatch off(0ms);
    QObject target;
    QKeyEvent key(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, "1");
    off.eventFilter(&target, &key);
    EXPECT_FALSE(off.armed());
    IdleWatch watch(1h);
    QEvent paint(QEvent::UpdateRequest);
    EXPECT_TRUE(watch.armed());
    EXPECT_FALSE(watch.eventFilter(&target, &paint));
}

}  // namespace
}  // namespace frontdesk::kiosk::app

// The scanner's event filter: a fast burst ended by Enter becomes scanned() and none of its keys
// reach the field; slow keys reach it, in order, before the key that revealed them.
#include "kiosk/app/scanner_input.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <memory>

#include <gtest/gtest.h>

namespace frontdesk::kiosk::app {
namespace {

// What a text field would have received.
class Field : public QObject {
public:
    QString text;
    int enters = 0;
    bool event(QEvent* e) override {
        if (e->type() != QEvent::KeyPress) return QObject::event(e);
        auto* key = static_cast<QKeyEvent*>(e);
        if (key->key() == Qt::Key_Return) {
            ++enters;
        } else {
            text += key->text();
        }
        return true;
    }
};

class ScannerInputTest : public ::testing::Test {
protected:
    ScannerInputTest() {
        field.installEventFilter(&scanner);
        scanner.setTypingTarget(&field);
    }
    // A key press at `ms` through the filter, as the application would deliver it.
    void press(const QString& text, quint64 ms, int key = 0) {
        QKeyEvent event(QEvent::KeyPress, key, Qt::NoModifier, text);
        event.setTimestamp(ms);
        QCoreApplication::sendEvent(&field, &event);
    }
    void type(const QString& text, quint64& ms, quint64 gap) {
        for (const QChar c : text) press(QString(c), ms += gap);
    }
    Field field;
    ScannerInput scanner;
};

TEST_F(ScannerInputTest, AScanReachesNoFieldAndComesOutWhole) {
    QSignalSpy scanned(&scanner, &ScannerInput::scanned);
    quint64 ms = 1000;
    type("4006381333931", ms, 8);
    press("\r", ms + 8, Qt::Key_Return);
    ASSERT_EQ(scanned.count(), 1);
    EXPECT_EQ(scanned.at(0).at(0).toString(), "4006381333931");
    EXPECT_EQ(field.text, "");
    EXPECT_EQ(field.enters, 0);
}

TEST_F(ScannerInputTest, TypingReachesTheFieldInOrderAndItsEnterToo) {
    QSignalSpy scanned(&scanner, &ScannerInput::scanned);
    quint64 ms = 1000;
    type("12.50", ms, 150);
    press("\r", ms + 150, Qt::Key_Return);
    EXPECT_EQ(field.text, "12.50");
    EXPECT_EQ(field.enters, 1);
    EXPECT_EQ(scanned.count(), 0);
}

TEST_F(ScannerInputTest, ABurstWithoutEnterIsTypedOnceItsGapPasses) {
    quint64 ms = 1000;
    type("abc", ms, 2);
    EXPECT_EQ(field.text, "");
    scanner.flush(ScanDetector::TimePoint(std::chrono::milliseconds(ms + 100)));
    EXPECT_EQ(field.text, "abc");
}

}  // namespace
}  // namespace frontdesk::kiosk::app

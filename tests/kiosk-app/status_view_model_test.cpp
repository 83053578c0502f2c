// The status bar's words: sync online or offline with what waits and since when, and the printer's
// faults, from what the relay and the printer service report.
#include "kiosk/app/status_view_model.h"

#include <gtest/gtest.h>

namespace frontdesk::kiosk::app {
namespace {

core::TimePoint at(const char* iso) {
    return *core::parseIso8601(iso);
}

TEST(StatusLine, SyncSaysWhetherItIsOnlineAndWhatWaitsSinceWhen) {
    sync::SyncStatus s;
    s.online = true;
    const auto now = at("2026-12-01T10:00:00Z");
    EXPECT_EQ(describeSync(s, now).state, "ok");
    EXPECT_EQ(describeSync(s, now).text, "Online, all sent");
    s.outboxDepth = 3;
    s.oldestUnsyncedAt = "2026-12-01T09:48:00.000Z";
    EXPECT_EQ(describeSync(s, now).state, "warning");
    EXPECT_EQ(describeSync(s, now).text, "Online: 3 to send, the oldest 12 min ago");
    s.online = false;
    EXPECT_EQ(describeSync(s, now).text, "Offline: 3 to send, the oldest 12 min ago, kept safe here");
    s.oldestUnsyncedAt = "2026-11-29T09:00:00.000Z";
    EXPECT_EQ(describeSync(s, now).text, "Offline: 3 to send, the oldest 2 days ago, kept safe here");
    s.oldestUnsyncedAt = "2026-12-01T07:55:00.000Z";
    EXPECT_EQ(describeSync(s, now).text, "Offline: 3 to send, the oldest 2 h 5 min ago, kept safe here");
    s.outboxDepth = 0;
    EXPECT_EQ(describeSync(s, now).text, "Offline, nothing waiting");
}

TEST(StatusLine, APrinterFaultIsNamedAndAnUnreachablePrinterSaysWhy) {
    peripherals::PrinterStatus st;
    st.known = true;
    st.online = true;
    EXPECT_EQ(describePrinter(peripherals::PrinterState::Idle, st, "").state, "ok");
    EXPECT_EQ(describePrinter(peripherals::PrinterState::Idle, st, "").text, "Printer ready");
    st.paperNearEnd = true;
    EXPECT_EQ(describePrinter(peripherals::PrinterState::Idle, st, "").state, "warning");
    st.coverOpen = true;
    const StatusLine cover = describePrinter(peripherals::PrinterState::Busy, st, "");
    EXPECT_EQ(cover.state, "fault");
    EXPECT_NE(cover.text.indexOf("cover open"), -1) << cover.text.toStdString();
    const StatusLine gone = describePrinter(peripherals::PrinterState::Error, {}, "connection refused");
    EXPECT_EQ(gone.state, "fault");
    EXPECT_EQ(gone.text, "Printer: connection refused");
}

TEST(StatusLine, WithoutSyncOrPrinterTheBarSaysSo) {
    core::FakeClock clock(at("2026-12-01T10:00:00Z"));
    StatusViewModel status({{}, nullptr, "keyboard scanner", "simulated card terminal"}, clock);
    EXPECT_EQ(status.syncState(), "off");
    EXPECT_EQ(status.printerText(), "No receipt printer");
    ASSERT_EQ(status.details().size(), 5);
    EXPECT_EQ(status.details()[3].toMap()["text"].toString(), "simulated card terminal");
    EXPECT_EQ(status.details()[4].toMap()["name"].toString(), "Scale");
    EXPECT_EQ(status.details()[4].toMap()["state"].toString(), "off");
}

}  // namespace
}  // namespace frontdesk::kiosk::app

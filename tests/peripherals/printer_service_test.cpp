// The printer service against the printer simulator over real TCP: jobs confirmed by the
// printer, status read and followed, faults in the middle of a job held and resumed, retried
// under a reprint heading after the printer lost the job, or given up; the drawer; a printer that
// cannot be reached; write-only and serial transports.
#include "peripherals/printer_service.h"

#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals/printer_simulator.h"
#include "peripherals_test_support.h"
#include "testing/child_process.h"
#include "testing/temp_dir.h"

namespace frontdesk::peripherals {
namespace {

using namespace std::chrono_literals;
using testing::eventually;
using testing::fileText;
using testing::joined;

const firmware_config::PrinterProfile& t88() {
    return testing::profile("epson-tm-t88v");
}

Document longReceipt() {
    Document d;
    d.text("Frontdesk Cafe", TextStyle{.bold = true}, Align::Center);
    for (int i = 1; i <= 12; ++i) d.columns("Item number " + std::to_string(i), std::to_string(i) + ".00");
    d.separator().columns("Total", "78.00", TextStyle{.bold = true}).cut();
    return d;
}

// Events as the listener saw them, for assertions from the test's thread.
class Events {
public:
    std::function<void(const PrinterEvent&)> listener() {
        return [this](const PrinterEvent& e) {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        };
    }
    int count(PrinterEvent::Kind kind, JobId job = 0) const {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (const auto& e : m_events) n += e.kind == kind && (job == 0 || e.job == job);
        return n;
    }
    std::vector<PrinterEvent> all() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<PrinterEvent> m_events;
};

class PrinterServiceTest : public ::testing::Test {
protected:
    void SetUp() override { startSimulator(0); }

    void startSimulator(int port) {
        auto started = PrinterSimulator::start(t88(), {port, dir.file("out")});
        ASSERT_TRUE(started.ok()) << started.status().toString();
        sim = std::move(*started);
    }

    std::unique_ptr<PrinterService> service(const std::string& address, PrinterServiceOptions options = fast()) {
        auto parsed = parsePrinterAddress(address);
        EXPECT_TRUE(parsed.ok()) << parsed.status().toString();
        auto transport = makeTransport(*parsed);
        EXPECT_TRUE(transport.ok()) << transport.status().toString();
        auto s = std::make_unique<PrinterService>(t88(), std::move(*transport), options);
        s->setListener(events.listener());
        EXPECT_TRUE(s->open().ok());
        return s;
    }
    std::unique_ptr<PrinterService> enabled() {
        auto s = service("tcp://127.0.0.1:" + std::to_string(sim->port()));
        EXPECT_TRUE(s->claim().ok());
        EXPECT_TRUE(s->enable().ok());
        return s;
    }
    static PrinterServiceOptions fast() {
        PrinterServiceOptions o;
        o.pollInterval = 20ms;  // status read often, so that the tests do not wait for it
        // A simulator that is up always answers: a test process starved of the CPU for a couple
        // of seconds (a loaded CI machine) must not read as a silent printer.
        o.answerTimeout = 20s;
        return o;
    }
    std::string receiptText(const std::string& name) { return fileText(std::filesystem::path(dir.file("out")) / name); }
    std::string printed(const Document& d) { return joined(EscPosEncoder(t88(), nullptr).printedText(d)); }

    kiosk::testing::TempDir dir;
    std::unique_ptr<PrinterSimulator> sim;
    Events events;
};

TEST_F(PrinterServiceTest, AJobCountsAsPrintedOnlyOnceThePrinterConfirmsIt) {
    auto printer = enabled();
    EXPECT_EQ(printer->status().describe(), "online, paper ok, drawer closed");
    EXPECT_EQ(printer->state(), PrinterState::Idle);
    auto job = printer->printAsync(longReceipt());
    ASSERT_TRUE(job.ok());
    ASSERT_TRUE(printer->waitForJob(*job, 20s).ok());
    EXPECT_EQ(sim->receipts(), 1);
    EXPECT_EQ(receiptText("0001.txt"), printed(longReceipt()));
    EXPECT_TRUE(eventually([&] { return events.count(PrinterEvent::Kind::OutputComplete, *job) == 1; }));
    EXPECT_TRUE(eventually([&] { return printer->state() == PrinterState::Idle; }));
}

TEST_F(PrinterServiceTest, JobsPrintInTheOrderTheyWereQueued) {
    auto printer = enabled();
    std::vector<JobId> jobs;
    for (int i = 1; i <= 3; ++i) {
        Document d;
        d.text("Receipt " + std::to_string(i)).cut();
        jobs.push_back(*printer->printAsync(d));
    }
    for (const JobId id : jobs) ASSERT_TRUE(printer->waitForJob(id, 20s).ok());
    EXPECT_EQ(receiptText("0001.txt"), "Receipt 1\n");
    EXPECT_EQ(receiptText("0003.txt"), "Receipt 3\n");
}

TEST_F(PrinterServiceTest, NothingIsQueuedBeforeTheServiceIsEnabled) {
    auto printer = service("tcp://127.0.0.1:" + std::to_string(sim->port()));
    auto job = printer->printAsync(longReceipt());
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(printer->enable().kind(), core::ErrorKind::FailedPrecondition);  // not claimed
}

TEST_F(PrinterServiceTest, APrinterThatCannotBeReachedIsNamedWhenClaimed) {
    const int port = sim->port();
    sim.reset();
    auto printer = service("tcp://127.0.0.1:" + std::to_string(port));
    const core::Status claimed = printer->claim();
    EXPECT_EQ(claimed.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(claimed.message().find("tcp://127.0.0.1:" + std::to_string(port)), std::string::npos)
        << claimed.message();
}

TEST_F(PrinterServiceTest, AJobForAPrinterOutOfPaperWaitsAndPrintsOnceANewRollIsIn) {
    auto printer = enabled();
    sim->setFault(PrinterFault::PaperOut, true);
    ASSERT_TRUE(eventually([&] { return printer->status().paperOut; }));
    auto job = printer->printAsync(longReceipt());
    const core::Status held = printer->waitForJob(*job, 20s);
    EXPECT_EQ(held.kind(), core::ErrorKind::Unavailable);
    EXPECT_EQ(held.message(), "printer out of paper: load a new roll");
    EXPECT_EQ(printer->state(), PrinterState::Error);
    EXPECT_EQ(printer->retry().message(), "printer out of paper: load a new roll");

    sim->setFault(PrinterFault::PaperOut, false);
    ASSERT_TRUE(eventually([&] { return printer->state() == PrinterState::Idle; }));
    EXPECT_TRUE(printer->waitForJob(*job, 1s).ok());
    EXPECT_EQ(receiptText("0001.txt"), printed(longReceipt()));  // whole, once, no reprint heading
    EXPECT_EQ(sim->receipts(), 1);
}

TEST_F(PrinterServiceTest, ACoverOpenedMidJobPausesItAndClosingItFinishesTheSameReceipt) {
    auto printer = enabled();
    sim->setFaultAfter(PrinterFault::CoverOpen, 120);
    auto job = printer->printAsync(longReceipt());
    EXPECT_EQ(printer->waitForJob(*job, 20s).message(), "printer cover open: close it");
    EXPECT_TRUE(printer->status().coverOpen);
    EXPECT_TRUE(eventually([&] { return events.count(PrinterEvent::Kind::Error, *job) == 1; }));

    sim->setFault(PrinterFault::CoverOpen, false);
    ASSERT_TRUE(eventually([&] { return printer->state() == PrinterState::Idle; }));
    EXPECT_TRUE(printer->waitForJob(*job, 1s).ok());
    EXPECT_EQ(sim->receipts(), 1);
    EXPECT_EQ(receiptText("0001.txt"), printed(longReceipt()));
}

TEST_F(PrinterServiceTest, AJobGivenUpAfterAFaultLeavesItsPrintedPartAndTheNextJobPrints) {
    auto printer = enabled();
    sim->setFaultAfter(PrinterFault::CoverOpen, 120);
    auto job = printer->printAsync(longReceipt());
    ASSERT_FALSE(printer->waitForJob(*job, 20s).ok());
    ASSERT_TRUE(printer->clearError().ok());
    const core::Status given = printer->waitForJob(*job, 1s);
    EXPECT_EQ(given.message(), "receipt given up: printer cover open: close it");
    EXPECT_TRUE(eventually([&] {
        const auto all = events.all();
        return all.back().kind == PrinterEvent::Kind::Error && all.back().job == *job && all.back().final;
    }));

    sim->setFault(PrinterFault::CoverOpen, false);
    Document next;
    next.text("Next customer").cut();
    auto second = printer->printAsync(next);
    ASSERT_TRUE(printer->waitForJob(*second, 20s).ok());
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 2; }));
    const std::string part = receiptText("0001-uncut.txt");
    EXPECT_EQ(part.rfind("Frontdesk Cafe\n", 0), 0u) << part;  // the top of the receipt, and no more
    EXPECT_LT(part.size(), printed(longReceipt()).size());
    EXPECT_EQ(receiptText("0002.txt"), "Next customer\n");
}

TEST_F(PrinterServiceTest, AJobThePrinterLostIsRetriedWholeUnderAReprintHeading) {
    auto printer = enabled();
    const int port = sim->port();
    sim->setFaultAfter(PrinterFault::CoverOpen, 120);
    auto job = printer->printAsync(longReceipt());
    ASSERT_FALSE(printer->waitForJob(*job, 20s).ok());
    // The printer is switched off and on: what it held is gone.
    sim.reset();
    ASSERT_TRUE(eventually([&] { return printer->lastError().find("connection lost") != std::string::npos; }))
        << printer->lastError();
    EXPECT_FALSE(printer->status().online);
    startSimulator(port);
    ASSERT_TRUE(eventually([&] { return printer->status().online; }));
    ASSERT_TRUE(printer->retry().ok());
    ASSERT_TRUE(printer->waitForJob(*job, 20s).ok());
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 1; }));
    // The first simulator's files are numbered from 0001 too: the reprint is the newest 0001.txt.
    EXPECT_EQ(receiptText("0001.txt"), "*** REPRINT ***\n" + printed(longReceipt()));
}

TEST_F(PrinterServiceTest, TheDrawerOpensThroughThePrinterAndItsStatusFollows) {
    auto printer = enabled();
    auto kick = printer->openDrawer();
    ASSERT_TRUE(kick.ok());
    ASSERT_TRUE(printer->waitForJob(*kick, 20s).ok());
    ASSERT_TRUE(eventually([&] { return printer->status().drawerOpen; }));
    sim->setDrawerOpen(false);
    ASSERT_TRUE(eventually([&] { return !printer->status().drawerOpen; }));
    EXPECT_GE(events.count(PrinterEvent::Kind::StatusUpdate), 2);
}

TEST_F(PrinterServiceTest, StatusChangesAreReportedAsTheyHappen) {
    auto printer = enabled();
    sim->setFault(PrinterFault::PaperNearEnd, true);
    ASSERT_TRUE(eventually([&] { return printer->status().paperNearEnd; }));
    EXPECT_EQ(printer->status().describe(), "online, paper near end, drawer closed");
    sim->setFault(PrinterFault::Offline, true);
    ASSERT_TRUE(eventually([&] { return !printer->status().online; }));
    EXPECT_EQ(printer->status().fault(), "offline");
    EXPECT_EQ(printer->state(), PrinterState::Idle);  // no job, no error
}

TEST_F(PrinterServiceTest, ADocumentThatCannotBeEncodedFailsForGoodAndTheNextPrints) {
    auto printer = enabled();
    Document bad;
    bad.barcode(BarcodeKind::Ean13, "12345").cut();
    auto job = printer->printAsync(bad);
    const core::Status failed = printer->waitForJob(*job, 20s);
    EXPECT_EQ(failed.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(failed.message().find("EAN-13"), std::string::npos) << failed.message();
    auto good = printer->printAsync(longReceipt());
    EXPECT_TRUE(printer->waitForJob(*good, 20s).ok());
}

TEST_F(PrinterServiceTest, ClosingReportsQueuedJobsAsNotPrinted) {
    auto printer = enabled();
    sim->setFault(PrinterFault::PaperOut, true);
    ASSERT_TRUE(eventually([&] { return printer->status().paperOut; }));
    auto first = printer->printAsync(longReceipt());
    auto second = printer->printAsync(longReceipt());
    printer->close();
    EXPECT_EQ(printer->state(), PrinterState::Closed);
    EXPECT_EQ(printer->waitForJob(*first, 1s).message(), "printer closed before the receipt was printed");
    EXPECT_EQ(printer->waitForJob(*second, 1s).message(), "printer closed before the receipt was printed");
    EXPECT_EQ(printer->claim().kind(), core::ErrorKind::FailedPrecondition);
}

TEST_F(PrinterServiceTest, AWriteOnlyTransportPrintsButSaysTheStatusIsUnknown) {
    const std::string path = dir.file("capture.bin");
    auto printer = service("file:" + path);
    ASSERT_TRUE(printer->claim().ok());
    ASSERT_TRUE(printer->enable().ok());
    EXPECT_FALSE(printer->twoWay());
    EXPECT_EQ(printer->status().describe(), "status unknown");
    auto job = printer->printAsync(longReceipt());
    ASSERT_TRUE(printer->waitForJob(*job, 20s).ok());
    EXPECT_EQ(fileText(path), *EscPosEncoder(t88(), nullptr).encode(longReceipt()));  // no status request
}

TEST_F(PrinterServiceTest, TheToolPrintsATestPageOpensTheDrawerAndReadsTheStatus) {
    const std::string address = "tcp://127.0.0.1:" + std::to_string(sim->port());
    const auto test = frontdesk::testing::runCommand({FRONTDESK_TOOL_BIN, "printer", "test", address, "--drawer"}, 60s);
    ASSERT_EQ(test.exitCode, 0) << test.output;
    EXPECT_NE(test.output.find("test page printed (confirmed by the printer)"), std::string::npos) << test.output;
    EXPECT_NE(test.output.find("online, paper ok, drawer open"), std::string::npos) << test.output;
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 1; }));
    const std::string page = receiptText("0001.txt");
    EXPECT_EQ(page.rfind("Printer test\nEpson TM-T88V, 80 mm, 42 columns\n", 0), 0u) << page;
    EXPECT_NE(page.find("[QR https://frontdesk.invalid/test]"), std::string::npos) << page;

    sim->setFault(PrinterFault::CoverOpen, true);
    const auto status = frontdesk::testing::runCommand({FRONTDESK_TOOL_BIN, "printer", "status", address}, 60s);
    EXPECT_EQ(status.exitCode, 1) << status.output;
    EXPECT_NE(status.output.find(address + ": cover open"), std::string::npos) << status.output;
    const auto refused = frontdesk::testing::runCommand({FRONTDESK_TOOL_BIN, "printer", "status", "lpt1"}, 60s);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.output.find("printer address 'lpt1'"), std::string::npos) << refused.output;
}

TEST(PrinterAddress, EachFormIsReadAndMistakesAreNamed) {
    EXPECT_EQ(parsePrinterAddress("tcp://192.0.2.7:9100")->port, 9100);
    const auto usb = parsePrinterAddress("usb:04b8:0e15");
    ASSERT_TRUE(usb.ok());
    EXPECT_EQ(*usb->vendorId, 0x04b8);
    EXPECT_EQ(*usb->productId, 0x0e15);
    EXPECT_FALSE(parsePrinterAddress("usb:").value().vendorId.has_value());
    EXPECT_EQ(parsePrinterAddress("cups:Front_Desk")->queue, "Front_Desk");
    EXPECT_EQ(parsePrinterAddress("serial:/dev/ttyUSB0@38400")->baud, 38400);
    EXPECT_EQ(parsePrinterAddress("serial:/dev/ttyS0")->baud, 9600);
    EXPECT_EQ(parsePrinterAddress("file:/tmp/x.bin")->path, "/tmp/x.bin");
    for (const char* bad : {"tcp://host", "usb:04b8", "usb:xyz:1", "cups:", "cups:a b", "serial:/dev/ttyS0@1234",
                            "serial:ttyS0", "file:", "lpt1", ""}) {
        const auto parsed = parsePrinterAddress(bad);
        EXPECT_FALSE(parsed.ok()) << bad;
        EXPECT_NE(parsed.status().message().find(std::string("'") + bad + "'"), std::string::npos)
            << parsed.status().message();
    }
}

TEST(StatusReader, AnswersAreToldApartAcrossPieces) {
    StatusReader r;
    r.expectRealtime(1);
    r.expectRealtime(2);
    EXPECT_EQ(r.feed("\x16"), 0);  // DLE EOT 1: drawer open (0x04), online
    EXPECT_TRUE(r.status().drawerOpen);
    EXPECT_TRUE(r.status().online);
    EXPECT_EQ(r.feed(std::string("\x36", 1)), 0);  // DLE EOT 2: cover open (0x04), error (0x20)
    EXPECT_TRUE(r.status().coverOpen);
    EXPECT_FALSE(r.awaiting());
    // ASB split over two reads, then a GS r reply.
    EXPECT_EQ(r.feed(std::string("\x18\x40", 2)), 0);
    EXPECT_EQ(r.feed(std::string("\x0c\x00\x00", 3)), 1);
    EXPECT_FALSE(r.status().online);
    EXPECT_TRUE(r.status().paperOut);
    EXPECT_FALSE(r.status().drawerOpen);
}

// A serial printer on a pseudo-terminal: the test's thread plays the printer with the same
// interpreter the simulator uses, answering status requests and confirmations.
TEST(SerialTransport, ARawLinePrintsAndAnswers) {
    int master = -1, slave = -1;
    char name[128];
    ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0);
    std::mutex mutex;
    std::vector<std::string> lines;
    std::atomic<bool> stop{false};
    std::thread printer([&] {
        EscPosInterpreter::Events e;
        e.realtimeStatus = [](int) { return std::uint8_t{0x12}; };
        e.statusRequest = [](int) { return std::uint8_t{0}; };
        e.reply = [&](std::string bytes) { (void)!::write(master, bytes.data(), bytes.size()); };
        e.receipt = [&](Receipt receipt) {
            std::lock_guard lock(mutex);
            for (auto& l : receipt.text()) lines.push_back(l);
        };
        EscPosInterpreter interpreter(testing::profile("epson-tm-t88v"), std::move(e));
        char buffer[512];
        while (!stop) {
            pollfd p{master, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n > 0) interpreter.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
        }
    });
    auto transport = makeTransport(*parsePrinterAddress(std::string("serial:") + name + "@38400"));
    ASSERT_TRUE(transport.ok());
    PrinterServiceOptions o;
    o.pollInterval = 20ms;
    PrinterService service(testing::profile("epson-tm-t88v"), std::move(*transport), o);
    ASSERT_TRUE(service.open().ok());
    ASSERT_TRUE(service.claim().ok());
    ASSERT_TRUE(service.enable().ok());
    EXPECT_TRUE(service.status().online);
    Document d;
    d.text("Serial receipt").columns("Tea", "2.50").cut();
    auto job = service.printAsync(d);
    EXPECT_TRUE(service.waitForJob(*job, 20s).ok());
    service.close();
    stop = true;
    printer.join();
    ::close(slave);
    ::close(master);
    std::lock_guard lock(mutex);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "Serial receipt");
}

}  // namespace
}  // namespace frontdesk::peripherals

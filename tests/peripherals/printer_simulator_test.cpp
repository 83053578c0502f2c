// The printer simulator over real TCP on loopback: receipts written as PNG and text equal to what
// was sent, status answered, faults mid-job holding the rest until they clear, a cleared job
// leaving its printed part uncut, Automatic Status Back, the drawer; and the frontdesk-sim command.
#include "peripherals/printer_simulator.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals/png.h"
#include "peripherals_test_support.h"
#include "testing/child_process.h"
#include "testing/temp_dir.h"

namespace frontdesk::peripherals {
namespace {

using testing::hex;
using testing::operator""_bytes;
using Clock = std::chrono::steady_clock;
using testing::eventually;
using testing::fileText;
using testing::joined;

class Host {
public:
    explicit Host(int port) : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("connect");
    }
    ~Host() { ::close(m_fd); }
    void send(const std::string& bytes) {
        ASSERT_EQ(::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    }
    // Exactly n bytes, or what came within the bound.
    std::string read(std::size_t n, std::chrono::milliseconds bound = std::chrono::seconds(10)) {
        std::string out;
        const auto deadline = Clock::now() + bound;
        while (out.size() < n && Clock::now() < deadline) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            char buffer[256];
            const ssize_t got = ::recv(m_fd, buffer, std::min(sizeof buffer, n - out.size()), 0);
            if (got <= 0) break;
            out.append(buffer, static_cast<std::size_t>(got));
        }
        return out;
    }
    // Nothing arrives within a short look (a reply that must not come yet).
    bool silent() { return read(1, std::chrono::milliseconds(150)).empty(); }

private:
    int m_fd;
};

class PrinterSimulatorTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = PrinterSimulator::start(testing::profile("epson-tm-t88v"), {0, dir.file("out")});
        ASSERT_TRUE(started.ok()) << started.status().toString();
        sim = std::move(*started);
    }
    std::filesystem::path out(const std::string& name) { return std::filesystem::path(dir.file("out")) / name; }

    kiosk::testing::TempDir dir;
    std::unique_ptr<PrinterSimulator> sim;
    const EscPosEncoder encoder{testing::profile("epson-tm-t88v"), nullptr};
};

Document simulatedReceipt(const std::string& id) {
    Document d;
    d.text("Frontdesk", {}, Align::Center).columns("Apple juice", "€ 1,99").qr("fd:receipt:" + id, 4).text("Bye").cut();
    return d;
}

TEST_F(PrinterSimulatorTest, EachCutReceiptIsWrittenAsTextAndAPictureOfWhatWasSent) {
    Host host(sim->port());
    host.send(*encoder.encode(simulatedReceipt("1")) + *encoder.encode(simulatedReceipt("2")) + "\x1d\x72\x01"_bytes);
    EXPECT_EQ(hex(host.read(1)), "00");  // GS r 1 answered once both are printed: paper present
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 2; }));
    EXPECT_EQ(fileText(out("0001.txt")), joined(encoder.printedText(simulatedReceipt("1"))));
    EXPECT_EQ(fileText(out("0002.txt")), joined(encoder.printedText(simulatedReceipt("2"))));
    auto picture = readPng(out("0002.png").string());
    ASSERT_TRUE(picture.ok()) << picture.status().toString();
    EXPECT_EQ(picture->width, 512);
    EXPECT_EQ(testing::decodeCodes(*picture), (std::vector<std::string>{"QRCode:fd:receipt:2"}));
    EXPECT_EQ(sim->skippedCommands(), 0);
}

TEST_F(PrinterSimulatorTest, RealTimeStatusTellsFaultsAndTheDrawer) {
    Host host(sim->port());
    host.send("\x10\x04\x01\x10\x04\x02\x10\x04\x04"_bytes);
    EXPECT_EQ(hex(host.read(3)), "12 12 12");
    sim->setFault(PrinterFault::PaperNearEnd, true);
    sim->setFault(PrinterFault::CoverOpen, true);
    ASSERT_TRUE(eventually([&] {
        host.send("\x10\x04\x02"_bytes);
        return hex(host.read(1)) == "56";  // cover open (0x04), stopped (0x40)
    }));
    host.send("\x10\x04\x04\x10\x04\x01"_bytes);
    EXPECT_EQ(hex(host.read(2)), "1e 1a");  // near end; offline while the cover is open
    sim->setFault(PrinterFault::CoverOpen, false);
    host.send(EscPosEncoder::drawerKick());
    ASSERT_TRUE(eventually([&] {
        host.send("\x10\x04\x01"_bytes);
        return hex(host.read(1)) == "16";  // drawer open (0x04)
    }));
    sim->setDrawerOpen(false);
    ASSERT_TRUE(eventually([&] {
        host.send("\x1d\x72\x02"_bytes);
        return hex(host.read(1)) == "00";
    }));
}

TEST_F(PrinterSimulatorTest, ACoverOpenedMidJobHoldsTheRestUntilItClosesAndNothingPrintsTwice) {
    Host host(sim->port());
    const std::string job = *encoder.encode(simulatedReceipt("7")) + "\x1d\x72\x01"_bytes;
    const std::size_t half = job.find("Apple");
    host.send(job.substr(0, half));
    host.send("\x1d\x72\x01"_bytes);
    EXPECT_EQ(hex(host.read(1)), "00");  // the first half is on paper
    sim->setFault(PrinterFault::CoverOpen, true);
    ASSERT_TRUE(eventually([&] {
        host.send("\x10\x04\x02"_bytes);
        return hex(host.read(1)) == "56";
    }));
    host.send(job.substr(half));
    EXPECT_TRUE(host.silent()) << "GS r must wait for the held job";
    host.send("\x10\x04\x02"_bytes);  // real-time status is still answered
    EXPECT_EQ(hex(host.read(1)), "56");
    sim->setFault(PrinterFault::CoverOpen, false);
    EXPECT_EQ(hex(host.read(1)), "00");  // the held rest printed, then GS r answered
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 1; }));
    EXPECT_EQ(fileText(out("0001.txt")), joined(encoder.printedText(simulatedReceipt("7"))));
}

TEST_F(PrinterSimulatorTest, AJobClearedAfterAFaultLeavesItsPrintedPartUncut) {
    Host host(sim->port());
    const std::string job = *encoder.encode(simulatedReceipt("8"));
    const std::size_t half = job.find("Apple");
    host.send(job.substr(0, half) + "\x1d\x72\x01"_bytes);
    EXPECT_EQ(hex(host.read(1)), "00");
    sim->setFault(PrinterFault::PaperOut, true);
    ASSERT_TRUE(eventually([&] {
        host.send("\x10\x04\x04"_bytes);
        return hex(host.read(1)) == "7e";  // near end and out
    }));
    // The rest, then recover clearing the buffer; the status reply says both were taken in.
    host.send(job.substr(half) + "\x10\x05\x02\x10\x04\x04"_bytes);
    EXPECT_EQ(hex(host.read(1)), "7e");
    sim->setFault(PrinterFault::PaperOut, false);
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 1; }));
    EXPECT_EQ(fileText(out("0001-uncut.txt")), "Frontdesk\n");
    // The host sends the whole job again: it prints once, whole.
    host.send(job);
    ASSERT_TRUE(eventually([&] { return sim->receipts() == 2; }));
    EXPECT_EQ(fileText(out("0002.txt")), joined(encoder.printedText(simulatedReceipt("8"))));
}

TEST_F(PrinterSimulatorTest, AutomaticStatusBackReportsEachChange) {
    Host host(sim->port());
    host.send("\x1d\x61\xff"_bytes);
    EXPECT_EQ(hex(host.read(4)), "10 00 00 00");  // the first report at once
    sim->setFault(PrinterFault::CoverOpen, true);
    EXPECT_EQ(hex(host.read(4)), "38 40 00 00");  // offline, cover open; stopped
    sim->setFault(PrinterFault::CoverOpen, false);
    EXPECT_EQ(hex(host.read(4)), "10 00 00 00");
    sim->setFault(PrinterFault::PaperNearEnd, true);
    EXPECT_EQ(hex(host.read(4)), "10 00 03 00");
}

TEST(FrontdeskSim, TheCommandListensPrintsAndStopsOnSigterm) {
    kiosk::testing::TempDir dir;
    frontdesk::testing::ChildProcess sim(
        {FRONTDESK_SIM_BIN, "printer", "--port", "0", "--out", dir.file("out"), "--profile", "generic-58mm"});
    ASSERT_TRUE(sim.waitForOutput("listening on 127.0.0.1:", Clock::now() + std::chrono::seconds(20))) << sim.output();
    ASSERT_TRUE(sim.waitForOutput("\n", Clock::now() + std::chrono::seconds(20)));
    const auto at = sim.output().find("listening on 127.0.0.1:");
    const int port = std::stoi(sim.output().substr(at + 23));
    const EscPosEncoder encoder(testing::profile("generic-58mm"), nullptr);
    Document d;
    d.text("Queue ticket", {}, Align::Center).text("A 042").cut();
    {
        Host host(port);
        host.send(*encoder.encode(d));
    }
    ASSERT_TRUE(eventually([&] {
        return std::filesystem::exists(std::filesystem::path(dir.file("out")) / "0001-uncut.txt");
    })) << sim.output();
    EXPECT_EQ(fileText(std::filesystem::path(dir.file("out")) / "0001-uncut.txt"), joined(encoder.printedText(d)));
    sim.signal(SIGTERM);
    EXPECT_EQ(sim.waitUntil(Clock::now() + std::chrono::seconds(20)), std::optional<int>(0));
}

TEST(FrontdeskSim, StdinChangesFaultsAndBadLinesAreExplained) {
    kiosk::testing::TempDir dir;
    const auto result = frontdesk::testing::runCommand(
        {"/bin/sh", "-c",
         std::string("printf 'paper-out on\\nlid open\\npaper-out off\\nquit\\n' | ") + FRONTDESK_SIM_BIN +
             " printer --out " + dir.file("out") + " --fault cover-open"});
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("paper-out on\n"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("'lid open': expected"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("0 receipts written"), std::string::npos) << result.output;
    const auto bad = frontdesk::testing::runCommand({FRONTDESK_SIM_BIN, "printer", "--profile", "no-such-printer"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.output.find("no printer profile 'no-such-printer'"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace frontdesk::peripherals

namespace frontdesk::peripherals {
namespace {

TEST(FrontdeskTool, EscposRenderWritesEachReceiptOfACapturedJobAndNamesWhatItSkipped) {
    kiosk::testing::TempDir dir;
    const EscPosEncoder encoder(testing::profile("epson-tm-m30"), nullptr);
    Document d;
    d.text("Visitor badge", {}, Align::Center).text("Ann Example").qr("fd:visit:42").cut();
    std::ofstream(dir.file("job.bin"), std::ios::binary) << *encoder.encode(d) << "\x1b~" << *encoder.encode(d);
    const auto result = frontdesk::testing::runCommand({FRONTDESK_TOOL_BIN, "escpos", "render", dir.file("job.bin"),
                                                        "--out", dir.file("out"), "--profile", "epson-tm-m30"});
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("2 receipts from"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find(": unknown command ESC ~ (skipped)"), std::string::npos) << result.output;
    EXPECT_EQ(fileText(std::filesystem::path(dir.file("out")) / "0002.txt"), joined(encoder.printedText(d)));
    auto picture = readPng((std::filesystem::path(dir.file("out")) / "0001.png").string());
    ASSERT_TRUE(picture.ok());
    EXPECT_EQ(testing::decodeCodes(*picture), (std::vector<std::string>{"QRCode:fd:visit:42"}));

    const auto profiles = frontdesk::testing::runCommand({FRONTDESK_TOOL_BIN, "printer", "profiles"});
    EXPECT_EQ(profiles.exitCode, 0) << profiles.output;
    EXPECT_NE(profiles.output.find("epson-tm-t88v: Epson TM-T88V, 80 mm, 42 columns, 512 dots at 180 dpi"),
              std::string::npos)
        << profiles.output;
    EXPECT_NE(profiles.output.find("generic-58mm: Generic 58 mm ESC/POS printer, 58 mm, 32 columns"),
              std::string::npos);
}

}  // namespace
}  // namespace frontdesk::peripherals

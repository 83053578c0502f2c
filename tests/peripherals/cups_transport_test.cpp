// The CUPS transport against a real cupsd of the test's own (its configuration, spool, state and
// logs in a fresh folder, listening on a domain socket there) with a raw queue to the printer
// simulator: a receipt comes out whole and its job is followed to completed; an unknown queue, a
// printer that cannot be reached, a stopped queue, a held job and a queue refusing jobs are each
// reported with what CUPS says, and a job not printed is cancelled so that it cannot print later.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "firmware_config/printer_profile.h"
#include "peripherals/cups_jobs.h"
#include "peripherals/escpos_encoder.h"
#include "peripherals/printer_simulator.h"
#include "peripherals_test_support.h"
#include "testing/child_process.h"
#include "testing/loopback.h"
#include "testing/temp_dir.h"

namespace frontdesk::peripherals {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using frontdesk::testing::ChildProcess;
using frontdesk::testing::runCommand;

using testing::eventually;
using testing::fileText;
using testing::joined;

// A bound for a broken build, not a timing.
constexpr auto kBound = std::chrono::seconds(20);

// Stands in for CUPS's socket backend (AppSocket, the printer's port 9100), which Debian ships in
// the `cups` package with Ghostscript and the filters in tow. Like the real one it sends the job's
// bytes as they are, and keeps trying a printer that refuses the connection, saying so, until
// the job is cancelled.
constexpr const char* kSocketBackend = R"(#!/bin/bash
# Without arguments CUPS asks which devices a backend finds: none.
[ $# -eq 0 ] && exit 0
address=${DEVICE_URI#socket://}
echo "STATE: +connecting-to-device" >&2
until exec 3<>"/dev/tcp/${address%%:*}/${address##*:}"; do
    echo "WARNING: The printer may not exist or is unavailable at this time." >&2
    sleep 0.1
done
echo "STATE: -connecting-to-device" >&2
cat "${6:-/dev/stdin}" >&3
)";

// A cupsd of its own, listening only on dir()/cups.sock, every operation allowed. It runs as root
// (the test's user) and its backends as lp, cupsd's default: it refuses `User root`. Stopped with
// SIGTERM and reaped when the object goes away. Set-up failures throw with the end of its log.
class PrivateCupsd {
public:
    PrivateCupsd() {
        for (const char* sub : {"bin/backend", "cache", "spool/tmp", "state", "log"}) {
            fs::create_directories(dir() / sub);
        }
        // Its own ServerBin for the backend above; cupsd starts backends through daemon/cups-exec.
        fs::create_symlink("/usr/lib/cups/daemon", dir() / "bin/daemon");
        std::ofstream(dir() / "bin/backend/socket") << kSocketBackend;
        // Readable and runnable by lp; a backend only root may run would run as root.
        fs::permissions(dir() / "bin/backend/socket", fs::perms::owner_all | fs::perms::group_read |
                                                          fs::perms::group_exec | fs::perms::others_read |
                                                          fs::perms::others_exec);
        std::ofstream(dir() / "cupsd.conf") << "Listen " << socket() << "\n"
                                            << "LogLevel debug\n"
                                               "Browsing No\n"
                                               "WebInterface No\n"
                                               "DefaultAuthType None\n"
                                               "<Policy default>\n"
                                               "  <Limit All>\n"
                                               "    Order deny,allow\n"
                                               "    Allow all\n"
                                               "  </Limit>\n"
                                               "</Policy>\n";
        // Every file it writes stays in dir(): spool, cache, state (its pid file), printcap, logs.
        std::ofstream(dir() / "cups-files.conf")
            << "ServerRoot " << dir().string() << "\nServerBin " << (dir() / "bin").string() << "\nCacheDir "
            << (dir() / "cache").string() << "\nStateDir " << (dir() / "state").string() << "\nRequestRoot "
            << (dir() / "spool").string() << "\nTempDir " << (dir() / "spool/tmp").string() << "\nPrintcap "
            << (dir() / "printcap").string() << "\nErrorLog " << (dir() / "log/error_log").string() << "\nAccessLog "
            << (dir() / "log/access_log").string() << "\nPageLog " << (dir() / "log/page_log").string() << "\n";
        m_process = std::make_unique<ChildProcess>(
            std::vector<std::string>{"/usr/sbin/cupsd", "-f", "-c", (dir() / "cupsd.conf").string(), "-s",
                                     (dir() / "cups-files.conf").string()},
            dir() / "cupsd.out");
        const auto deadline = Clock::now() + kBound;
        while (!accepting()) {
            if (!m_process->running() || Clock::now() > deadline) {
                throw std::runtime_error("cupsd did not accept connections on " + socket() + ":\n" + log());
            }
            ::poll(nullptr, 0, 5);
        }
    }

    ~PrivateCupsd() { stop(); }

    void stop() {
        if (!m_process->running()) return;
        m_process->signal(SIGTERM);
        if (!m_process->waitUntil(Clock::now() + kBound)) m_process->kill();
    }

    std::string socket() const { return (dir() / "cups.sock").string(); }

    // An administration command (lpadmin, cupsdisable, ...) on this cupsd; throws if it fails.
    void admin(const std::string& program, std::vector<std::string> args) {
        args.insert(args.begin(), {"/usr/sbin/" + program, "-h", socket()});
        const auto result = runCommand(args);
        if (result.exitCode != 0) throw std::runtime_error(program + " failed: " + result.output + "\n" + log());
    }

    // A raw queue (lpadmin -m raw: deprecated in CUPS 2.4, still served) to 127.0.0.1:port, enabled
    // and accepting jobs.
    void addRawQueue(const std::string& name, int port) {
        admin("lpadmin", {"-p", name, "-E", "-v", "socket://127.0.0.1:" + std::to_string(port), "-m", "raw"});
    }

    // Jobs on the queue not yet completed, cancelled or aborted, as lpstat lists them.
    std::string activeJobs(const std::string& queue) const {
        return runCommand({"/usr/bin/lpstat", "-h", socket(), "-o", queue}).output;
    }

    std::string log() const {
        const std::string text = fileText(dir() / "log/error_log") + fileText(dir() / "cupsd.out");
        return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
    }

private:
    const fs::path& dir() const { return m_dir.path(); }

    bool accepting() const {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        socket().copy(address.sun_path, sizeof address.sun_path - 1);
        const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        return connected;
    }

    kiosk::testing::TempDir m_dir;
    std::unique_ptr<ChildProcess> m_process;
};

firmware_config::PrinterProfile tmT88vi() {
    auto profile =
        firmware_config::loadPrinterProfile(firmware_config::shippedPrinterProfilesDir() / "epson-tm-t88vi.json");
    if (!profile.ok()) throw std::runtime_error(profile.status().toString());
    return *profile;
}

Document receipt(const std::string& number) {
    Document d;
    d.text("Frontdesk", {.bold = true}, Align::Center)
        .columns("Apple juice", "€ 1,99")
        .columns("Day pass", "€ 12,00")
        .barcode(BarcodeKind::Code128, "R-" + number)
        .qr("fd:receipt:" + number, 4)
        .text("Receipt " + number)
        .cut();
    return d;
}

class CupsTransport : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = PrinterSimulator::start(profile, {0, out.string()});
        ASSERT_TRUE(started.ok()) << started.status().toString();
        simulator = std::move(*started);
        cupsd.addRawQueue("front", simulator->port());
        const char* before = ::getenv("CUPS_SERVER");
        if (before != nullptr) m_serverBefore = before;
        ::setenv("CUPS_SERVER", cupsd.socket().c_str(), 1);
    }

    void TearDown() override {
        if (m_serverBefore) {
            ::setenv("CUPS_SERVER", m_serverBefore->c_str(), 1);
        } else {
            ::unsetenv("CUPS_SERVER");
        }
    }

    std::unique_ptr<Transport> transport(const std::string& queue, std::chrono::milliseconds wait = kCupsJobWait) {
        auto address = parsePrinterAddress("cups:" + queue);
        EXPECT_TRUE(address.ok()) << address.status().toString();
        auto made = makeCupsTransport(
            *address,
            [this](int id, CupsJobState state) {
                seen.emplace_back(id, state);
                if (onState) onState(state);
            },
            wait);
        EXPECT_TRUE(made.ok()) << made.status().toString();
        return std::move(*made);
    }

    std::vector<CupsJobState> states() const {
        std::vector<CupsJobState> list;
        for (const auto& [id, state] : seen) list.push_back(state);
        return list;
    }

    std::string job(const std::string& number) const { return *encoder.encode(receipt(number)); }

    kiosk::testing::TempDir dir;
    const fs::path out = dir.path() / "out";
    const firmware_config::PrinterProfile profile = tmT88vi();
    const EscPosEncoder encoder{profile, nullptr};
    std::unique_ptr<PrinterSimulator> simulator;
    PrivateCupsd cupsd;
    std::vector<std::pair<int, CupsJobState>> seen;  // what the observer was told
    std::function<void(CupsJobState)> onState;       // and what a test does then

private:
    std::optional<std::string> m_serverBefore;
};

TEST_F(CupsTransport, AReceiptGoesThroughTheQueueWholeAndItsJobIsFollowedToCompleted) {
    auto printer = transport("front");
    ASSERT_TRUE(printer->open().ok());
    const std::string bytes = job("1");
    // In pieces, as the printer service writes: one job all the same.
    ASSERT_TRUE(printer->write(bytes.substr(0, 100)).ok());
    ASSERT_TRUE(printer->write(bytes.substr(100)).ok());
    const auto status = printer->endJob();
    ASSERT_TRUE(status.ok()) << status.toString() << "\n" << cupsd.log();

    ASSERT_TRUE(eventually([&] { return simulator->receipts() == 1; })) << cupsd.log();
    EXPECT_EQ(fileText(out / "0001.txt"), joined(encoder.printedText(receipt("1"))));
    EXPECT_EQ(simulator->skippedCommands(), 0);
    // Followed until CUPS said it was done, through nothing but waiting and processing.
    const auto followed = states();
    ASSERT_FALSE(followed.empty());
    EXPECT_EQ(followed.back(), CupsJobState::Completed) << cupsJobStateName(followed.back());
    EXPECT_TRUE(std::is_sorted(followed.begin(), followed.end()));
    EXPECT_TRUE(std::all_of(followed.begin(), followed.end(), [](CupsJobState state) {
        return state == CupsJobState::Pending || state == CupsJobState::Processing || state == CupsJobState::Completed;
    }));
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [&](const auto& s) { return s.first == seen.front().first; }));
}

TEST_F(CupsTransport, AJobWaitingForItsPrinterIsFollowedThroughProcessingUntilThePrinterComesUp) {
    // The queue's printer is switched on only once CUPS says the job is being processed.
    const int port = frontdesk::testing::freeLoopbackPorts(1).front();
    cupsd.addRawQueue("kiosk", port);
    std::unique_ptr<PrinterSimulator> late;
    onState = [&](CupsJobState state) {
        if (state != CupsJobState::Processing || late) return;
        auto started = PrinterSimulator::start(profile, {port, (dir.path() / "late").string()});
        if (started.ok()) late = std::move(*started);
    };
    auto printer = transport("kiosk");
    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->write(job("11")).ok());
    const auto status = printer->endJob();
    ASSERT_TRUE(status.ok()) << status.toString() << "\n" << cupsd.log();
    ASSERT_TRUE(late) << "the job was never seen processing";
    ASSERT_TRUE(eventually([&] { return late->receipts() == 1; })) << cupsd.log();
    EXPECT_EQ(fileText(dir.path() / "late/0001.txt"), joined(encoder.printedText(receipt("11"))));
    ASSERT_GE(states().size(), 2u);
    EXPECT_EQ(states()[states().size() - 2], CupsJobState::Processing);
    EXPECT_EQ(states().back(), CupsJobState::Completed);
}

TEST_F(CupsTransport, ACupsAddressMakesAWriteOnlyTransportThatSendsEachJobOnItsOwn) {
    auto address = parsePrinterAddress("cups:front");
    ASSERT_TRUE(address.ok());
    auto made = makeTransport(*address);
    ASSERT_TRUE(made.ok()) << made.status().toString();
    Transport& printer = **made;
    EXPECT_FALSE(printer.twoWay());
    EXPECT_EQ(printer.address(), "cups:front");
    ASSERT_TRUE(printer.open().ok());
    EXPECT_TRUE(printer.isOpen());
    ASSERT_TRUE(printer.write(job("2")).ok());
    const auto before = Clock::now();
    auto answer = printer.read(std::chrono::seconds(10));
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(*answer, "");
    EXPECT_LT(Clock::now() - before, std::chrono::seconds(1)) << "a write-only transport does not wait for answers";
    ASSERT_TRUE(printer.endJob().ok());
    ASSERT_TRUE(printer.write(job("3")).ok());
    ASSERT_TRUE(printer.endJob().ok());
    ASSERT_TRUE(printer.endJob().ok()) << "nothing written: no job";

    ASSERT_TRUE(eventually([&] { return simulator->receipts() == 2; })) << cupsd.log();
    EXPECT_EQ(fileText(out / "0001.txt"), joined(encoder.printedText(receipt("2"))));
    EXPECT_EQ(fileText(out / "0002.txt"), joined(encoder.printedText(receipt("3"))));
    EXPECT_EQ(cupsd.activeJobs("front"), "");
}

TEST_F(CupsTransport, AnUnknownQueueIsNotFoundNamingTheQueueAndTheServer) {
    auto printer = transport("back-office");
    const auto status = printer->open();
    EXPECT_EQ(status.kind(), core::ErrorKind::NotFound) << status.toString();
    EXPECT_NE(status.message().find("'back-office'"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find(cupsd.socket()), std::string::npos) << status.message();
    EXPECT_FALSE(printer->isOpen());
}

TEST_F(CupsTransport, WithoutACupsServerOpenIsUnavailableNamingTheServer) {
    cupsd.stop();
    auto printer = transport("front");
    const auto status = printer->open();
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable) << status.toString();
    EXPECT_NE(status.message().find("'front' on " + cupsd.socket() + ": cannot connect"), std::string::npos)
        << status.message();
    EXPECT_FALSE(printer->isOpen());
}

TEST_F(CupsTransport, WritingBeforeOpenOrAfterCloseFailsAndSendsNothing) {
    auto printer = transport("front");
    EXPECT_FALSE(printer->isOpen());
    auto status = printer->write(job("4"));
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(status.message().find("'front'"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("not open"), std::string::npos) << status.message();
    EXPECT_EQ(printer->endJob().kind(), core::ErrorKind::Unavailable);

    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->write(job("5")).ok());
    printer->close();  // what was written and not ended is dropped
    EXPECT_EQ(printer->write(job("6")).kind(), core::ErrorKind::Unavailable);
    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->endJob().ok());
    EXPECT_TRUE(seen.empty()) << "no job was submitted";
    EXPECT_EQ(cupsd.activeJobs("front"), "");
    EXPECT_EQ(simulator->receipts(), 0);
}

TEST_F(CupsTransport, AJobForAPrinterThatCannotBeReachedIsCancelledAfterTheWaitAndReported) {
    const int closed = frontdesk::testing::freeLoopbackPorts(1).front();
    cupsd.addRawQueue("unplugged", closed);
    auto printer = transport("unplugged", std::chrono::milliseconds(300));
    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->write(job("7")).ok());
    const auto status = printer->endJob();
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable) << status.toString();
    EXPECT_NE(status.message().find("CUPS queue 'unplugged'"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("after 300 ms"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("not printed; job cancelled"), std::string::npos) << status.message();
    ASSERT_FALSE(seen.empty());
    EXPECT_NE(states().back(), CupsJobState::Completed);
    EXPECT_EQ(cupsd.activeJobs("unplugged"), "") << "the job must not print once the printer is back";
}

TEST_F(CupsTransport, AStoppedQueueIsReportedAtOnceWithItsJobCancelledAndCannotBeOpened) {
    auto printer = transport("front");
    ASSERT_TRUE(printer->open().ok());
    cupsd.admin("cupsdisable", {"-r", "paper roll being changed", "front"});
    ASSERT_TRUE(printer->write(job("8")).ok());
    const auto before = Clock::now();
    const auto status = printer->endJob();
    EXPECT_LT(Clock::now() - before, kCupsJobWait / 2) << "a stopped queue is not waited for";
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable) << status.toString();
    EXPECT_NE(status.message().find("CUPS queue 'front'"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("pending: the queue is stopped"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("paper roll being changed"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("job cancelled"), std::string::npos) << status.message();
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(states().back(), CupsJobState::Pending);

    printer->close();
    const auto refused = printer->open();
    EXPECT_EQ(refused.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(refused.message().find("stopped"), std::string::npos) << refused.message();
    EXPECT_NE(refused.message().find("paper roll being changed"), std::string::npos) << refused.message();

    // Started again, the queue prints the next job only: the cancelled one stays cancelled.
    cupsd.admin("cupsenable", {"front"});
    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->write(job("9")).ok());
    ASSERT_TRUE(printer->endJob().ok());
    ASSERT_TRUE(eventually([&] { return simulator->receipts() == 1; })) << cupsd.log();
    EXPECT_EQ(fileText(out / "0001.txt"), joined(encoder.printedText(receipt("9"))));
}

TEST_F(CupsTransport, AJobTheQueueHoldsIsReportedHeldAndCancelled) {
    cupsd.admin("lpadmin", {"-p", "front", "-o", "job-hold-until-default=indefinite"});
    auto printer = transport("front");
    ASSERT_TRUE(printer->open().ok());
    ASSERT_TRUE(printer->write(job("10")).ok());
    const auto status = printer->endJob();
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable) << status.toString();
    EXPECT_NE(status.message().find(" held (job-hold-until-specified"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("job cancelled"), std::string::npos) << status.message();
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(states().back(), CupsJobState::Held);
    EXPECT_EQ(cupsd.activeJobs("front"), "");
    EXPECT_EQ(simulator->receipts(), 0);
}

TEST_F(CupsTransport, AQueueRefusingJobsCannotBeOpened) {
    cupsd.admin("cupsreject", {"-r", "closed for the night", "front"});
    auto printer = transport("front");
    const auto status = printer->open();
    EXPECT_EQ(status.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(status.message().find("'front'"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("not accepting jobs"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("closed for the night"), std::string::npos) << status.message();
    EXPECT_FALSE(printer->isOpen());
}

TEST(CupsJobStates, HaveTheirIppNames) {
    EXPECT_EQ(cupsJobStateName(CupsJobState::Pending), "pending");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Held), "held");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Processing), "processing");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Stopped), "stopped");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Canceled), "canceled");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Aborted), "aborted");
    EXPECT_EQ(cupsJobStateName(CupsJobState::Completed), "completed");
    PrinterAddress tcp;
    tcp.text = "tcp://127.0.0.1:9100";
    EXPECT_EQ(makeCupsTransport(tcp, nullptr).status().kind(), core::ErrorKind::InvalidArgument);
}

}  // namespace
}  // namespace frontdesk::peripherals

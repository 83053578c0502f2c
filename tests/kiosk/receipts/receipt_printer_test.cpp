// The till's receipt printer against the printer simulator: a receipt printed and confirmed; a
// fault that leaves it queued (and printed once fixed); a printer that is not there yet, then is;
// and the headless till printing after each commit, with a copy on demand, never held up by paper.
#include "kiosk/receipts/receipt_printer.h"

#include <fstream>

#include <gtest/gtest.h>

#include "peripherals/printer_simulator.h"
#include "peripherals_test_support.h"
#include "testing/child_process.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::receipts {
namespace {

using namespace std::chrono_literals;
using peripherals::PrinterFault;
using peripherals::PrinterSimulator;
using peripherals::testing::eventually;
using peripherals::testing::fileText;

const firmware_config::PrinterProfile& t88() {
    return peripherals::testing::profile("epson-tm-t88v");
}

peripherals::Document slip(const std::string& text) {
    peripherals::Document d;
    d.text(text).cut();
    return d;
}

class ReceiptPrinterTest : public ::testing::Test {
protected:
    void SetUp() override { start(0); }
    void start(int port) {
        auto sim = PrinterSimulator::start(t88(), {port, dir.file("out")});
        ASSERT_TRUE(sim.ok()) << sim.status().toString();
        simulator = std::move(*sim);
    }
    std::unique_ptr<ReceiptPrinter> printer(int port) {
        peripherals::PrinterServiceOptions o;
        o.pollInterval = 20ms;
        o.answerTimeout = 20s;  // a starved test process is not a silent printer
        auto p = ReceiptPrinter::open("tcp://127.0.0.1:" + std::to_string(port), t88(), o);
        EXPECT_TRUE(p.ok()) << p.status().toString();
        return std::move(*p);
    }
    std::string receipt(const std::string& name) { return fileText(std::filesystem::path(dir.file("out")) / name); }

    kiosk::testing::TempDir dir;
    std::unique_ptr<PrinterSimulator> simulator;
};

TEST_F(ReceiptPrinterTest, AReceiptIsPrintedAndConfirmed) {
    auto p = printer(simulator->port());
    const PrintOutcome out = p->print(slip("Hello"), 20s);
    EXPECT_TRUE(out.printed);
    EXPECT_EQ(out.toJson()["message"], "printed");
    EXPECT_EQ(receipt("0001.txt"), "Hello\n");
    EXPECT_EQ(p->statusJson()["status"], "online, paper ok, drawer closed");
}

TEST_F(ReceiptPrinterTest, AReceiptPrintedDuringAFaultIsQueuedAndPrintsOnceFixed) {
    auto p = printer(simulator->port());
    simulator->setFault(PrinterFault::CoverOpen, true);
    ASSERT_TRUE(eventually([&] { return p->statusJson()["status"] == "cover open, paper ok, drawer closed"; }));
    const PrintOutcome out = p->print(slip("Queued"), 20s);
    EXPECT_FALSE(out.printed);
    EXPECT_TRUE(out.queued);
    EXPECT_EQ(out.message, "not printed yet: printer cover open: close it");
    simulator->setFault(PrinterFault::CoverOpen, false);
    ASSERT_TRUE(eventually([&] { return simulator->receipts() == 1; }));
    EXPECT_EQ(receipt("0001.txt"), "Queued\n");
}

TEST_F(ReceiptPrinterTest, APrinterNotThereYetIsFoundAtTheNextPrint) {
    const int port = simulator->port();
    simulator.reset();
    auto p = printer(port);
    const PrintOutcome missing = p->print(slip("First"), 5s);
    EXPECT_FALSE(missing.printed);
    EXPECT_FALSE(missing.queued);
    EXPECT_NE(missing.message.find("tcp://127.0.0.1:" + std::to_string(port)), std::string::npos) << missing.message;
    start(port);
    EXPECT_TRUE(p->print(slip("Second"), 20s).printed);
    EXPECT_EQ(receipt("0001.txt"), "Second\n");
    EXPECT_EQ(ReceiptPrinter::open("lpt1", t88()).status().kind(), core::ErrorKind::InvalidArgument);
}

// The headless till on the fixture's database with the simulator as its printer, running these
// actions (one JSON object each) with these options besides.
frontdesk::testing::CommandResult runTillIn(const kiosk::testing::TempDir& dir, int port,
                                            const std::vector<std::string>& actions,
                                            const std::vector<std::string>& options) {
    static int runs = 0;  // a script file per run
    const std::string script = dir.file("script-" + std::to_string(++runs) + ".jsonl");
    {
        std::ofstream out(script);
        for (const auto& action : actions) out << action << "\n";
    }
    std::vector<std::string> argv = {FRONTDESK_KIOSK_BIN,
                                     "--headless",
                                     "--db",
                                     dir.file("t.db"),
                                     "--script",
                                     script,
                                     "--log-level",
                                     "off",
                                     "--printer",
                                     "tcp://127.0.0.1:" + std::to_string(port)};
    argv.insert(argv.end(), options.begin(), options.end());
    return frontdesk::testing::runCommand(argv, 60s);
}

std::vector<nlohmann::json> resultLines(const std::string& output) {
    std::vector<nlohmann::json> out;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        auto parsed = nlohmann::json::parse(line, nullptr, false);
        if (!parsed.is_discarded() && parsed.is_object()) out.push_back(parsed);
    }
    return out;
}

TEST_F(ReceiptPrinterTest, TheHeadlessTillPrintsAfterEachCommitAndAFaultNeverHoldsTheSale) {
    const auto runTill = [&](const std::vector<std::string>& actions, const std::vector<std::string>& options) {
        return runTillIn(dir, simulator->port(), actions, options);
    };
    auto seed = kiosk::testing::standardSeed(
        {{"receipt", {{"name", "Frontdesk Cafe"}, {"vat_id", "DE123456789"}, {"footer", "Thank you!"}}}});
    std::ofstream(dir.file("seed.json")) << seed.dump();
    const auto run = runTill(
        {R"({"action":"login","staff":"c1","pin":"1111"})", R"({"action":"shift.open","float":"100.00"})",
         R"({"action":"scan","code":"4000000000017"})", R"({"action":"tender","method":"cash","amount":"5.00"})",
         R"({"action":"complete"})", R"({"action":"reprint","receipt":"t1-000001"})", R"({"action":"report"})",
         R"({"action":"visitor_in","name":"Robin Example","company":"Acme"})",
         R"({"action":"queue_take","service":"Memberships"})", R"({"action":"queue_take"})",
         R"({"action":"queue_call"})", R"({"action":"queue_waiting"})", R"({"action":"printer.status"})"},
        {"--seed", dir.file("seed.json"), "--clock", "2026-12-01T09:00:00Z"});
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto results = resultLines(run.output);
    ASSERT_EQ(results.size(), 14u) << run.output;  // the seed, then one per action

    // The queue: two numbers printed, the first called, the second waiting behind nobody.
    EXPECT_EQ(results[9]["number"], 1) << results[9];
    EXPECT_EQ(results[9]["print"]["printed"], true) << results[9];
    EXPECT_EQ(results[10]["number"], 2);
    EXPECT_EQ(results[10]["ahead"], 1);
    EXPECT_EQ(results[11]["number"], 1) << results[11];
    EXPECT_EQ(results[11]["called_at"], "2026-12-01T09:00:00.000Z");
    EXPECT_FALSE(results[11].contains("print")) << "a call prints nothing";
    ASSERT_EQ(results[12]["waiting"].size(), 1u) << results[12];
    EXPECT_EQ(results[12]["waiting"][0]["number"], 2);
    EXPECT_EQ(results[12]["waiting"][0]["ahead"], 0);
    EXPECT_EQ(results[12]["last_called"]["number"], 1);
    const std::string ticket = receipt("0005.txt");
    EXPECT_NE(ticket.find("Memberships"), std::string::npos) << ticket;
    EXPECT_NE(ticket.find("Your number"), std::string::npos) << ticket;
    EXPECT_EQ(receipt("0006.txt").find("Memberships"), std::string::npos) << "the second ticket named no service";
    results.erase(results.begin() + 9, results.begin() + 13);
    EXPECT_EQ(results[5]["print"]["printed"], true) << results[5];
    EXPECT_EQ(results[5]["drawer"]["message"], "drawer opened") << results[5];  // a cash sale
    EXPECT_EQ(results[6]["print"]["printed"], true) << results[6];
    EXPECT_EQ(results[7]["print"]["printed"], true) << results[7];
    EXPECT_EQ(results[8]["print"]["printed"], true) << results[8];
    EXPECT_EQ(results[9]["state"], "idle");
    EXPECT_EQ(results[9]["status"], "online, paper ok, drawer open");
    EXPECT_FALSE(results[6].contains("drawer"));  // a copy moves no cash
    ASSERT_EQ(simulator->receipts(), 6);
    const std::string sale = receipt("0001.txt");
    EXPECT_EQ(sale.rfind("Frontdesk Cafe\nVAT id: DE123456789\n", 0), 0u) << sale;
    EXPECT_NE(sale.find("Receipt                          t1-000001\n"), std::string::npos) << sale;
    EXPECT_EQ(receipt("0002.txt"), "*** COPY ***\n" + sale);
    EXPECT_NE(receipt("0003.txt").find("X REPORT"), std::string::npos);
    EXPECT_NE(receipt("0004.txt").find("Robin Example"), std::string::npos);

    // The cover open: the next sale is committed all the same, and the answer says why it did
    // not print. A wait of one second keeps the test short.
    simulator->setFault(PrinterFault::CoverOpen, true);
    const auto second =
        runTill({R"({"action":"login","staff":"c1","pin":"1111"})", R"({"action":"scan","code":"4000000000024"})",
                 R"({"action":"tender","method":"cash","amount":"1.00"})", R"({"action":"complete"})"},
                {"--clock", "2026-12-01T09:05:00Z", "--print-wait", "1"});
    ASSERT_EQ(second.exitCode, 0) << second.output;
    const auto after = resultLines(second.output);
    ASSERT_EQ(after.size(), 4u) << second.output;
    EXPECT_EQ(after[3]["ok"], true);
    EXPECT_EQ(after[3]["receipt"], "t1-000002");
    EXPECT_EQ(after[3]["print"]["printed"], false);
    EXPECT_EQ(after[3]["print"]["message"], "not printed yet: printer cover open: close it");
    EXPECT_EQ(simulator->receipts(), 6);
}

}  // namespace
}  // namespace frontdesk::kiosk::receipts

// The printer view model against the printer simulator: the receipt of a committed cash sale
// prints (the drawer opened first), off the GUI thread, and a reprint comes out marked as a copy.
#include "kiosk/app/printer_view_model.h"

#include <QSignalSpy>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "firmware_config/printer_profile.h"
#include "kiosk/app/sale_view_model.h"
#include "peripherals/printer_simulator.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;
using namespace std::chrono_literals;

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class PrinterViewModelTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir());
        ASSERT_TRUE(loaded.ok()) << loaded.status().toString();
        profiles = std::move(*loaded);
        // The simulator keeps a reference to its profile: the fixture holds the profiles.
        auto sim = peripherals::PrinterSimulator::start(*profiles.find("epson-tm-t88v"), {0, out.string()});
        ASSERT_TRUE(sim.ok()) << sim.status().toString();
        simulator = std::move(*sim);
        auto opened = receipts::TillPrinter::open(
            {"tcp://127.0.0.1:" + std::to_string(simulator->port()), "epson-tm-t88v", "en", 20s}, t.till->settings());
        ASSERT_TRUE(opened.ok()) << opened.status().toString();
        tillPrinter = std::move(*opened);
        t.startShift();
    }
    // Waits (bounded) until every document asked for has been answered.
    void awaitPrinted(PrinterViewModel& printer) {
        QSignalSpy idle(&printer, &PrinterViewModel::idle);
        ASSERT_TRUE(printer.pending() == 0 || idle.wait(30000)) << "the printer did not answer";
    }

    Terminal t;
    firmware_config::PrinterProfiles profiles;
    std::filesystem::path out = std::filesystem::path(t.dir.file("receipts"));
    std::unique_ptr<peripherals::PrinterSimulator> simulator;
    std::unique_ptr<receipts::TillPrinter> tillPrinter;
};

TEST_F(PrinterViewModelTest, ACommittedCashSalesReceiptPrintsAfterTheDrawerAndAReprintIsACopy) {
    TillAccess access(*t.till);
    SaleViewModel sale(access);
    PrinterViewModel printer(access, tillPrinter.get());
    EXPECT_TRUE(printer.available());
    EXPECT_FALSE(printer.canReprint());
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.tenderCash("5.00"));
    ASSERT_TRUE(sale.complete());
    printer.printSale(sale.lastCommitted(), "Cass");
    EXPECT_EQ(printer.state(), "printing");
    EXPECT_TRUE(sale.scan(kBread)) << "the next sale goes on while the receipt prints";
    awaitPrinted(printer);
    EXPECT_EQ(printer.state(), "printed");
    EXPECT_EQ(printer.message(), "Printed");
    EXPECT_TRUE(printer.canReprint());
    ASSERT_EQ(simulator->receipts(), 1);
    const std::string receipt = fileText(out / "0001.txt");
    EXPECT_NE(receipt.find(sale.lastReceipt().toStdString()), std::string::npos) << receipt;
    EXPECT_NE(receipt.find("Cass"), std::string::npos) << receipt;

    ASSERT_TRUE(printer.reprint());
    awaitPrinted(printer);
    ASSERT_EQ(simulator->receipts(), 2);
    EXPECT_EQ(fileText(out / "0002.txt").rfind("*** COPY ***\n", 0), 0u);
}

TEST_F(PrinterViewModelTest, WithoutAPrinterNothingPrintsAndReprintSaysWhy) {
    TillAccess access(*t.till);
    PrinterViewModel printer(access, nullptr);
    EXPECT_FALSE(printer.available());
    EXPECT_FALSE(printer.reprint());
    EXPECT_EQ(printer.message(), "There is no receipt to print again");
    EXPECT_EQ(simulator->receipts(), 0);
}

}  // namespace
}  // namespace frontdesk::kiosk::app

// The USB transport and listUsbPrinters() against scripted USB devices in a umockdev testbed:
// libusb enumerates them from the testbed's sysfs and talks usbfs to FakeUsbDevice's ioctl
// handler (fake_usb_device.h). Runs under umockdev-wrapper (tests/peripherals/CMakeLists.txt).

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "fake_usb_device.h"
#include "peripherals/transport.h"
#include "peripherals/usb_printers.h"

namespace frontdesk::peripherals {
namespace {

using testing::FakeUsbDevice;
using testing::UsbDeviceSpec;
using testing::UsbTestbed;
using namespace std::chrono_literals;

// A USB-serial adapter (FTDI FT232R): vendor-specific interface with bulk endpoints, no printer.
UsbDeviceSpec serialAdapter(int address) {
    UsbDeviceSpec s;
    s.vendorId = 0x0403;
    s.productId = 0x6001;
    s.interfaceClass = s.interfaceSubClass = s.interfaceProtocol = 0xff;
    s.outEndpoint = 0x02;
    s.inEndpoint = 0x81;
    s.manufacturer = "FTDI";
    s.product = "FT232R USB UART";
    s.address = address;
    return s;
}

// An Epson TM-T20 in Epson's vendor-defined USB mode (interface class 255): a printer known
// only by its ids, which a shipped profile (epson-tm-t20.json) carries.
UsbDeviceSpec vendorModeTmT20(int address) {
    UsbDeviceSpec s;
    s.vendorId = 0x04b8;
    s.productId = 0x0e15;
    s.interfaceClass = s.interfaceSubClass = s.interfaceProtocol = 0xff;
    s.manufacturer = "EPSON";
    s.product = "TM-T20";
    s.serial = "UUFF012345";
    s.address = address;
    return s;
}

std::unique_ptr<Transport> transportFor(const std::string& text) {
    auto address = parsePrinterAddress(text);
    EXPECT_TRUE(address.ok()) << address.status().toString();
    auto transport = makeTransport(*address);
    EXPECT_TRUE(transport.ok()) << transport.status().toString();
    return std::move(transport).value();
}

// Calls read() (which is where hotplug events are taken) until `done` holds; false after 20 s,
// a bound for a broken build, not a timing.
bool readUntil(Transport& transport, const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        (void)transport.read(10ms);
        std::this_thread::yield();
    }
    return true;
}

class UsbTransportTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_testbed = std::make_unique<UsbTestbed>();
        // True only once a testbed exists and the preload library shows its /sys.
        ASSERT_TRUE(umockdev_in_mock_environment())
            << "run under umockdev-wrapper (ctest does): libusb must see the testbed, not this machine's USB";
        printer = std::make_unique<FakeUsbDevice>(m_testbed->get(), UsbDeviceSpec::epsonTmT88V(3));
    }
    void TearDown() override {
        if (printer) {
            EXPECT_EQ(printer->unexpected(), std::vector<std::string>());
        }
    }

    std::unique_ptr<FakeUsbDevice> device(UsbDeviceSpec spec) {
        return std::make_unique<FakeUsbDevice>(m_testbed->get(), std::move(spec));
    }

    std::unique_ptr<UsbTestbed> m_testbed;
    std::unique_ptr<FakeUsbDevice> printer;  // the TM-T88V at bus 1 address 3, not yet plugged
};

TEST_F(UsbTransportTest, OpensThePrinterByItsIdsAndClaimsItsInterface) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    ASSERT_TRUE(t->open().ok());
    EXPECT_TRUE(t->isOpen());
    EXPECT_EQ(printer->claimedInterface(), 0);
    EXPECT_TRUE(t->twoWay());
    EXPECT_EQ(t->address(), "usb:04b8:0202");
    t->close();
    EXPECT_FALSE(t->isOpen());
    EXPECT_EQ(printer->claimedInterface(), std::nullopt) << "the interface is released on close";
}

TEST_F(UsbTransportTest, WithoutIdsOpensTheFirstDeviceWithAPrinterClassInterface) {
    // The adapter comes first on the bus and has bulk endpoints too: only its class tells it apart.
    auto adapter = device(serialAdapter(2));
    adapter->plug();
    auto alone = transportFor("usb:");
    const core::Status refused = alone->open();
    EXPECT_EQ(refused.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(refused.message().find("no USB printer found"), std::string::npos) << refused.message();
    EXPECT_EQ(adapter->claimedInterface(), std::nullopt);

    printer->plug();
    auto t = transportFor("usb:");
    ASSERT_TRUE(t->open().ok());
    EXPECT_EQ(printer->claimedInterface(), 0);
    EXPECT_EQ(adapter->claimedInterface(), std::nullopt);
    ASSERT_TRUE(t->write("\x1b@").ok());
    EXPECT_EQ(printer->received(), "\x1b@");
    EXPECT_EQ(adapter->unexpected(), std::vector<std::string>());
}

TEST_F(UsbTransportTest, ListsPrintersByClassAndByProfileWithTheirStrings) {
    auto adapter = device(serialAdapter(2));
    auto tmT20 = device(vendorModeTmT20(4));
    adapter->plug();
    printer->plug();
    tmT20->plug();

    auto listed = listUsbPrinters();
    ASSERT_TRUE(listed.ok()) << listed.status().toString();
    ASSERT_EQ(listed->size(), 2u) << "the serial adapter is neither printer class nor a known model";
    const UsbPrinterInfo& tm88 = (*listed)[0];
    EXPECT_EQ(tm88.vendorId, 0x04b8);
    EXPECT_EQ(tm88.productId, 0x0202);
    EXPECT_EQ(tm88.manufacturer, "EPSON");
    EXPECT_EQ(tm88.product, "TM-T88V");
    EXPECT_EQ(tm88.serial, "J4LG008211");
    EXPECT_EQ(tm88.bus, 1);
    EXPECT_EQ(tm88.address, 3);
    EXPECT_TRUE(tm88.printerClass);
    const UsbPrinterInfo& tm20 = (*listed)[1];
    EXPECT_EQ(tm20.productId, 0x0e15);
    EXPECT_EQ(tm20.product, "TM-T20");
    EXPECT_EQ(tm20.address, 4);
    EXPECT_FALSE(tm20.printerClass) << "known by its ids from epson-tm-t20.json";
}

TEST_F(UsbTransportTest, AVendorClassPrinterIsOpenedByItsIdsOnly) {
    auto tmT20 = device(vendorModeTmT20(4));
    tmT20->plug();
    auto byClass = transportFor("usb:");
    EXPECT_FALSE(byClass->open().ok());

    auto t = transportFor("usb:04b8:0e15");
    ASSERT_TRUE(t->open().ok());
    EXPECT_EQ(tmT20->claimedInterface(), 0);
    ASSERT_TRUE(t->write("\x1b@hello\n").ok());
    EXPECT_EQ(tmT20->received(), "\x1b@hello\n");
}

TEST_F(UsbTransportTest, BytesWrittenArriveOnTheBulkOutEndpointExactly) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    ASSERT_TRUE(t->open().ok());
    // Longer than one transfer, every byte value, NULs and ESC among them.
    std::string job;
    for (int i = 0; i < 10000; ++i) job.push_back(static_cast<char>((i * 7 + i / 256) & 0xff));
    ASSERT_TRUE(t->write(job).ok());
    ASSERT_TRUE(t->write("\x1dV\x01").ok());
    EXPECT_TRUE(printer->received() == job + "\x1dV\x01") << "received " << printer->received().size() << " bytes";
}

TEST_F(UsbTransportTest, TheStatusTheDeviceSendsComesBackThroughRead) {
    printer->plug();
    printer->respondTo("\x10\x04\x01", "\x16");                          // DLE EOT 1: online, drawer pin high
    printer->respondTo(std::string("\x1dr\x01"), std::string(1, '\0'));  // GS r 1: paper fine
    auto t = transportFor("usb:04b8:0202");
    ASSERT_TRUE(t->open().ok());

    ASSERT_TRUE(t->write("\x10\x04\x01").ok());
    auto status = t->read(2s);
    ASSERT_TRUE(status.ok()) << status.status().toString();
    EXPECT_EQ(*status, "\x16");

    ASSERT_TRUE(t->write("\x1dr\x01").ok());
    status = t->read(2s);
    ASSERT_TRUE(status.ok()) << status.status().toString();
    EXPECT_EQ(*status, std::string(1, '\0'));
}

TEST_F(UsbTransportTest, ReadWithNothingPendingIsEmptyAfterTheTimeout) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    ASSERT_TRUE(t->open().ok());

    const auto start = std::chrono::steady_clock::now();
    auto nothing = t->read(100ms);
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(nothing.ok()) << nothing.status().toString();
    EXPECT_EQ(*nothing, "");
    EXPECT_GE(took, 99ms);
    EXPECT_TRUE(t->isOpen());
    EXPECT_EQ(printer->inFlight(), 0) << "the timed-out transfer was cancelled";

    // The cancelled transfer took nothing with it: the next reply is read whole.
    printer->queueReply("\x12");
    auto next = t->read(2s);
    ASSERT_TRUE(next.ok()) << next.status().toString();
    EXPECT_EQ(*next, "\x12");
}

TEST_F(UsbTransportTest, RemovalFailsWriteAndReadAndTellsThePresenceListener) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    std::vector<bool> presence;
    t->onPresence([&](bool present) { presence.push_back(present); });
    ASSERT_TRUE(t->open().ok());
    ASSERT_TRUE(t->write("\x1b@").ok());

    printer->unplug();
    const core::Status written = t->write("lost");
    EXPECT_EQ(written.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(written.message().find("usb:04b8:0202"), std::string::npos) << written.message();
    EXPECT_NE(written.message().find("removed"), std::string::npos) << written.message();
    EXPECT_FALSE(t->isOpen());

    auto read = t->read(10ms);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(read.status().message().find("removed"), std::string::npos) << read.status().message();

    ASSERT_TRUE(readUntil(*t, [&] { return !presence.empty(); })) << "no hotplug removal came";
    EXPECT_EQ(presence, std::vector<bool>{false});
    EXPECT_EQ(printer->received(), "\x1b@");
}

TEST_F(UsbTransportTest, ReadNoticesRemovalWhileOpen) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    std::vector<bool> presence;
    t->onPresence([&](bool present) { presence.push_back(present); });
    ASSERT_TRUE(t->open().ok());

    printer->unplug();
    // Either the transfer fails (ENODEV) or the hotplug removal closes the transport first.
    auto read = t->read(50ms);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(read.status().message().find("removed"), std::string::npos) << read.status().message();
    EXPECT_FALSE(t->isOpen());
    ASSERT_TRUE(readUntil(*t, [&] { return !presence.empty(); }));
    EXPECT_EQ(presence, std::vector<bool>{false});
}

TEST_F(UsbTransportTest, APrinterPluggedInLaterIsReportedAndOpens) {
    auto t = transportFor("usb:04b8:0202");
    std::vector<bool> presence;
    t->onPresence([&](bool present) { presence.push_back(present); });
    const core::Status absent = t->open();
    EXPECT_EQ(absent.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(absent.message().find("no USB printer 04b8:0202 found"), std::string::npos) << absent.message();

    printer->plug();
    ASSERT_TRUE(readUntil(*t, [&] { return !presence.empty(); })) << "no hotplug arrival came";
    EXPECT_EQ(presence, std::vector<bool>{true});
    ASSERT_TRUE(t->open().ok());
    ASSERT_TRUE(t->write("\x1b@").ok());
    EXPECT_EQ(printer->received(), "\x1b@");

    // Pulled out and plugged back in: gone, back, and it prints again.
    printer->unplug();
    ASSERT_TRUE(readUntil(*t, [&] { return presence.size() >= 2; }));
    printer->plug();
    ASSERT_TRUE(readUntil(*t, [&] { return presence.size() >= 3; }));
    EXPECT_EQ(presence, (std::vector<bool>{true, false, true}));
    ASSERT_TRUE(t->open().ok());
    ASSERT_TRUE(t->write("again").ok());
    EXPECT_EQ(printer->received(), "\x1b@again");
}

TEST_F(UsbTransportTest, WrongIdsAreNamedInTheError) {
    printer->plug();
    auto t = transportFor("usb:04b8:0e15");
    const core::Status s = t->open();
    EXPECT_EQ(s.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(s.message().find("no USB printer 04b8:0e15 found"), std::string::npos) << s.message();
    EXPECT_FALSE(t->isOpen());
    EXPECT_EQ(printer->claimedInterface(), std::nullopt);
}

TEST_F(UsbTransportTest, AnInterfaceHeldElsewhereIsReportedBusy) {
    printer->plug();
    printer->setBusy(true);
    auto t = transportFor("usb:04b8:0202");
    const core::Status s = t->open();
    EXPECT_EQ(s.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(s.message().find("interface 0 busy"), std::string::npos) << s.message();
    EXPECT_FALSE(t->isOpen());

    printer->setBusy(false);
    EXPECT_TRUE(t->open().ok()) << "free again, it opens";
}

TEST_F(UsbTransportTest, AStalledBulkOutClosesAndSaysSo) {
    printer->plug();
    auto t = transportFor("usb:04b8:0202");
    ASSERT_TRUE(t->open().ok());
    printer->setStallOut(true);
    const core::Status s = t->write("\x1b@");
    EXPECT_EQ(s.kind(), core::ErrorKind::Unavailable);
    EXPECT_NE(s.message().find("stalled"), std::string::npos) << s.message();
    EXPECT_FALSE(t->isOpen());
    EXPECT_EQ(printer->clearHalts(), 1) << "the halt is cleared for the next open";
    EXPECT_EQ(printer->claimedInterface(), std::nullopt);
}

}  // namespace
}  // namespace frontdesk::peripherals

#pragma once
// A USB device for the tests of the USB transport: umockdev puts it in a testbed's sysfs and
// /dev/bus/usb with its descriptors, so that libusb enumerates it, and answers the usbfs ioctls
// libusb makes on its node (claiming, URBs submitted, reaped and discarded) from this process,
// the way libusb's own tests/umockdev.c does. Bulk OUT bytes are kept for the test to read; bulk
// IN transfers complete with the replies queued, and wait (until libusb discards them on its
// timeout) while there are none. String and device descriptors come back on control transfers.
//
// The test's thread calls the public functions; umockdev calls the ioctl handler on its own
// worker thread; a mutex guards what both touch. Needs the process to run under
// umockdev-wrapper (LD_PRELOAD of libumockdev-preload).

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <umockdev.h>

namespace frontdesk::peripherals::testing {

// A testbed of its own per test: a temporary sysfs and /dev that libusb sees.
class UsbTestbed {
public:
    UsbTestbed();
    ~UsbTestbed();
    UsbTestbed(const UsbTestbed&) = delete;
    UsbTestbed& operator=(const UsbTestbed&) = delete;
    UMockdevTestbed* get() const { return m_testbed; }

private:
    UMockdevTestbed* m_testbed;
};

struct UsbDeviceSpec {
    std::uint16_t vendorId = 0, productId = 0;
    std::uint8_t interfaceClass = 7, interfaceSubClass = 1, interfaceProtocol = 2;
    std::uint8_t outEndpoint = 0x01, inEndpoint = 0x82;  // bulk; inEndpoint 0: none
    std::string manufacturer, product, serial;
    int bus = 1, address = 2;

    // An Epson TM-T88V in the USB printer class, as lsusb shows one: bcdUSB 2.00, full speed,
    // 64-byte packets on EP0 and on bulk OUT 0x01 / bulk IN 0x82, interface 0 of class 7
    // subclass 1 protocol 2 (bidirectional), self-powered, strings EPSON / TM-T88V / a serial.
    static UsbDeviceSpec epsonTmT88V(int address = 2);
};

class FakeUsbDevice {
public:
    FakeUsbDevice(UMockdevTestbed* testbed, UsbDeviceSpec spec);
    ~FakeUsbDevice();
    FakeUsbDevice(const FakeUsbDevice&) = delete;
    FakeUsbDevice& operator=(const FakeUsbDevice&) = delete;

    // Attaches it: sysfs entry and device node, then an "add" uevent.
    void plug();
    // Pulls the cable: every ioctl from now on fails with ENODEV as usbfs does, a "remove"
    // uevent goes out and the sysfs entry and node go.
    void unplug();

    // The device's full descriptors (device, then configuration), as sysfs "descriptors" holds them.
    std::vector<std::uint8_t> descriptors() const;

    std::string received() const;        // every byte of bulk OUT so far
    void queueReply(std::string bytes);  // for bulk IN
    // Once the bytes received end with `request`, `reply` is queued (DLE EOT n -> its status byte).
    void respondTo(std::string request, std::string reply);
    std::optional<int> claimedInterface() const;
    int inFlight() const;                         // bulk IN transfers waiting for data
    int clearHalts() const;                       // CLEAR_HALT requests seen
    std::vector<std::string> unexpected() const;  // ioctls or transfers it did not understand

    void setBusy(bool busy);       // claiming fails with EBUSY (another program has it)
    void setStallOut(bool stall);  // bulk OUT transfers end in a stall (EPIPE)

private:
    struct Urb;
    static int onIoctl(UMockdevIoctlBase* handler, UMockdevIoctlClient* client, void* self);
    bool handle(UMockdevIoctlClient* client);
    void submit(UMockdevIoctlClient* client);
    void reap(UMockdevIoctlClient* client);
    void discard(UMockdevIoctlClient* client);
    void control(Urb& urb, const std::uint8_t* setup, UMockdevIoctlData* buffer);
    std::string stringDescriptor(int index) const;
    std::string syspath() const;
    std::string devnode() const;

    // Constant after construction.
    UMockdevTestbed* const m_testbed;
    const UsbDeviceSpec m_spec;
    UMockdevIoctlBase* const m_handler;

    mutable std::mutex m_mutex;  // guards all below
    bool m_gone = false, m_busy = false, m_stallOut = false;
    std::string m_received;
    std::string m_replies;
    std::vector<std::pair<std::string, std::string>> m_responses;
    std::optional<int> m_claimed;
    int m_clearHalts = 0;
    std::vector<std::string> m_unexpected;
    std::deque<std::unique_ptr<Urb>> m_done;       // complete, to be reaped in order
    std::deque<std::unique_ptr<Urb>> m_waitingIn;  // bulk IN with no data yet
};

}  // namespace frontdesk::peripherals::testing

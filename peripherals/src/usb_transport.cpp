// USB receipt printers through libusb (usb:VID:PID, usb:), and the list of those attached
// (usb_printers.h). The printer's interface is claimed from the kernel's usblp driver, which gets
// it back when the transport lets go; ESC/POS goes out on the interface's bulk OUT endpoint and
// the printer's answers (DLE EOT, GS r, Automatic Status Back) come in on its bulk IN endpoint.
//
// libusb stays inside this file: its return codes become core::Status here, and every handle is
// owned by a unique_ptr with its deleter.

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include <libusb.h>

#include "fd_transport.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/usb_printers.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

struct ContextDeleter {
    void operator()(libusb_context* c) const { libusb_exit(c); }
};
using Context = std::unique_ptr<libusb_context, ContextDeleter>;

struct DeviceDeleter {
    void operator()(libusb_device* d) const { libusb_unref_device(d); }
};
using DeviceRef = std::unique_ptr<libusb_device, DeviceDeleter>;

struct HandleDeleter {
    void operator()(libusb_device_handle* h) const { libusb_close(h); }
};
using Handle = std::unique_ptr<libusb_device_handle, HandleDeleter>;

struct ConfigDeleter {
    void operator()(libusb_config_descriptor* c) const { libusb_free_config_descriptor(c); }
};
using Config = std::unique_ptr<libusb_config_descriptor, ConfigDeleter>;

// libusb_get_device_list()'s array, each device referenced while the list lives.
class DeviceList {
public:
    explicit DeviceList(libusb_context* context) {
        const ssize_t n = libusb_get_device_list(context, &m_devices);
        m_count = n < 0 ? 0 : static_cast<std::size_t>(n);
        m_error = n < 0 ? static_cast<int>(n) : 0;
    }
    ~DeviceList() {
        if (m_devices) libusb_free_device_list(m_devices, 1);
    }
    DeviceList(const DeviceList&) = delete;
    DeviceList& operator=(const DeviceList&) = delete;

    int error() const { return m_error; }
    libusb_device* const* begin() const { return m_devices; }
    libusb_device* const* end() const { return m_devices + m_count; }

private:
    libusb_device** m_devices = nullptr;
    std::size_t m_count = 0;
    int m_error = 0;
};

core::ErrorKind kindFor(int rc) {
    switch (rc) {
        case LIBUSB_ERROR_IO:
        case LIBUSB_ERROR_ACCESS:
        case LIBUSB_ERROR_NO_DEVICE:
        case LIBUSB_ERROR_NOT_FOUND:
        case LIBUSB_ERROR_BUSY:
        case LIBUSB_ERROR_TIMEOUT:
        case LIBUSB_ERROR_PIPE:
        case LIBUSB_ERROR_OVERFLOW:
        case LIBUSB_ERROR_INTERRUPTED:
            return core::ErrorKind::Unavailable;
        default:
            return core::ErrorKind::Internal;  // invalid parameter, no memory, not supported, other
    }
}

std::string reasonFor(int rc) {
    switch (rc) {
        case LIBUSB_ERROR_NO_DEVICE:
            return "removed";
        case LIBUSB_ERROR_BUSY:
            return "busy";
        case LIBUSB_ERROR_PIPE:
            return "stalled";
        default:
            return libusb_strerror(rc);
    }
}

std::string hex4(std::uint16_t id) {
    char text[5];
    std::snprintf(text, sizeof text, "%04x", static_cast<unsigned>(id));
    return text;
}

std::string ids(std::uint16_t vendor, std::uint16_t product) {
    return hex4(vendor) + ":" + hex4(product);
}

// Cached by libusb at enumeration (the call always succeeds since libusb 1.0.16); zeros otherwise.
libusb_device_descriptor descriptorOf(libusb_device* device) {
    libusb_device_descriptor d{};
    if (libusb_get_device_descriptor(device, &d) != 0) d = {};
    return d;
}

// Which interface to print through, and its endpoints.
struct PrinterInterface {
    int number = 0;
    unsigned char out = 0;  // bulk OUT endpoint address
    unsigned char in = 0;   // bulk IN endpoint address; 0: the printer cannot answer
};

// The active configuration, or the first when the device is not configured (libusb then reports
// NOT_FOUND for the active one; the kernel configures printers on arrival, so rarely).
Config configOf(libusb_device* device) {
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != 0) {
        config = nullptr;
        if (libusb_get_config_descriptor(device, 0, &config) != 0) config = nullptr;
    }
    return Config(config);
}

// A printer-class interface (7) with a bulk OUT endpoint; with `anyClass`, failing that, the first
// interface with a bulk OUT endpoint: receipt printers in a vendor-defined USB mode present class
// 255, and an address with ids names the device anyway. Only the first alternate setting of each
// interface is looked at: receipt printers have one, and switching settings would need a
// SET_INTERFACE request that usblp, not we, is meant to make.
std::optional<PrinterInterface> printerInterface(const libusb_config_descriptor& config, bool anyClass) {
    std::optional<PrinterInterface> fallback;
    for (int i = 0; i < config.bNumInterfaces; ++i) {
        const libusb_interface& interface = config.interface[i];
        if (interface.num_altsetting < 1) continue;
        const libusb_interface_descriptor& setting = interface.altsetting[0];
        PrinterInterface found{setting.bInterfaceNumber, 0, 0};
        for (int e = 0; e < setting.bNumEndpoints; ++e) {
            const libusb_endpoint_descriptor& endpoint = setting.endpoint[e];
            if ((endpoint.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
            const bool in = (endpoint.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
            unsigned char& slot = in ? found.in : found.out;
            if (slot == 0) slot = endpoint.bEndpointAddress;
        }
        if (found.out == 0) continue;
        if (setting.bInterfaceClass == LIBUSB_CLASS_PRINTER) return found;
        if (anyClass && !fallback) fallback = found;
    }
    return fallback;
}

std::optional<PrinterInterface> printerInterface(libusb_device* device, bool anyClass) {
    const Config config = configOf(device);
    if (!config) return std::nullopt;
    return printerInterface(*config, anyClass);
}

// A string descriptor as ASCII; empty when the device has none.
std::string stringOf(libusb_device_handle* handle, std::uint8_t index) {
    if (index == 0) return {};
    unsigned char text[256];
    const int n = libusb_get_string_descriptor_ascii(handle, index, text, sizeof text);
    return n > 0 ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n)) : std::string();
}

// One printer, through one libusb context of its own (so that two printers, or the printer and
// listUsbPrinters(), never share libusb's state). The thread that calls the transport also runs
// libusb's event handling: hotplug callbacks come from inside libusb calls on that thread, only
// note what happened, and read() tells the presence listener.
class UsbTransport final : public Transport {
public:
    explicit UsbTransport(PrinterAddress address) : m_address(std::move(address)) {}
    ~UsbTransport() override {
        close();
        if (m_hotplug) libusb_hotplug_deregister_callback(m_context.get(), *m_hotplug);
    }
    UsbTransport(const UsbTransport&) = delete;
    UsbTransport& operator=(const UsbTransport&) = delete;

    core::Status open() override {
        close();
        m_removed = false;
        FD_TRY(ensureContext());
        DeviceRef device;
        std::optional<PrinterInterface> interface;
        {
            const DeviceList devices(m_context.get());
            if (devices.error() != 0) return failed("listing USB devices", devices.error());
            for (libusb_device* candidate : devices) {
                if (!matchesIds(candidate)) continue;
                interface = printerInterface(candidate, hasIds());
                if (interface) {
                    device.reset(libusb_ref_device(candidate));
                    break;
                }
            }
        }
        if (!device) {
            return unavailable(hasIds() ? "no USB printer " + ids(*m_address.vendorId, *m_address.productId) + " found"
                                        : "no USB printer found (no device has an interface of the printer class)");
        }
        const int bus = libusb_get_bus_number(device.get());
        const int address = libusb_get_device_address(device.get());
        m_device = std::move(device);

        libusb_device_handle* raw = nullptr;
        if (const int rc = libusb_open(m_device.get(), &raw); rc != 0) {
            if (rc == LIBUSB_ERROR_ACCESS) {
                const libusb_device_descriptor d = descriptorOf(m_device.get());
                char node[32];
                std::snprintf(node, sizeof node, "/dev/bus/usb/%03d/%03d", bus, address);
                return unavailable(std::string("permission denied on ") + node +
                                   ": give the till's user access with a udev rule (SUBSYSTEM==\"usb\", "
                                   "ATTRS{idVendor}==\"" +
                                   hex4(d.idVendor) + "\", ATTRS{idProduct}==\"" + hex4(d.idProduct) +
                                   "\", MODE=\"0660\", GROUP=\"lp\")");
            }
            return failed("opening the device", rc);
        }
        Handle handle(raw);
        // usblp binds to printer-class interfaces; libusb detaches it on claim and rebinds it on
        // release. Platforms without kernel drivers to detach say NOT_SUPPORTED, which is fine.
        if (const int rc = libusb_set_auto_detach_kernel_driver(handle.get(), 1);
            rc != 0 && rc != LIBUSB_ERROR_NOT_SUPPORTED) {
            return failed("detaching the kernel driver", rc);
        }
        if (const int rc = libusb_claim_interface(handle.get(), interface->number); rc != 0) {
            if (rc == LIBUSB_ERROR_BUSY) {
                return unavailable("interface " + std::to_string(interface->number) +
                                   " busy: another program holds the printer (a CUPS usb queue, another till)");
            }
            return failed("claiming interface " + std::to_string(interface->number), rc);
        }
        m_handle = std::move(handle);
        m_interface = *interface;
        return core::Status::okStatus();
    }

    void close() override {
        if (!m_handle) return;
        // Fails when the device is gone; the handle is closed all the same.
        (void)libusb_release_interface(m_handle.get(), m_interface.number);
        m_handle.reset();
    }

    bool isOpen() const override { return m_handle != nullptr; }

    core::Status write(std::string_view bytes) override {
        if (!isOpen()) return unavailable(m_removed ? "removed" : "not connected");
        std::size_t at = 0;
        while (at < bytes.size()) {
            // Chunks keep one transfer's timeout meaningful: a printer that stops taking data
            // (cover open, its buffer full) is noticed within kStalledWrite, not after the job.
            const std::size_t length = std::min(kWriteChunk, bytes.size() - at);
            // libusb takes a non-const buffer for either direction; it does not write to an OUT one.
            auto* data = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data() + at));
            int sent = 0;
            const int rc = libusb_bulk_transfer(m_handle.get(), m_interface.out, data, static_cast<int>(length), &sent,
                                                static_cast<unsigned>(kStalledWrite.count()));
            at += static_cast<std::size_t>(std::max(sent, 0));
            if (rc == 0 || (rc == LIBUSB_ERROR_TIMEOUT && sent > 0)) continue;
            if (rc == LIBUSB_ERROR_TIMEOUT) {
                return dropped("took no data for " + std::to_string(kStalledWrite.count() / 1000) + " s");
            }
            if (rc == LIBUSB_ERROR_PIPE) (void)libusb_clear_halt(m_handle.get(), m_interface.out);
            return failed("writing", rc);
        }
        return core::Status::okStatus();
    }

    core::Result<std::string> read(std::chrono::milliseconds timeout) override {
        if (m_context) {
            // Hotplug notifications wait in libusb until events are handled; take them now.
            timeval zero{};
            (void)libusb_handle_events_timeout_completed(m_context.get(), &zero, nullptr);
        }
        tellPresence();
        if (!isOpen()) return unavailable(m_removed ? "removed" : "not connected");
        if (m_interface.in == 0) return std::string();
        unsigned char buffer[512];
        int got = 0;
        // libusb reads a timeout of 0 as "wait for ever".
        const auto ms = static_cast<unsigned>(std::max<std::chrono::milliseconds::rep>(timeout.count(), 1));
        const int rc = libusb_bulk_transfer(m_handle.get(), m_interface.in, buffer, sizeof buffer, &got, ms);
        tellPresence();
        if (rc == 0 || rc == LIBUSB_ERROR_TIMEOUT) {
            return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(std::max(got, 0)));
        }
        if (rc == LIBUSB_ERROR_PIPE && isOpen()) (void)libusb_clear_halt(m_handle.get(), m_interface.in);
        return failed("reading", rc);
    }

    // Known once the printer was opened: false before.
    bool twoWay() const override { return m_interface.in != 0; }

    void onPresence(std::function<void(bool present)> listener) override { m_listener = std::move(listener); }

    std::string address() const override { return m_address.text; }

private:
    static constexpr std::size_t kWriteChunk = 4096;

    bool hasIds() const { return m_address.vendorId && m_address.productId; }
    bool matchesIds(libusb_device* device) const {
        if (!hasIds()) return true;
        const libusb_device_descriptor d = descriptorOf(device);
        return d.idVendor == *m_address.vendorId && d.idProduct == *m_address.productId;
    }
    // The descriptors of a device that left are still cached in its libusb_device.
    bool matches(libusb_device* device) const {
        return matchesIds(device) && printerInterface(device, hasIds()).has_value();
    }

    std::string describe(std::string_view reason) const {
        const std::string where = hasIds() ? m_address.text : "usb: (the first printer-class device)";
        return "printer at " + where + ": " + std::string(reason);
    }
    core::Status unavailable(std::string_view reason) const { return {core::ErrorKind::Unavailable, describe(reason)}; }
    core::Status dropped(std::string_view reason) {
        close();
        return unavailable(reason);
    }
    // Closes; the libusb code says the kind and the reason.
    core::Status failed(std::string_view step, int rc) {
        close();
        if (rc == LIBUSB_ERROR_NO_DEVICE) m_removed = true;
        return {kindFor(rc), describe(std::string(step) + ": " + reasonFor(rc))};
    }

    core::Status ensureContext() {
        if (m_context) return core::Status::okStatus();
        libusb_context* raw = nullptr;
        if (const int rc = libusb_init(&raw); rc != 0) return unavailable("USB unavailable: " + reasonFor(rc));
        m_context.reset(raw);
        // Without hotplug (no udev, some containers) arrival goes unnoticed and removal shows
        // only as the errors of write() and read().
        if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0) {
            libusb_hotplug_callback_handle handle = 0;
            const int rc = libusb_hotplug_register_callback(
                m_context.get(),
                static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                                  LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
                static_cast<libusb_hotplug_flag>(0),
                m_address.vendorId ? *m_address.vendorId : LIBUSB_HOTPLUG_MATCH_ANY,
                m_address.productId ? *m_address.productId : LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
                &UsbTransport::hotplugCallback, this, &handle);
            if (rc == 0) m_hotplug = handle;
        }
        return core::Status::okStatus();
    }

    static int LIBUSB_CALL hotplugCallback(libusb_context*, libusb_device* device, libusb_hotplug_event event,
                                           void* self) {
        static_cast<UsbTransport*>(self)->noteHotplug(device, event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED);
        return 0;  // stay registered
    }

    // Called inside libusb: only notes. Another printer with the same ids leaving is not ours.
    void noteHotplug(libusb_device* device, bool arrived) {
        const bool ours = (arrived || !m_device) ? matches(device) : device == m_device.get();
        if (ours) m_presence.push_back(arrived);
    }

    void tellPresence() {
        for (const bool present : std::exchange(m_presence, {})) {
            if (!present && isOpen()) {
                close();
                m_removed = true;
            }
            if (m_listener) m_listener(present);
        }
    }

    // Constant after construction.
    const PrinterAddress m_address;

    // Used only by the thread that calls the transport (transport.h). Declared so that the
    // handle is closed before its device is unreferenced and the context exited.
    Context m_context;  // made by the first open()
    std::optional<libusb_hotplug_callback_handle> m_hotplug;
    DeviceRef m_device;  // the device last opened: whose removal concerns us
    Handle m_handle;     // open, with m_interface claimed
    PrinterInterface m_interface;
    bool m_removed = false;        // the device left (hotplug or NO_DEVICE) since the last open()
    std::vector<bool> m_presence;  // hotplug events noted inside libusb, for tellPresence()
    std::function<void(bool)> m_listener;
};

}  // namespace

std::unique_ptr<Transport> makeUsbTransport(const PrinterAddress& address) {
    return std::make_unique<UsbTransport>(address);
}

core::Result<std::vector<UsbPrinterInfo>> listUsbPrinters() {
    auto profiles = firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir());
    if (!profiles.ok()) return profiles.status().withContext("listing USB printers");
    const auto knownModel = [&](std::uint16_t vendor, std::uint16_t product) {
        return std::any_of(profiles->profiles.begin(), profiles->profiles.end(),
                           [&](const auto& p) { return p.usbVendorId == vendor && p.usbProductId == product; });
    };

    libusb_context* raw = nullptr;
    if (const int rc = libusb_init(&raw); rc != 0) {
        return core::Status(core::ErrorKind::Unavailable, "listing USB printers: " + reasonFor(rc));
    }
    const Context context(raw);
    const DeviceList devices(context.get());
    if (devices.error() != 0) {
        return core::Status(core::ErrorKind::Unavailable, "listing USB printers: " + reasonFor(devices.error()));
    }
    std::vector<UsbPrinterInfo> found;
    for (libusb_device* device : devices) {
        const libusb_device_descriptor d = descriptorOf(device);
        UsbPrinterInfo info;
        info.vendorId = d.idVendor;
        info.productId = d.idProduct;
        info.printerClass = printerInterface(device, false).has_value();
        if (!info.printerClass && !knownModel(d.idVendor, d.idProduct)) continue;
        info.bus = libusb_get_bus_number(device);
        info.address = libusb_get_device_address(device);
        // Reading strings takes a control transfer, so an open handle; a device we may not open
        // is listed without them (open() says what permission it needs).
        libusb_device_handle* handle = nullptr;
        if (libusb_open(device, &handle) == 0) {
            const Handle owned(handle);
            info.manufacturer = stringOf(handle, d.iManufacturer);
            info.product = stringOf(handle, d.iProduct);
            info.serial = stringOf(handle, d.iSerialNumber);
        }
        found.push_back(std::move(info));
    }
    std::sort(found.begin(), found.end(), [](const UsbPrinterInfo& a, const UsbPrinterInfo& b) {
        return std::tie(a.bus, a.address) < std::tie(b.bus, b.address);
    });
    return found;
}

}  // namespace frontdesk::peripherals

#include "fake_usb_device.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

namespace frontdesk::peripherals::testing {

namespace {

std::uint8_t lo(unsigned v) {
    return static_cast<std::uint8_t>(v & 0xff);
}
std::uint8_t hi(unsigned v) {
    return static_cast<std::uint8_t>((v >> 8) & 0xff);
}

std::string hexOf(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    char two[3];
    for (const std::uint8_t b : bytes) {
        std::snprintf(two, sizeof two, "%02x", b);
        out += two;
    }
    return out;
}

// The USB speed in sysfs: a full-speed device says 12 (Mbit/s).
constexpr const char* kFullSpeed = "12";

}  // namespace

UsbTestbed::UsbTestbed() : m_testbed(umockdev_testbed_new()) {}
UsbTestbed::~UsbTestbed() {
    g_object_unref(m_testbed);
}

UsbDeviceSpec UsbDeviceSpec::epsonTmT88V(int address) {
    UsbDeviceSpec s;
    s.vendorId = 0x04b8;
    s.productId = 0x0202;
    s.manufacturer = "EPSON";
    s.product = "TM-T88V";
    s.serial = "J4LG008211";
    s.address = address;
    return s;
}

// One URB the client submitted: its struct usbdevfs_urb, resolved into this process by umockdev
// (a reference held until it is reaped), and how it is to complete.
struct FakeUsbDevice::Urb {
    UMockdevIoctlData* data = nullptr;
    int status = 0;
    int actualLength = 0;
    std::string in;  // bytes for the client's buffer (at offset 8 for control transfers)
    std::size_t inOffset = 0;

    ~Urb() {
        if (data) g_object_unref(data);
    }
    usbdevfs_urb* urb() const { return reinterpret_cast<usbdevfs_urb*>(data->data); }
};

FakeUsbDevice::FakeUsbDevice(UMockdevTestbed* testbed, UsbDeviceSpec spec)
    : m_testbed(testbed), m_spec(std::move(spec)), m_handler(umockdev_ioctl_base_new()) {
    g_signal_connect(m_handler, "handle-ioctl", G_CALLBACK(&FakeUsbDevice::onIoctl), this);
    GError* error = nullptr;
    if (!umockdev_testbed_attach_ioctl(m_testbed, devnode().c_str(), m_handler, &error)) {
        const std::string message = error ? error->message : "unknown error";
        g_clear_error(&error);
        throw std::runtime_error("attaching the ioctl handler to " + devnode() + ": " + message);
    }
}

FakeUsbDevice::~FakeUsbDevice() {
    GError* error = nullptr;
    umockdev_testbed_detach_ioctl(m_testbed, devnode().c_str(), &error);
    g_clear_error(&error);
    g_object_unref(m_handler);
}

std::string FakeUsbDevice::syspath() const {
    return "/sys/devices/pci0000:00/0000:00:14.0/usb" + std::to_string(m_spec.bus) + "/" + std::to_string(m_spec.bus) +
           "-" + std::to_string(m_spec.address);
}

std::string FakeUsbDevice::devnode() const {
    char node[32];
    std::snprintf(node, sizeof node, "/dev/bus/usb/%03d/%03d", m_spec.bus, m_spec.address);
    return node;
}

std::vector<std::uint8_t> FakeUsbDevice::descriptors() const {
    const UsbDeviceSpec& s = m_spec;
    const std::uint8_t endpoints = s.inEndpoint ? 2 : 1;
    const unsigned total = 9 + 9 + 7u * endpoints;
    // clang-format off
    std::vector<std::uint8_t> d = {
        // device: USB 2.00, class at interface level, EP0 64 bytes, ids, bcdDevice 1.00,
        // strings 1 2 3, one configuration
        18, 1, 0x00, 0x02, 0, 0, 0, 64,
        lo(s.vendorId), hi(s.vendorId), lo(s.productId), hi(s.productId), 0x00, 0x01,
        1, 2, 3, 1,
        // configuration 1: one interface, self-powered, 2 mA from the bus
        9, 2, lo(total), hi(total), 1, 1, 0, 0xc0, 1,
        // interface 0, alternate setting 0
        9, 4, 0, 0, endpoints, s.interfaceClass, s.interfaceSubClass, s.interfaceProtocol, 0,
        // bulk OUT, 64-byte packets
        7, 5, s.outEndpoint, 2, 64, 0, 0,
    };
    if (s.inEndpoint) {
        // bulk IN, 64-byte packets
        for (const std::uint8_t b : std::initializer_list<std::uint8_t>{7, 5, s.inEndpoint, 2, 64, 0, 0}) d.push_back(b);
    }
    // clang-format on
    return d;
}

void FakeUsbDevice::plug() {
    {
        std::lock_guard lock(m_mutex);
        m_gone = false;
        m_claimed.reset();
    }
    char text[16];
    const auto printed = [&](const char* format, unsigned value) {
        std::snprintf(text, sizeof text, format, value);
        return std::string(text);
    };
    const std::string bus = printed("%03u", static_cast<unsigned>(m_spec.bus));
    const std::string dev = printed("%03u", static_cast<unsigned>(m_spec.address));

    // umockdev's record format: P the sysfs path (without /sys), N the node under /dev, E udev
    // properties, A sysfs attributes ("\n" ends a value as the kernel's do), H a binary one in hex.
    std::string record = "P: " + syspath().substr(4) + "\n";
    const auto line = [&](const char* type, const std::string& key, const std::string& value) {
        record += std::string(type) + ": " + key + "=" + value + (std::string(type) == "A" ? "\\n\n" : "\n");
    };
    record += "N: bus/usb/" + bus + "/" + dev + "\n";
    line("E", "SUBSYSTEM", "usb");
    line("E", "DEVTYPE", "usb_device");
    line("E", "DRIVER", "usb");
    line("E", "BUSNUM", bus);
    line("E", "DEVNUM", dev);
    line("E", "DEVNAME", devnode());
    line("A", "busnum", std::to_string(m_spec.bus));
    line("A", "devnum", std::to_string(m_spec.address));
    line("A", "idVendor", printed("%04x", m_spec.vendorId));
    line("A", "idProduct", printed("%04x", m_spec.productId));
    line("A", "bConfigurationValue", "1");
    line("A", "bNumConfigurations", "1");
    line("A", "speed", kFullSpeed);
    if (!m_spec.manufacturer.empty()) line("A", "manufacturer", m_spec.manufacturer);
    if (!m_spec.product.empty()) line("A", "product", m_spec.product);
    if (!m_spec.serial.empty()) line("A", "serial", m_spec.serial);
    line("H", "descriptors", hexOf(descriptors()));
    GError* error = nullptr;
    if (!umockdev_testbed_add_from_string(m_testbed, record.c_str(), &error)) {
        const std::string message = error ? error->message : "unknown error";
        g_clear_error(&error);
        throw std::runtime_error("adding " + syspath() + " to the testbed: " + message);
    }
}

void FakeUsbDevice::unplug() {
    {
        std::lock_guard lock(m_mutex);
        m_gone = true;
        m_claimed.reset();
    }
    // umockdev 0.17 removes the entry without telling udev listeners (0.18.4 and later also send
    // "remove" from remove_device; libusb ignores the second one, the device being gone).
    umockdev_testbed_uevent(m_testbed, syspath().c_str(), "remove");
    umockdev_testbed_remove_device(m_testbed, syspath().c_str());
}

std::string FakeUsbDevice::received() const {
    std::lock_guard lock(m_mutex);
    return m_received;
}

void FakeUsbDevice::queueReply(std::string bytes) {
    std::lock_guard lock(m_mutex);
    m_replies += bytes;
}

void FakeUsbDevice::respondTo(std::string request, std::string reply) {
    std::lock_guard lock(m_mutex);
    m_responses.emplace_back(std::move(request), std::move(reply));
}

std::optional<int> FakeUsbDevice::claimedInterface() const {
    std::lock_guard lock(m_mutex);
    return m_claimed;
}

int FakeUsbDevice::inFlight() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_waitingIn.size());
}

int FakeUsbDevice::clearHalts() const {
    std::lock_guard lock(m_mutex);
    return m_clearHalts;
}

std::vector<std::string> FakeUsbDevice::unexpected() const {
    std::lock_guard lock(m_mutex);
    return m_unexpected;
}

void FakeUsbDevice::setBusy(bool busy) {
    std::lock_guard lock(m_mutex);
    m_busy = busy;
}

void FakeUsbDevice::setStallOut(bool stall) {
    std::lock_guard lock(m_mutex);
    m_stallOut = stall;
}

int FakeUsbDevice::onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, void* self) {
    return static_cast<FakeUsbDevice*>(self)->handle(client) ? TRUE : FALSE;
}

// What usbfs answers, for the requests libusb 1.0.26 makes on Linux. Each path completes the
// client's ioctl exactly once.
bool FakeUsbDevice::handle(UMockdevIoctlClient* client) {
    std::lock_guard lock(m_mutex);
    const unsigned long request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    const auto fail = [&](int error) { umockdev_ioctl_client_complete(client, -1, error); };
    const auto ok = [&] { umockdev_ioctl_client_complete(client, 0, 0); };

    switch (request) {
        case USBDEVFS_GET_CAPABILITIES: {
            UMockdevIoctlData* caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(std::uint32_t), nullptr);
            // One URB per transfer whatever its length, as current kernels allow.
            *reinterpret_cast<std::uint32_t*>(caps->data) =
                USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
            g_object_unref(caps);
            ok();
            return true;
        }
        case USBDEVFS_SUBMITURB:
            submit(client);
            return true;
        case USBDEVFS_REAPURB:
        case USBDEVFS_REAPURBNDELAY:
            reap(client);
            return true;
        case USBDEVFS_DISCARDURB:
            discard(client);
            return true;
        case USBDEVFS_CLAIMINTERFACE:
        case USBDEVFS_DISCONNECT_CLAIM: {
            if (m_gone) return fail(ENODEV), true;
            if (m_busy) return fail(EBUSY), true;
            // Both begin with the interface number (unsigned int).
            UMockdevIoctlData* number = umockdev_ioctl_data_resolve(arg, 0, sizeof(unsigned), nullptr);
            m_claimed = static_cast<int>(*reinterpret_cast<unsigned*>(number->data));
            g_object_unref(number);
            ok();
            return true;
        }
        case USBDEVFS_RELEASEINTERFACE:
            if (m_gone) return fail(ENODEV), true;
            m_claimed.reset();
            ok();
            return true;
        case USBDEVFS_GETDRIVER:  // no kernel driver bound (usblp is not loaded here)
        case USBDEVFS_IOCTL:      // so none to detach or to bind again
            fail(m_gone ? ENODEV : ENODATA);
            return true;
        case USBDEVFS_CLEAR_HALT:
            if (m_gone) return fail(ENODEV), true;
            ++m_clearHalts;
            ok();
            return true;
        default: {
            char text[64];
            std::snprintf(text, sizeof text, "ioctl 0x%lx", request);
            m_unexpected.emplace_back(text);
            fail(ENOTTY);
            return true;
        }
    }
}

void FakeUsbDevice::submit(UMockdevIoctlClient* client) {
    if (m_gone) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return;
    }
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    auto urb = std::make_unique<Urb>();
    urb->data = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
    usbdevfs_urb* u = urb->urb();
    UMockdevIoctlData* buffer = u->buffer_length > 0
                                    ? umockdev_ioctl_data_resolve(urb->data, offsetof(usbdevfs_urb, buffer),
                                                                  static_cast<std::size_t>(u->buffer_length), nullptr)
                                    : nullptr;
    const auto* bytes = buffer ? buffer->data : nullptr;

    if (u->type == USBDEVFS_URB_TYPE_CONTROL && u->buffer_length >= 8) {
        control(*urb, bytes, buffer);
        m_done.push_back(std::move(urb));
    } else if (u->type == USBDEVFS_URB_TYPE_BULK && u->endpoint == m_spec.outEndpoint) {
        if (m_stallOut) {
            urb->status = -EPIPE;
        } else {
            m_received.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(u->buffer_length));
            urb->actualLength = u->buffer_length;
            for (const auto& [request, reply] : m_responses) {
                if (m_received.size() >= request.size() &&
                    m_received.compare(m_received.size() - request.size(), request.size(), request) == 0) {
                    m_replies += reply;
                }
            }
        }
        m_done.push_back(std::move(urb));
    } else if (u->type == USBDEVFS_URB_TYPE_BULK && m_spec.inEndpoint != 0 && u->endpoint == m_spec.inEndpoint) {
        m_waitingIn.push_back(std::move(urb));
    } else {
        char text[64];
        std::snprintf(text, sizeof text, "URB type %d endpoint 0x%02x", u->type, u->endpoint);
        m_unexpected.emplace_back(text);
        if (buffer) g_object_unref(buffer);
        umockdev_ioctl_client_complete(client, -1, ENOENT);  // usbfs: no such endpoint
        return;
    }
    if (buffer) g_object_unref(buffer);
    umockdev_ioctl_client_complete(client, 0, 0);
}

// GET_DESCRIPTOR on EP0: device, configuration and string descriptors. Anything else stalls, as
// devices do with requests they do not support.
void FakeUsbDevice::control(Urb& urb, const std::uint8_t* setup, UMockdevIoctlData*) {
    const unsigned requestType = setup[0], request = setup[1];
    const unsigned value = setup[2] | (setup[3] << 8u);
    const unsigned length = setup[6] | (setup[7] << 8u);
    std::string answer;
    bool known = requestType == 0x80 && request == 6;  // standard, device-to-host, GET_DESCRIPTOR
    if (known) {
        const std::vector<std::uint8_t> all = descriptors();
        switch (value >> 8) {
            case 1:
                answer.assign(all.begin(), all.begin() + 18);
                break;
            case 2:
                answer.assign(all.begin() + 18, all.end());
                break;
            case 3:
                answer = stringDescriptor(static_cast<int>(value & 0xff));
                break;
            default:
                known = false;
        }
        if (answer.empty()) known = false;
    }
    if (!known) {
        urb.status = -EPIPE;
        return;
    }
    answer.resize(std::min<std::size_t>(answer.size(), length));
    urb.in = answer;
    urb.inOffset = 8;
    urb.actualLength = static_cast<int>(answer.size());
}

std::string FakeUsbDevice::stringDescriptor(int index) const {
    if (index == 0) return std::string("\x04\x03\x09\x04", 4);  // one language: 0x0409, US English
    const std::string* text = index == 1   ? &m_spec.manufacturer
                              : index == 2 ? &m_spec.product
                              : index == 3 ? &m_spec.serial
                                           : nullptr;
    if (!text || text->empty()) return {};
    std::string d;
    d.push_back(static_cast<char>(2 + 2 * text->size()));
    d.push_back(3);
    for (const char c : *text) {  // UTF-16LE; the strings here are ASCII
        d.push_back(c);
        d.push_back('\0');
    }
    return d;
}

void FakeUsbDevice::reap(UMockdevIoctlClient* client) {
    std::unique_ptr<Urb> urb;
    if (!m_done.empty()) {
        urb = std::move(m_done.front());
        m_done.pop_front();
    } else if (!m_waitingIn.empty() && (m_gone || !m_replies.empty())) {
        urb = std::move(m_waitingIn.front());
        m_waitingIn.pop_front();
        if (m_gone) {
            urb->status = -ESHUTDOWN;  // what the host controller gives back on disconnect
        } else {
            const std::size_t n =
                std::min<std::size_t>(m_replies.size(), static_cast<std::size_t>(urb->urb()->buffer_length));
            urb->in = m_replies.substr(0, n);
            m_replies.erase(0, n);
            urb->actualLength = static_cast<int>(n);
        }
    } else {
        umockdev_ioctl_client_complete(client, -1, m_gone ? ENODEV : EAGAIN);
        return;
    }

    usbdevfs_urb* u = urb->urb();
    if (!urb->in.empty()) {
        UMockdevIoctlData* buffer = umockdev_ioctl_data_resolve(urb->data, offsetof(usbdevfs_urb, buffer),
                                                                static_cast<std::size_t>(u->buffer_length), nullptr);
        std::memcpy(buffer->data + urb->inOffset, urb->in.data(), urb->in.size());
        g_object_unref(buffer);
    }
    u->status = urb->status;
    u->actual_length = urb->actualLength;
    // The client passed where to store the URB's address: point it at this URB, whose struct and
    // buffer umockdev writes back into the client's memory on completion.
    UMockdevIoctlData* where =
        umockdev_ioctl_data_resolve(umockdev_ioctl_client_get_arg(client), 0, sizeof(void*), nullptr);
    umockdev_ioctl_data_set_ptr(where, 0, urb->data);
    g_object_unref(where);
    umockdev_ioctl_client_complete(client, 0, 0);
}

void FakeUsbDevice::discard(UMockdevIoctlClient* client) {
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    const unsigned long address = *reinterpret_cast<unsigned long*>(arg->data);
    const auto found = std::find_if(m_waitingIn.begin(), m_waitingIn.end(),
                                    [&](const auto& urb) { return urb->data->client_addr == address; });
    if (found == m_waitingIn.end()) {
        umockdev_ioctl_client_complete(client, -1, EINVAL);  // already complete: nothing to cancel
        return;
    }
    (*found)->status = -ENOENT;  // unlinked by the client
    m_done.push_back(std::move(*found));
    m_waitingIn.erase(found);
    umockdev_ioctl_client_complete(client, 0, 0);
}

}  // namespace frontdesk::peripherals::testing

#include "peripherals/transport.h"

#include <charconv>

#include "core/host_port.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

constexpr std::string_view kForms = "tcp://HOST:PORT, usb:VID:PID, usb:, cups:QUEUE, serial:DEVICE[@BAUD] or file:PATH";

core::Status bad(std::string_view text, std::string_view why) {
    return core::invalidArgument("printer address '" + std::string(text) + "': " + std::string(why) + " (expected " +
                                 std::string(kForms) + ")");
}

std::optional<std::uint16_t> hex16(std::string_view s) {
    unsigned value = 0;
    if (s.empty() || s.size() > 4) return std::nullopt;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 16);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

}  // namespace

core::Result<PrinterAddress> parsePrinterAddress(std::string_view text) {
    PrinterAddress a;
    a.text = std::string(text);
    const auto rest = [&](std::string_view prefix) { return text.substr(prefix.size()); };
    if (text.starts_with("tcp://")) {
        auto hp = core::parseHostPort(rest("tcp://"), "printer address");
        if (!hp.ok()) return bad(text, "a host and a port of 1 to 65535");
        a.kind = PrinterAddress::Kind::Tcp;
        a.host = hp->host;
        a.port = hp->port;
        return a;
    }
    if (text.starts_with("usb:")) {
        a.kind = PrinterAddress::Kind::Usb;
        const std::string_view ids = rest("usb:");
        if (ids.empty()) return a;
        const auto colon = ids.find(':');
        if (colon == std::string_view::npos) return bad(text, "a vendor and a product id, in hex");
        a.vendorId = hex16(ids.substr(0, colon));
        a.productId = hex16(ids.substr(colon + 1));
        if (!a.vendorId || !a.productId) return bad(text, "ids are 1 to 4 hex digits");
        return a;
    }
    if (text.starts_with("cups:")) {
        a.kind = PrinterAddress::Kind::Cups;
        a.queue = std::string(rest("cups:"));
        // CUPS queue names: printable, no space, slash or '#' (lpadmin(8)).
        if (a.queue.empty() || a.queue.size() > 127) return bad(text, "a queue name of 1 to 127 characters");
        for (const unsigned char c : a.queue) {
            if (c <= ' ' || c == 0x7f || c == '/' || c == '#')
                return bad(text, "a queue name has no space, '/' or '#'");
        }
        return a;
    }
    if (text.starts_with("serial:")) {
        a.kind = PrinterAddress::Kind::Serial;
        std::string_view device = rest("serial:");
        if (const auto at = device.rfind('@'); at != std::string_view::npos) {
            const std::string_view speed = device.substr(at + 1);
            const auto [end, ec] = std::from_chars(speed.data(), speed.data() + speed.size(), a.baud);
            if (ec != std::errc() || end != speed.data() + speed.size() || !isSerialSpeed(a.baud)) {
                return bad(text, "a speed of 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200");
            }
            device = device.substr(0, at);
        }
        if (!device.starts_with('/')) return bad(text, "the serial device's full path");
        a.path = std::string(device);
        return a;
    }
    if (text.starts_with("file:")) {
        a.kind = PrinterAddress::Kind::File;
        a.path = std::string(rest("file:"));
        if (a.path.empty()) return bad(text, "a file path");
        return a;
    }
    return bad(text, "unknown kind");
}

core::Result<std::unique_ptr<Transport>> makeTransport(const PrinterAddress& address) {
    switch (address.kind) {
        case PrinterAddress::Kind::Tcp:
            return makeTcpTransport(address);
        case PrinterAddress::Kind::Serial:
            return makeSerialTransport(address);
        case PrinterAddress::Kind::File:
            return makeFileTransport(address);
        case PrinterAddress::Kind::Cups:
            return makeCupsTransport(address);
        case PrinterAddress::Kind::Usb:
            return makeUsbTransport(address);
    }
    return core::Status(core::ErrorKind::Unavailable, "printer address '" + address.text + "': not supported");
}

}  // namespace frontdesk::peripherals

#pragma once
// How bytes reach a printer and its answers come back: raw TCP (port 9100), USB (libusb), a CUPS
// queue, a serial line (termios) or a file. The printer service (printer_service.h) speaks ESC/POS
// over any of them; only a two-way transport lets it confirm a job and read the printer's status.
//
// Addresses, as the kiosk's --printer option and `frontdesk-tool printer` take them:
//   tcp://HOST:PORT          a network printer's raw port (9100 on Epson and Star models)
//   usb:VID:PID              the USB printer with that vendor and product id (hex: usb:04b8:0202)
//   usb:                     the first USB device of the printer class
//   cups:QUEUE               a CUPS queue, raw (the local cupsd, or $CUPS_SERVER's)
//   serial:DEVICE[@BAUD]     a serial or USB-CDC printer: serial:/dev/ttyUSB0@38400 (default 9600)
//   file:PATH                appends every byte to PATH (captures, tests; write-only)
//
// One transport belongs to one printer service, which calls it from its own thread: transports
// are not thread-safe.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::peripherals {

class Transport {
public:
    virtual ~Transport() = default;

    // Connects, or connects again after a drop. Unavailable naming the address when the printer
    // cannot be reached.
    [[nodiscard]] virtual core::Status open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    // Every byte, or Unavailable when the connection dropped (then open() again).
    [[nodiscard]] virtual core::Status write(std::string_view bytes) = 0;
    // What the printer sent within `timeout`; empty when nothing came. Unavailable when the
    // connection dropped. A one-way transport returns empty at once.
    [[nodiscard]] virtual core::Result<std::string> read(std::chrono::milliseconds timeout) = 0;
    // True when the printer's answers come back (DLE EOT, GS r, Automatic Status Back).
    virtual bool twoWay() const = 0;
    // A descriptor that polls readable when the printer has sent something, so that the printer
    // service can wait on it and on its own work at once; -1 when the transport has none (then
    // the service reads in short slices).
    virtual int waitHandle() const { return -1; }

    // The end of one job. A spooling transport (CUPS) submits what was written since the last
    // endJob() as one job and follows it until the spooler says it completed (Ok) or was
    // aborted or cancelled (an error naming the state); the others have nothing to do.
    [[nodiscard]] virtual core::Status endJob() { return core::Status::okStatus(); }

    // Transports that learn of the device arriving and leaving (USB hotplug) call this, from the
    // thread that calls read(), with true on arrival and false on removal.
    virtual void onPresence(std::function<void(bool present)> listener) { (void)listener; }

    // The address it was made from, for messages and logs.
    virtual std::string address() const = 0;
};

struct PrinterAddress {
    enum class Kind { Tcp, Usb, Cups, Serial, File };
    Kind kind = Kind::Tcp;
    std::string host;                                  // Tcp
    int port = 0;                                      // Tcp
    std::optional<std::uint16_t> vendorId, productId;  // Usb; none: the first printer-class device
    std::string queue;                                 // Cups
    std::string path;                                  // Serial (the device), File
    int baud = 9600;                                   // Serial
    std::string text;                                  // as written
};

// InvalidArgument naming what is wrong with the address, and the forms that are understood.
[[nodiscard]] core::Result<PrinterAddress> parsePrinterAddress(std::string_view text);

// The transport for an address, not yet opened.
[[nodiscard]] core::Result<std::unique_ptr<Transport>> makeTransport(const PrinterAddress& address);

}  // namespace frontdesk::peripherals

#pragma once
// The USB receipt printers attached to this machine, for `frontdesk-tool printer list` and for an
// installer choosing a `usb:VID:PID` address. A device is listed when one of its interfaces is of
// the USB printer class (7), or when its vendor and product ids are those of a shipped printer
// profile: many receipt printers (Epson's TM models in their default "vendor-defined" USB mode)
// present a vendor-specific interface and are known only by their ids.
//
// Each call enumerates afresh through its own libusb context; any thread. Fails (Unavailable) when
// USB cannot be enumerated at all, or when the shipped profiles cannot be read.

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace frontdesk::peripherals {

struct UsbPrinterInfo {
    std::uint16_t vendorId = 0, productId = 0;
    // The device's own strings; empty when it has none or it cannot be opened to read them
    // (no permission on its /dev/bus/usb node).
    std::string manufacturer, product, serial;
    int bus = 0, address = 0;   // as lsusb shows them: "Bus 001 Device 004"
    bool printerClass = false;  // an interface of the printer class; false: known by its ids only
};

// Ordered by bus, then address.
[[nodiscard]] core::Result<std::vector<UsbPrinterInfo>> listUsbPrinters();

}  // namespace frontdesk::peripherals

#pragma once
// The transports behind makeTransport(), one file each.

#include <memory>

#include "peripherals/transport.h"

namespace frontdesk::peripherals {

std::unique_ptr<Transport> makeTcpTransport(const PrinterAddress& address);
std::unique_ptr<Transport> makeSerialTransport(const PrinterAddress& address);
std::unique_ptr<Transport> makeFileTransport(const PrinterAddress& address);
std::unique_ptr<Transport> makeUsbTransport(const PrinterAddress& address);
// No job observer, the default wait (cups_jobs.h).
std::unique_ptr<Transport> makeCupsTransport(const PrinterAddress& address);

// The line speeds the serial transport sets.
bool isSerialSpeed(int baud);

}  // namespace frontdesk::peripherals

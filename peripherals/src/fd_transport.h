#pragma once
// A transport over a stream file descriptor: what the TCP and serial transports share. Writes
// give up when the printer takes nothing for a while (a stopped printer's buffer is full), so
// that the printer service is never stuck behind a socket.

#include <chrono>

#include "fd.h"
#include "peripherals/transport.h"

namespace frontdesk::peripherals {

class FdTransport : public Transport {
public:
    explicit FdTransport(PrinterAddress address) : m_address(std::move(address)) {}

    core::Status open() override;
    void close() override { m_fd.reset(); }
    bool isOpen() const override { return m_fd.get() >= 0; }
    core::Status write(std::string_view bytes) override;
    core::Result<std::string> read(std::chrono::milliseconds timeout) override;
    bool twoWay() const override { return true; }
    int waitHandle() const override { return m_fd.get(); }
    std::string address() const override { return m_address.text; }

protected:
    // A connected, non-blocking descriptor, or Unavailable naming the address and the reason.
    virtual core::Result<Fd> connect() = 0;
    const PrinterAddress& where() const { return m_address; }
    core::Status dropped(std::string_view what);              // closes, and says what happened
    core::Status unavailable(std::string_view reason) const;  // "printer at ADDRESS: reason"

private:
    PrinterAddress m_address;
    Fd m_fd;
    bool m_socket = false;
};

// How long a write may go without the printer taking a byte.
inline constexpr std::chrono::milliseconds kStalledWrite{5000};

}  // namespace frontdesk::peripherals

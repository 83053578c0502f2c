// Appends every byte to a file: a capture to render with `frontdesk-tool escpos render`, or a
// sink for tests. Write-only, so the printer service reports the status as unknown.

#include <cerrno>
#include <cstring>

#include <fcntl.h>

#include "fd.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

class FileTransport final : public Transport {
public:
    explicit FileTransport(PrinterAddress address) : m_address(std::move(address)) {}

    core::Status open() override {
        m_fd.reset(::open(m_address.path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
        if (m_fd.get() < 0) return unavailable(std::strerror(errno));
        return core::Status::okStatus();
    }
    void close() override { m_fd.reset(); }
    bool isOpen() const override { return m_fd.get() >= 0; }
    core::Status write(std::string_view bytes) override {
        if (!isOpen()) return unavailable("not open");
        std::size_t at = 0;
        while (at < bytes.size()) {
            const ssize_t n = ::write(m_fd.get(), bytes.data() + at, bytes.size() - at);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return unavailable(std::strerror(errno));
            at += static_cast<std::size_t>(n);
        }
        return core::Status::okStatus();
    }
    core::Result<std::string> read(std::chrono::milliseconds) override { return std::string(); }
    bool twoWay() const override { return false; }
    std::string address() const override { return m_address.text; }

private:
    core::Status unavailable(const std::string& reason) const {
        return {core::ErrorKind::Unavailable, m_address.text + ": " + reason};
    }
    PrinterAddress m_address;
    Fd m_fd;
};

}  // namespace

std::unique_ptr<Transport> makeFileTransport(const PrinterAddress& address) {
    return std::make_unique<FileTransport>(address);
}

}  // namespace frontdesk::peripherals

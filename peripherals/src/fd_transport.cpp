#include "fd_transport.h"

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

namespace frontdesk::peripherals {

core::Status FdTransport::open() {
    m_fd.reset();
    FD_ASSIGN(Fd fd, connect());
    m_fd = std::move(fd);
    struct stat st {};
    m_socket = ::fstat(m_fd.get(), &st) == 0 && S_ISSOCK(st.st_mode);
    return core::Status::okStatus();
}

core::Status FdTransport::unavailable(std::string_view reason) const {
    return {core::ErrorKind::Unavailable, "printer at " + m_address.text + ": " + std::string(reason)};
}

core::Status FdTransport::dropped(std::string_view what) {
    m_fd.reset();
    return unavailable(what);
}

core::Status FdTransport::write(std::string_view bytes) {
    if (!isOpen()) return dropped("not connected");
    std::size_t at = 0;
    while (at < bytes.size()) {
        pollfd p{m_fd.get(), POLLOUT, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(kStalledWrite.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return dropped("took no data for " + std::to_string(kStalledWrite.count() / 1000) + " s");
        if (ready < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) return dropped("connection lost");
        // send() on a socket, so that a peer gone away is an error and not SIGPIPE.
        const ssize_t n = m_socket ? ::send(m_fd.get(), bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL)
                                   : ::write(m_fd.get(), bytes.data() + at, bytes.size() - at);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n < 0) return dropped(std::strerror(errno));
        at += static_cast<std::size_t>(n);
    }
    return core::Status::okStatus();
}

core::Result<std::string> FdTransport::read(std::chrono::milliseconds timeout) {
    if (!isOpen()) return dropped("not connected");
    pollfd p{m_fd.get(), POLLIN, 0};
    int ready;
    do {
        ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) return std::string();
    if (ready < 0 || (p.revents & POLLNVAL) != 0) return dropped("connection lost");
    char buffer[512];
    const ssize_t n = ::read(m_fd.get(), buffer, sizeof buffer);
    if (n == 0) return dropped("closed the connection");
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return std::string();
    if (n < 0) return dropped(std::strerror(errno));
    return std::string(buffer, static_cast<std::size_t>(n));
}

}  // namespace frontdesk::peripherals

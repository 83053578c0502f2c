#include "testing/tcp_proxy.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <list>
#include <stdexcept>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace frontdesk::testing {

namespace {

using SteadyClock = std::chrono::steady_clock;

// What one direction may hold before the proxy stops reading it: the sender then meets TCP's own
// back-pressure, as it would behind a slow link, instead of the proxy buffering without bound.
constexpr std::size_t kBufferCap = 64 * 1024;

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never anything outside 127.0.0.0/8
    return address;
}

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("TcpProxy: " + what + ": " + std::strerror(errno));
}

// Closes with an RST instead of a FIN (SO_LINGER 0): the peer sees "connection reset", as when a
// middlebox or the far host drops the connection, not an orderly goodbye.
void resetSocket(int fd) {
    if (fd < 0) return;
    linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
}

// One direction of a connection: bytes read from one socket, not yet written to the other.
struct Flow {
    std::string buffer;
    bool eof = false;        // the sending socket sent FIN: nothing more will come
    bool shut = false;       // and the FIN was passed on, once the buffer was written
    std::size_t budget = 0;  // bytes it may still write in this period (slow mode)
};

struct Connection {
    int client = -1;
    int upstream = -1;
    bool connecting = true;  // the upstream connect() has not completed yet
    bool dead = false;
    Flow up;    // client -> upstream
    Flow down;  // upstream -> client
};

// Reads what `fd` has into flow's buffer; false if the connection failed.
bool readInto(int fd, Flow& flow) {
    char chunk[16 * 1024];
    const std::size_t room = kBufferCap - std::min(kBufferCap, flow.buffer.size());
    if (room == 0) return true;  // full: a read of 0 bytes would look like the end of the stream
    const ssize_t n = ::recv(fd, chunk, std::min(room, sizeof chunk), 0);
    if (n > 0) flow.buffer.append(chunk, static_cast<std::size_t>(n));
    if (n == 0) flow.eof = true;
    return n >= 0 || errno == EAGAIN || errno == EINTR;
}

// Writes what the flow may (all of it, or its slow-mode budget) to fd; false if the connection failed.
bool writeFrom(int fd, Flow& flow, bool limited, std::int64_t& counter) {
    std::size_t size = flow.buffer.size();
    if (limited) size = std::min(size, flow.budget);
    if (size == 0) return true;
    const ssize_t n = ::send(fd, flow.buffer.data(), size, MSG_NOSIGNAL);
    if (n < 0) return errno == EAGAIN || errno == EINTR;
    flow.buffer.erase(0, static_cast<std::size_t>(n));
    if (limited) flow.budget -= static_cast<std::size_t>(n);
    counter += n;
    return true;
}

}  // namespace

TcpProxy::TcpProxy(int targetPort) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_listen < 0) fail("socket");
    sockaddr_in address = loopback(0);  // port 0: the kernel picks a free one
    socklen_t size = sizeof address;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(m_listen, 64) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        const int error = errno;
        ::close(m_listen);
        errno = error;
        fail("listening on 127.0.0.1");
    }
    m_port = ntohs(address.sin_port);
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        ::close(m_listen);
        fail("pipe2");
    }
    m_wakeRead = wake[0];
    m_wakeWrite = wake[1];
    m_thread = std::thread([this, targetPort] { runLoop(targetPort); });
}

TcpProxy::~TcpProxy() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    (void)!::write(m_wakeWrite, "x", 1);
    m_thread.join();
    ::close(m_listen);
    ::close(m_wakeRead);
    ::close(m_wakeWrite);
}

void TcpProxy::pass() {
    setMode(ProxyMode::Pass, 0, {});
}
void TcpProxy::drop() {
    setMode(ProxyMode::Drop, 0, {});
}
void TcpProxy::stall() {
    setMode(ProxyMode::Stall, 0, {});
}
void TcpProxy::slow(std::size_t bytes, std::chrono::milliseconds period) {
    if (bytes == 0 || period.count() <= 0) throw std::invalid_argument("TcpProxy::slow: bytes and period must be > 0");
    setMode(ProxyMode::Slow, bytes, period);
}

ProxyMode TcpProxy::mode() const {
    std::lock_guard lock(m_mutex);
    return m_mode;
}

ProxyStats TcpProxy::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

// Hands the mode to the proxy's thread and waits until it has acted on it. The bound only keeps a
// wedged proxy from hanging a test; the thread answers within one poll() round.
void TcpProxy::setMode(ProxyMode mode, std::size_t bytes, std::chrono::milliseconds period) {
    std::unique_lock lock(m_mutex);
    m_mode = mode;
    m_slowBytes = bytes;
    m_slowPeriod = period;
    const std::uint64_t request = ++m_requested;
    (void)!::write(m_wakeWrite, "x", 1);
    if (!m_applied.wait_for(lock, std::chrono::seconds(10), [&] { return m_done >= request; })) {
        throw std::runtime_error("TcpProxy: the proxy thread did not apply a mode change within 10 s");
    }
}

void TcpProxy::runLoop(int targetPort) {
    std::list<Connection> connections;
    ProxyStats stats;
    ProxyMode mode = ProxyMode::Pass;
    std::size_t slowBytes = 0;
    std::chrono::milliseconds slowPeriod{0};
    auto nextRefill = SteadyClock::now();

    auto kill = [&](Connection& c) {
        resetSocket(c.client);
        resetSocket(c.upstream);
        c.client = c.upstream = -1;
        c.dead = true;
        ++stats.reset;
    };
    auto refill = [&] {
        for (auto& c : connections) c.up.budget = c.down.budget = slowBytes;
        nextRefill = SteadyClock::now() + slowPeriod;
    };

    while (true) {
        std::uint64_t request = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) break;
            request = m_requested;
            if (request != m_done) {
                mode = m_mode;
                slowBytes = m_slowBytes;
                slowPeriod = m_slowPeriod;
            }
        }
        if (mode == ProxyMode::Drop) {
            for (auto& c : connections) kill(c);
        }
        if (mode == ProxyMode::Slow && SteadyClock::now() >= nextRefill) refill();
        connections.remove_if([](const Connection& c) { return c.dead; });
        {
            // Published before the wait below, so that a mode change returns with its effect done.
            std::lock_guard lock(m_mutex);
            stats.open = static_cast<std::int64_t>(connections.size());
            m_stats = stats;
            if (m_done != request) {
                m_done = request;
                m_applied.notify_all();
            }
        }

        // What to wait for. A stalled connection is left out of poll() altogether: it neither
        // reads nor writes, and its errors (a peer's reset) wait until traffic may move again.
        const bool limited = mode == ProxyMode::Slow;
        std::vector<pollfd> fds{{m_wakeRead, POLLIN, 0}, {m_listen, POLLIN, 0}};
        std::vector<std::pair<Connection*, bool>> owners;  // (connection, is it the client side)
        if (mode != ProxyMode::Stall) {
            for (auto& c : connections) {
                short client = 0;
                short upstream = 0;
                if (c.connecting) {
                    upstream = POLLOUT;
                } else {
                    if (!c.up.eof && c.up.buffer.size() < kBufferCap) client |= POLLIN;
                    if (!c.down.eof && c.down.buffer.size() < kBufferCap) upstream |= POLLIN;
                    if (!c.down.buffer.empty() && (!limited || c.down.budget > 0)) client |= POLLOUT;
                    if (!c.up.buffer.empty() && (!limited || c.up.budget > 0)) upstream |= POLLOUT;
                }
                if (client != 0) {
                    fds.push_back({c.client, client, 0});
                    owners.emplace_back(&c, true);
                }
                if (upstream != 0) {
                    fds.push_back({c.upstream, upstream, 0});
                    owners.emplace_back(&c, false);
                }
            }
        }
        int timeout = -1;  // until a socket or a mode change wakes it
        if (limited) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(nextRefill - SteadyClock::now());
            timeout = static_cast<int>(std::max<std::int64_t>(left.count(), 0));
        }
        if (::poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR) continue;

        char drain[64];
        while (::read(m_wakeRead, drain, sizeof drain) > 0) {
        }
        if (fds[1].revents & POLLIN) {
            while (true) {
                const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (client < 0) break;
                ++stats.accepted;
                Connection c;
                c.client = client;
                c.up.budget = c.down.budget = slowBytes;
                c.upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
                const sockaddr_in target = loopback(targetPort);
                // In drop mode a new connection is reset at once: the cut refuses newcomers too.
                if (mode == ProxyMode::Drop || c.upstream < 0 ||
                    (::connect(c.upstream, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0 &&
                     errno != EINPROGRESS)) {
                    kill(c);  // the target is down: the client sees a reset, as a refused connection
                    continue;
                }
                connections.push_back(c);
            }
        }
        for (std::size_t i = 2; i < fds.size(); ++i) {
            auto [c, isClient] = owners[i - 2];
            const short events = fds[i].revents;
            if (c->dead || events == 0) continue;
            if (!isClient && c->connecting) {
                int error = 0;
                socklen_t size = sizeof error;
                ::getsockopt(c->upstream, SOL_SOCKET, SO_ERROR, &error, &size);
                if (error != 0) {
                    kill(*c);
                } else {
                    c->connecting = false;
                }
                continue;
            }
            Flow& in = isClient ? c->up : c->down;   // what this socket sends us
            Flow& out = isClient ? c->down : c->up;  // what we send to this socket
            std::int64_t& sent = isClient ? stats.bytesDownstream : stats.bytesUpstream;
            const int fd = isClient ? c->client : c->upstream;
            const bool reading = fds[i].events & POLLIN;
            bool ok = true;
            if (reading && (events & (POLLIN | POLLHUP | POLLERR))) ok = readInto(fd, in);
            if (ok && (events & POLLOUT)) ok = writeFrom(fd, out, limited, sent);
            // An error, or a hang-up on a socket we only meant to write to: it is gone for good.
            if ((events & POLLERR) || ((events & POLLHUP) && !reading)) ok = false;
            if (!ok) kill(*c);
        }
        // An orderly close travels on: once one side's FIN and everything before it have been
        // passed to the other side, shut that direction; when both are shut, the connection ends.
        for (auto& c : connections) {
            if (c.dead || c.connecting || mode == ProxyMode::Stall) continue;
            if (c.up.eof && c.up.buffer.empty() && !c.up.shut) {
                ::shutdown(c.upstream, SHUT_WR);
                c.up.shut = true;
            }
            if (c.down.eof && c.down.buffer.empty() && !c.down.shut) {
                ::shutdown(c.client, SHUT_WR);
                c.down.shut = true;
            }
            if (c.up.shut && c.down.shut) {
                ::close(c.client);
                ::close(c.upstream);
                c.client = c.upstream = -1;
                c.dead = true;
            }
        }
    }
    for (auto& c : connections) {
        if (!c.dead) kill(c);
    }
}

}  // namespace frontdesk::testing

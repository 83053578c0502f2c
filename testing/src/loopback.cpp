#include "testing/loopback.h"

#include <memory>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace frontdesk::testing {

namespace {

class Socket {
public:
    Socket() : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        if (m_fd < 0) throw std::runtime_error("cannot create a socket");
    }
    ~Socket() { ::close(m_fd); }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

}  // namespace

std::vector<int> freeLoopbackPorts(std::size_t count) {
    std::vector<std::unique_ptr<Socket>> sockets;
    std::vector<int> ports;
    for (std::size_t i = 0; i < count; ++i) {
        auto socket = std::make_unique<Socket>();
        sockaddr_in address = loopback(0);
        socklen_t size = sizeof address;
        if (::bind(socket->fd(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(socket->fd(), reinterpret_cast<sockaddr*>(&address), &size) != 0) {
            throw std::runtime_error("cannot find a free loopback port");
        }
        ports.push_back(ntohs(address.sin_port));
        sockets.push_back(std::move(socket));
    }
    return ports;
}

bool acceptsOnLoopback(int port) {
    Socket socket;
    const sockaddr_in address = loopback(port);
    return ::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
}

}  // namespace frontdesk::testing

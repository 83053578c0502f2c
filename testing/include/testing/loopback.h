#pragma once
// Loopback ports for the services tests start (mosquitto, the back office's HTTP API).

#include <cstddef>
#include <vector>

namespace frontdesk::testing {

// Ports the kernel hands out for 127.0.0.1, all bound at once (so distinct), then released for a
// service to bind. Another process could take one in between: callers try again on failure.
[[nodiscard]] std::vector<int> freeLoopbackPorts(std::size_t count);
// True when something accepts a TCP connection on 127.0.0.1:port.
[[nodiscard]] bool acceptsOnLoopback(int port);

}  // namespace frontdesk::testing

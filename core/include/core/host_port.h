#pragma once
// "HOST:PORT" as command lines give an address to connect to or listen on (--broker, --http).

#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::core {

struct HostPort {
    std::string host;
    int port = 0;
};

// InvalidArgument naming `what` and the text unless it is HOST:PORT with a port of 1 to 65535.
[[nodiscard]] Result<HostPort> parseHostPort(std::string_view text, std::string_view what);

}  // namespace frontdesk::core

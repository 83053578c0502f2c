#include "core/host_port.h"

#include "core/bounded_input.h"

namespace frontdesk::core {

Result<HostPort> parseHostPort(std::string_view text, std::string_view what) {
    const auto colon = text.rfind(':');
    const std::string_view host = colon == std::string_view::npos ? "" : text.substr(0, colon);
    const std::string_view port = colon == std::string_view::npos ? "" : text.substr(colon + 1);
    int number = 0;
    const bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string_view::npos;
    if (digits) {
        for (char c : port) number = number * 10 + (c - '0');
    }
    if (host.empty() || !digits || number < 1 || number > 65535) {
        return invalidArgument(std::string(what) + " must be given as HOST:PORT (port 1 to 65535), not '" +
                               excerpt(text, 80) + "'");
    }
    return HostPort{std::string(host), number};
}

}  // namespace frontdesk::core

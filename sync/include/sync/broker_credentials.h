#pragma once
// Reading a broker login from a store's credentials.json (written by broker_setup.h), for the
// kiosk and the back office (`--credentials FILE --terminal-user ID`).
//
// credentials.json holds clear passwords. It is the provisioning input: copy each terminal's
// entry to that terminal, the back office's to the back office, and keep the file itself where
// only the operator can read it (it is written with mode 0600). The format:
//
//   {"store": "s1",
//    "broker": {"host": "127.0.0.1", "port": 1883, "tls": false},   // with TLS also "ca_file"
//    "users": {"t1": {"username": "s1-t1", "password": "..."}, ...,
//              "backoffice": {"username": "backoffice", "password": "..."}}}

#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::sync {

struct BrokerLogin {
    std::string store;
    std::string username;  // a terminal's is its MQTT client id, "{store}-{terminal}"
    std::string password;
    std::string host;
    int port = 0;
    bool tls = false;
    std::string caFile;  // with TLS: the CA certificate to trust (absolute path)
};

// `user` is a terminal id or "backoffice". NotFound for a missing file or user; InvalidArgument
// (naming the file) for a file that is not a credentials file; reads at most 1 MiB.
[[nodiscard]] core::Result<BrokerLogin> readBrokerLogin(const std::string& credentialsPath, std::string_view user);

}  // namespace frontdesk::sync

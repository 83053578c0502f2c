#pragma once
// Broker set-up for one store: writes a ready Mosquitto 2.0 configuration into a directory and
// adds or removes a terminal later. `frontdesk-tool broker ...` is its command line; docs/broker.md
// says what each file holds and how to run the broker.
//
//   mosquitto.conf    listeners, no anonymous clients, passwd and acl by absolute path,
//                     persistence in data/, the queue limits, logging to mosquitto.log
//   passwd            one user per terminal ("{store}-{terminal}", its MQTT client id) and one
//                     "backoffice" user, hashed as mosquitto_passwd does (mode 0600)
//   acl               one explicit `user` block per user (no patterns), mode 0600
//   credentials.json  the clear passwords, the provisioning input for terminals and the back
//                     office (mode 0600); see broker_credentials.h
//   ca.crt, server.crt, server.key (0600)   with TLS only
//
// credentials.json is the record of who exists: adding or removing a terminal reads it, and
// rewrites passwd, acl and then credentials.json, keeping every other user's password. A running
// broker picks the change up on SIGHUP. Every function validates all its input before it writes
// anything and refuses with InvalidArgument (AlreadyExists, NotFound, FailedPrecondition) naming
// the value; files are replaced whole (written aside, flushed, renamed). One operator at a time:
// nothing locks the directory against a second writer.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::sync {

// The back office's user name and its key in credentials.json; not a valid terminal id here.
inline constexpr std::string_view kBackofficeUser = "backoffice";

inline constexpr std::string_view kBrokerConfigFile = "mosquitto.conf";
inline constexpr std::string_view kBrokerPasswdFile = "passwd";
inline constexpr std::string_view kBrokerAclFile = "acl";
inline constexpr std::string_view kBrokerCredentialsFile = "credentials.json";
inline constexpr std::string_view kBrokerLogFile = "mosquitto.log";
inline constexpr std::string_view kBrokerDataDir = "data";
inline constexpr std::string_view kBrokerCaCertFile = "ca.crt";
inline constexpr std::string_view kBrokerServerCertFile = "server.crt";
inline constexpr std::string_view kBrokerServerKeyFile = "server.key";

// What Mosquitto holds per client (FACTS.md: the default 1000 drops silently for an offline
// terminal) and sends at once.
inline constexpr int kBrokerMaxQueuedMessages = 100000;
inline constexpr int kBrokerMaxInflightMessages = 1000;
// The largest MQTT packet the broker takes: a dataset chunk (at most 4 MiB) or an events message
// (at most 4 MiB) with room for the headers; a client that sends more is disconnected.
inline constexpr int kBrokerMaxPacketBytes = 8 * 1024 * 1024;
inline constexpr int kBrokerAutosaveSeconds = 60;

struct BrokerTlsOptions {
    std::string host;  // the DNS name or IP address clients connect to; the certificate is made for it
    int port = 8883;
    std::string bind;  // the TLS listener's address; empty: BrokerOptions::bind
};

struct BrokerOptions {
    std::string store;
    std::vector<std::string> terminals;  // at least one, no duplicates
    std::string bind = "127.0.0.1";      // an IPv4 or IPv6 address
    int port = 1883;
    std::optional<BrokerTlsOptions> tls;
    // The host clients are told to connect to (credentials.json). Empty: the TLS host with TLS,
    // else the bind address; required when binding to every address (0.0.0.0, ::) without TLS.
    std::string host;
    bool force = false;  // write into a non-empty directory, replacing the files above
};

// The files a call wrote, as absolute paths in the order written.
struct BrokerWriteReport {
    std::vector<std::filesystem::path> written;
};

// Writes the whole configuration for a new store into dir (created, mode 0700, if missing). The
// files belong to the user running this, and mosquitto.conf names that user (`user`): mosquitto
// started as root switches to it, so it can read the 0600 files and write its data.
// Refuses a non-empty directory unless options.force; with force, files other than the ones above
// (and the broker's data) are left alone.
[[nodiscard]] core::Result<BrokerWriteReport> initBroker(const std::filesystem::path& dir,
                                                         const BrokerOptions& options);

// Adds a terminal with a fresh password. AlreadyExists if it is there; NotFound if dir holds no
// credentials.json.
[[nodiscard]] core::Result<BrokerWriteReport> addBrokerTerminal(const std::filesystem::path& dir,
                                                                std::string_view terminal);

// Removes a terminal's user and ACL block. NotFound if it is not there.
[[nodiscard]] core::Result<BrokerWriteReport> removeBrokerTerminal(const std::filesystem::path& dir,
                                                                   std::string_view terminal);

}  // namespace frontdesk::sync

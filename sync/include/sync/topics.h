#pragma once
// The MQTT topics of the sync protocol, version 1 (docs/protocol.md). Every topic is built and
// parsed here and nowhere else.
//
//   fd/v1/{store}/{terminal}/events|acks|status|config|cmd
//   fd/v1/{store}/master/{dataset}                      a dataset's manifest
//   fd/v1/{store}/master/{dataset}/{version}/{index}    one chunk of a dataset version

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::sync {

inline constexpr std::string_view kTopicRoot = "fd/v1";

// Store and terminal ids: 1 to 11 characters of [a-z0-9-], so that the client id
// "{store}-{terminal}" fits MQTT 3.1.1's 23 characters. "master" is not a terminal id: it names
// the store's master-data topics.
[[nodiscard]] core::Status validateStoreId(std::string_view id);
[[nodiscard]] core::Status validateTerminalId(std::string_view id);
// Dataset names: 1 to 32 characters of [a-z0-9_-] ("catalog", "staff").
[[nodiscard]] core::Status validateDatasetName(std::string_view name);

enum class Channel { Events, Acks, Status, Config, Cmd };
[[nodiscard]] std::string_view channelName(Channel channel);

struct TerminalAddress {
    std::string store;
    std::string terminal;
    bool operator==(const TerminalAddress&) const = default;
};

[[nodiscard]] std::string terminalTopic(const TerminalAddress& address, Channel channel);
[[nodiscard]] std::string masterTopic(std::string_view store, std::string_view dataset);
[[nodiscard]] std::string chunkTopic(std::string_view store, std::string_view dataset, std::int64_t version,
                                     std::int64_t index);
// The MQTT client id of a terminal: "{store}-{terminal}".
[[nodiscard]] std::string clientId(const TerminalAddress& address);

// A topic as received: a terminal's channel, a store's dataset manifest, or a chunk of one.
struct Topic {
    TerminalAddress address;  // terminal is empty for a master-data topic
    Channel channel = Channel::Events;
    std::string dataset;      // set for a master-data topic only
    std::int64_t version = 0; // a chunk's dataset version
    std::int64_t chunk = -1;  // a chunk's index, from 0; -1 for a manifest
    bool isMaster() const { return !dataset.empty(); }
    bool isChunk() const { return chunk >= 0; }
};
// InvalidArgument naming what is wrong for anything that is not one of the topics above.
[[nodiscard]] core::Result<Topic> parseTopic(std::string_view topic);

}  // namespace frontdesk::sync

#include "sync/topics.h"

#include <array>
#include <vector>

#include "core/bounded_input.h"
#include "sync/dataset.h"

namespace frontdesk::sync {

namespace {

constexpr std::array<Channel, 5> kChannels = {Channel::Events, Channel::Acks, Channel::Status, Channel::Config,
                                              Channel::Cmd};

core::Status validateName(std::string_view what, std::string_view id, std::size_t maxChars, bool underscore) {
    if (id.empty() || id.size() > maxChars) {
        return core::invalidArgument(std::string(what) + " must be 1 to " + std::to_string(maxChars) +
                                     " characters: '" + core::excerpt(id) + "'");
    }
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (underscore && c == '_');
        if (!ok) {
            return core::invalidArgument(std::string(what) + " may hold only a-z, 0-9" + (underscore ? ", '_'" : "") +
                                         " and '-': '" + core::excerpt(id) + "'");
        }
    }
    return {};
}

std::vector<std::string_view> split(std::string_view topic) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto slash = topic.find('/');
        parts.push_back(topic.substr(0, slash));
        if (slash == std::string_view::npos) return parts;
        topic.remove_prefix(slash + 1);
    }
}

// A version or chunk index in a topic: decimal digits, no sign, no leading zero, at most `max`.
core::Result<std::int64_t> topicNumber(std::string_view what, std::string_view text, std::int64_t min, std::int64_t max) {
    const bool digits = !text.empty() && text.size() <= 16 && text.find_first_not_of("0123456789") == std::string_view::npos &&
                        (text.size() == 1 || text[0] != '0');
    std::int64_t value = 0;
    if (digits) {
        for (char c : text) value = value * 10 + (c - '0');
    }
    if (!digits || value < min || value > max) {
        return core::invalidArgument(std::string(what) + " in a chunk topic must be a number from " + std::to_string(min) +
                                     " to " + std::to_string(max) + ": '" + core::excerpt(text) + "'");
    }
    return value;
}

}  // namespace

core::Status validateStoreId(std::string_view id) { return validateName("store id", id, 11, false); }

core::Status validateTerminalId(std::string_view id) {
    if (id == "master") return core::invalidArgument("'master' names a store's master data, not a terminal");
    return validateName("terminal id", id, 11, false);
}

core::Status validateDatasetName(std::string_view name) { return validateName("dataset name", name, 32, true); }

std::string_view channelName(Channel channel) {
    switch (channel) {
        case Channel::Events: return "events";
        case Channel::Acks: return "acks";
        case Channel::Status: return "status";
        case Channel::Config: return "config";
        case Channel::Cmd: return "cmd";
    }
    return "events";
}

std::string terminalTopic(const TerminalAddress& address, Channel channel) {
    return std::string(kTopicRoot) + "/" + address.store + "/" + address.terminal + "/" + std::string(channelName(channel));
}

std::string masterTopic(std::string_view store, std::string_view dataset) {
    return std::string(kTopicRoot) + "/" + std::string(store) + "/master/" + std::string(dataset);
}

std::string chunkTopic(std::string_view store, std::string_view dataset, std::int64_t version, std::int64_t index) {
    return masterTopic(store, dataset) + "/" + std::to_string(version) + "/" + std::to_string(index);
}

std::string clientId(const TerminalAddress& address) { return address.store + "-" + address.terminal; }

core::Result<Topic> parseTopic(std::string_view topic) {
    const auto parts = split(topic);
    const bool chunk = parts.size() == 7 && parts[3] == "master";
    if ((parts.size() != 5 && !chunk) || parts[0] != "fd" || parts[1] != "v1") {
        return core::invalidArgument("not a Frontdesk v1 topic (fd/v1/{store}/{terminal}/{channel}): '" +
                                     core::excerpt(topic, 80) + "'");
    }
    Topic parsed;
    FD_TRY(validateStoreId(parts[2]));
    parsed.address.store = std::string(parts[2]);
    if (parts[3] == "master") {
        FD_TRY(validateDatasetName(parts[4]));
        parsed.dataset = std::string(parts[4]);
        if (chunk) {
            FD_ASSIGN(parsed.version, topicNumber("the version", parts[5], 1, kMaxDatasetVersion));
            FD_ASSIGN(parsed.chunk, topicNumber("the chunk index", parts[6], 0, kMaxDatasetChunks - 1));
        }
        return parsed;
    }
    FD_TRY(validateTerminalId(parts[3]));
    parsed.address.terminal = std::string(parts[3]);
    for (Channel channel : kChannels) {
        if (parts[4] == channelName(channel)) {
            parsed.channel = channel;
            return parsed;
        }
    }
    return core::invalidArgument("unknown channel '" + core::excerpt(parts[4]) + "' in topic '" +
                                 core::excerpt(topic, 80) + "'");
}

}  // namespace frontdesk::sync

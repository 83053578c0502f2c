#include "sync/ack.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"

namespace frontdesk::sync {

using nlohmann::json;

namespace {

core::Status refuse(const std::string& why) { return core::invalidArgument("ack refused: " + why); }

core::Result<std::int64_t> seqField(const json& j, const char* key, std::int64_t minimum) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return refuse(std::string("'") + key + "' must be an integer");
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        return refuse(std::string("'") + key + "' is out of range");
    }
    const auto value = it->get<std::int64_t>();
    if (value < minimum) return refuse(std::string("'") + key + "' must be at least " + std::to_string(minimum));
    return value;
}

core::Result<std::string> textField(const json& j, const char* key, std::size_t maxBytes) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return refuse(std::string("'") + key + "' must be a string");
    auto text = it->get<std::string>();
    if (text.empty() || text.size() > maxBytes) {
        return refuse(std::string("'") + key + "' must be 1 to " + std::to_string(maxBytes) + " bytes");
    }
    return text;
}

core::Status onlyKeys(const json& j, std::initializer_list<std::string_view> keys, std::string_view where) {
    for (const auto& [key, value] : j.items()) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            return refuse("unknown field '" + core::excerpt(key) + "' in " + std::string(where));
        }
    }
    return {};
}

core::Result<std::vector<std::string>> acceptedIds(const json& j) {
    std::vector<std::string> ids;
    auto it = j.find("accepted");
    if (it == j.end()) return ids;
    if (!it->is_array()) return refuse("'accepted' must be a list of event ids");
    if (it->size() > kMaxAckEvents) return refuse("'accepted' names more than " + std::to_string(kMaxAckEvents) + " events");
    for (const auto& id : *it) {
        if (!id.is_string() || id.get_ref<const std::string&>().empty() || id.get_ref<const std::string&>().size() > 64) {
            return refuse("'accepted' holds something that is not an event id");
        }
        ids.push_back(id.get<std::string>());
    }
    return ids;
}

core::Result<std::vector<RejectedEvent>> rejectedEvents(const json& j) {
    std::vector<RejectedEvent> rejected;
    auto it = j.find("rejected");
    if (it == j.end()) return rejected;
    if (!it->is_array()) return refuse("'rejected' must be a list");
    if (it->size() > kMaxAckEvents) return refuse("'rejected' names more than " + std::to_string(kMaxAckEvents) + " events");
    for (const auto& entry : *it) {
        if (!entry.is_object()) return refuse("a 'rejected' entry must be an object");
        FD_TRY(onlyKeys(entry, {"id", "seq", "reason"}, "a 'rejected' entry"));
        RejectedEvent event;
        FD_ASSIGN(event.id, textField(entry, "id", 64));
        FD_ASSIGN(event.seq, seqField(entry, "seq", 1));
        FD_ASSIGN(event.reason, textField(entry, "reason", 1000));
        rejected.push_back(std::move(event));
    }
    return rejected;
}

}  // namespace

std::string encodeAck(const Ack& ack) {
    json rejected = json::array();
    for (const auto& r : ack.rejected) rejected.push_back({{"id", r.id}, {"seq", r.seq}, {"reason", r.reason}});
    return json{{"upto", ack.upto}, {"accepted", ack.accepted}, {"rejected", rejected}}.dump();
}

core::Result<Ack> decodeAck(std::string_view payload) {
    FD_TRY(core::checkJsonBounds(payload, kMaxAckBytes, 4, "ack"));
    const json j = json::parse(payload, nullptr, false);
    if (j.is_discarded()) return refuse("not JSON");
    if (!j.is_object()) return refuse("not a JSON object");
    FD_TRY(onlyKeys(j, {"upto", "accepted", "rejected"}, "the ack"));
    Ack ack;
    FD_ASSIGN(ack.upto, seqField(j, "upto", 0));
    FD_ASSIGN(ack.accepted, acceptedIds(j));
    FD_ASSIGN(ack.rejected, rejectedEvents(j));
    return ack;
}

}  // namespace frontdesk::sync

#include "sync/delivery.h"

#include "core/bounded_input.h"
#include "core/ids.h"
#include "sync/schema.h"

namespace frontdesk::sync {

using nlohmann::json;

namespace {

Delivery unreadable(const TerminalAddress& from, std::string_view payload, const std::string& problem) {
    Delivery d;
    d.terminal = from;
    d.raw = core::excerpt(payload, 4096);
    d.problem = problem;
    return d;
}

// The fields every envelope must have for the back office to know what it is and where it goes.
void readIdentity(Delivery& d) {
    const json& e = d.envelope;
    if (auto id = e.find("id"); id != e.end() && id->is_string()) d.id = core::excerpt(id->get<std::string>(), 64);
    if (auto seq = e.find("seq"); seq != e.end() && seq->is_number_integer() && !seq->is_number_unsigned()) {
        d.seq = std::max<std::int64_t>(seq->get<std::int64_t>(), 0);
    } else if (seq != e.end() && seq->is_number_unsigned() &&
               seq->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)) {
        d.seq = static_cast<std::int64_t>(seq->get<std::uint64_t>());
    }
    if (auto type = e.find("type"); type != e.end() && type->is_string()) d.type = core::excerpt(type->get<std::string>(), 64);
}

std::string identityProblem(const Delivery& d) {
    const json& e = d.envelope;
    if (!core::isUuidV7(d.id)) return "'id' is not a UUIDv7";
    if (d.seq < 1) return "'seq' is not an integer of 1 or more";
    if (d.type.empty()) return "'type' is missing";
    const auto store = e.find("store");
    const auto terminal = e.find("terminal");
    if (store == e.end() || terminal == e.end() || *store != d.terminal.store || *terminal != d.terminal.terminal) {
        return "store/terminal of the envelope are not those of the topic " + d.terminal.store + "/" +
               d.terminal.terminal;
    }
    return {};
}

Delivery decodeOne(const TerminalAddress& from, json envelope, EnvelopeCheck check) {
    Delivery d;
    d.terminal = from;
    d.raw = envelope.dump();
    if (!envelope.is_object()) {
        d.problem = "an envelope must be a JSON object";
        return d;
    }
    d.envelope = std::move(envelope);
    readIdentity(d);
    d.problem = identityProblem(d);
    if (d.problem.empty() && check != nullptr) d.problem = check(d.envelope);
    return d;
}

}  // namespace

std::string schemaProblem(const json& envelope) {
    core::Status valid = validateEvent(envelope);
    return valid.ok() ? std::string() : valid.message();
}

std::vector<Delivery> decodeDeliveries(const TerminalAddress& from, std::string_view payload, EnvelopeCheck check) {
    if (core::Status bounded = core::checkJsonBounds(payload, kMaxEventsMessageBytes, kMaxEnvelopeDepth + 1, "message");
        !bounded.ok()) {
        return {unreadable(from, payload, bounded.message())};
    }
    json parsed = json::parse(payload, nullptr, false);
    if (parsed.is_discarded()) return {unreadable(from, payload, "not JSON")};
    std::vector<Delivery> deliveries;
    if (!parsed.is_array()) {
        deliveries.push_back(decodeOne(from, std::move(parsed), check));
        return deliveries;
    }
    if (parsed.empty()) return {unreadable(from, payload, "an empty list of envelopes")};
    if (parsed.size() > kMaxEventsPerMessage) {
        return {unreadable(from, payload, "more than " + std::to_string(kMaxEventsPerMessage) + " envelopes in one message")};
    }
    for (auto& envelope : parsed) deliveries.push_back(decodeOne(from, std::move(envelope), check));
    return deliveries;
}

}  // namespace frontdesk::sync

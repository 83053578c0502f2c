// The protocol's own schemas: sync/schema/*.schema.json, compiled into the binary by
// sync/cmake/embed_schemas.cmake (protocolSchemaTexts()), loaded once on first use.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/bounded_input.h"
#include "sync/schema.h"

namespace frontdesk::sync {

namespace {

constexpr std::string_view kEnvelope = "envelope.schema.json";
constexpr std::string_view kAck = "ack.schema.json";
constexpr std::string_view kPresence = "presence.schema.json";
constexpr std::string_view kManifest = "manifest.schema.json";

struct ProtocolSchemas {
    SchemaSet set;
    std::vector<std::string> eventTypes;
};

// Our own texts failing to load is a build defect, not an input error: stop with the reason.
[[noreturn]] void defect(const std::string& what) {
    std::fprintf(stderr, "frontdesk: the embedded sync schemas are broken: %s\n", what.c_str());
    std::abort();
}

ProtocolSchemas loadProtocolSchemas() {
    std::vector<nlohmann::json> documents;
    for (const SchemaText& text : protocolSchemaTexts()) {
        auto parsed = nlohmann::json::parse(text.text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) defect(std::string(text.name) + " is not JSON");
        if (!parsed.is_object() || parsed.value("$id", "") != text.name)
            defect(std::string(text.name) + " must have its file name as $id");
        documents.push_back(std::move(parsed));
    }
    auto set = SchemaSet::load(documents);
    if (!set.ok()) defect(set.status().message());
    // The envelope's "type" enum is the one list of event types; each must have its schema.
    std::vector<std::string> types;
    for (const auto& doc : documents) {
        if (doc["$id"] != kEnvelope) continue;
        const auto& names = doc["properties"]["type"]["enum"];
        for (const auto& name : names) types.push_back(name.get<std::string>());
    }
    for (const auto& type : types) {
        if (!set->contains(type + ".schema.json")) defect("event type " + type + " has no " + type + ".schema.json");
    }
    if (types.empty()) defect("envelope.schema.json lists no event types");
    return {std::move(set).value(), std::move(types)};
}

const ProtocolSchemas& loaded() {
    static const ProtocolSchemas schemas = loadProtocolSchemas();
    return schemas;
}

bool isEventType(const std::string& type) {
    const auto& types = loaded().eventTypes;
    return std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace

const SchemaSet& protocolSchemas() {
    return loaded().set;
}

const std::vector<std::string>& protocolEventTypes() {
    return loaded().eventTypes;
}

std::vector<SchemaViolation> eventViolations(const nlohmann::json& envelope, std::size_t limit) {
    const SchemaSet& set = protocolSchemas();
    auto found = set.violations(kEnvelope, envelope, limit);
    const auto type = envelope.is_object() ? envelope.find("type") : envelope.end();
    if (type == envelope.end() || !type->is_string() || found.size() >= limit) return found;
    const std::string& name = type->get_ref<const std::string&>();
    if (!isEventType(name)) {
        found.push_back({"/type", "unknown event type '" + core::excerpt(name) + "': its payload cannot be checked"});
        return found;
    }
    const auto payload = envelope.find("payload");
    if (payload == envelope.end() || !payload->is_object()) return found;  // the envelope schema said so
    for (auto& violation : set.violations(name + ".schema.json", *payload, limit - found.size())) {
        found.push_back({"/payload" + violation.path, std::move(violation.message)});
    }
    return found;
}

core::Status validateEvent(const nlohmann::json& envelope) {
    // The event-level check spans two schemas, so it composes the message SchemaSet::validate would.
    constexpr std::size_t kShown = 8;
    const auto found = eventViolations(envelope, kShown + 1);
    if (found.empty()) return {};
    std::string message = "event is not valid: ";
    for (std::size_t i = 0; i < found.size() && i < kShown; ++i) message += (i ? "; " : "") + found[i].toString();
    if (found.size() > kShown) message += "; and more";
    return core::invalidArgument(message);
}

core::Status validateAck(const nlohmann::json& ack) {
    return protocolSchemas().validate(kAck, ack, "ack");
}

core::Status validatePresence(const nlohmann::json& presence) {
    return protocolSchemas().validate(kPresence, presence, "presence message");
}

core::Status validateManifest(const nlohmann::json& manifest) {
    return protocolSchemas().validate(kManifest, manifest, "dataset manifest");
}

}  // namespace frontdesk::sync

#include "kiosk/quarantine.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/bounded_input.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using nlohmann::json;

namespace {

constexpr const char* kRemoved = "(removed: may be a secret)";

bool looksSecret(std::string key) {
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    constexpr std::array<std::string_view, 7> kWords = {"pin", "pass", "secret", "token", "hash", "credential", "key"};
    return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return key.find(w) != std::string::npos; });
}

// Deeper than `levels`? Recurses at most `levels` deep, so it is safe on any document.
bool deeperThan(const json& value, int levels) {
    if (!value.is_structured()) return false;
    if (levels == 0) return true;
    return std::any_of(value.begin(), value.end(), [&](const json& child) { return deeperThan(child, levels - 1); });
}

json scrubbed(const json& value) {
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            out[it.key()] = looksSecret(it.key()) ? json(kRemoved) : scrubbed(it.value());
        }
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto& child : value) out.push_back(scrubbed(child));
        return out;
    }
    return value;
}

}  // namespace

json Quarantine::safeCopy(const json& raw, Kind kind) {
    if (!raw.is_object()) return "(not an object: not kept, it might hold a secret)";
    if (deeperThan(raw, kMaxDepth)) return "(nested deeper than " + std::to_string(kMaxDepth) + " levels: not kept)";
    if (kind == Kind::Entry) return scrubbed(raw);
    // A staff entry is mostly credentials: keep only what identifies it.
    json kept = json::object();
    for (const char* field : {"id", "name", "role"}) {
        if (auto it = raw.find(field); it != raw.end() && it->is_string()) kept[field] = core::excerpt(it->get<std::string>(), 64);
    }
    if (raw.size() > kept.size()) kept["fields_not_kept"] = raw.size() - kept.size();
    return kept;
}

core::Status Quarantine::keep(const std::string& source, const std::string& key, const std::string& reason,
                              const json& raw, Kind kind) {
    const std::string text = jsonText(safeCopy(raw, kind));
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO quarantine (at, source, item_key, reason, raw)"
                                      " SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM quarantine"
                                      " WHERE source = ?2 AND item_key IS ?3 AND reason = ?4 AND raw = ?5)"));
    return stmt->bindAll(core::formatIso8601(m_clock.now()), source, core::excerpt(key, 64), reason, text).run();
}

}  // namespace frontdesk::kiosk

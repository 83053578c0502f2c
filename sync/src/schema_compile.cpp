#include "schema_compile.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "schema_pattern.h"
#include "schema_values.h"
#include "sync/schema.h"

namespace frontdesk::sync::detail {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// Where a schema object sits: its document's id and the JSON pointer to it there.
struct Where {
    std::string id;
    std::string pointer;

    std::string location() const { return id + "#" + pointer; }
    Where child(std::string_view keyword) const { return {id, pointer + "/" + pointerToken(keyword)}; }
    Where child(std::string_view keyword, std::string_view member) const {
        return {id, pointer + "/" + pointerToken(keyword) + "/" + pointerToken(member)};
    }
    Where child(std::string_view keyword, std::size_t index) const {
        return {id, pointer + "/" + pointerToken(keyword) + "/" + std::to_string(index)};
    }
};

Status malformed(const Where& at, std::string_view keyword, const std::string& what) {
    return core::invalidArgument(at.location() + ": " + std::string(keyword) + " " + what);
}

bool isCount(const json& value) {
    return value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0);
}

unsigned typeBitNamed(const json& name) {
    if (!name.is_string()) return 0;
    for (unsigned bit = kTypeNull; bit <= kTypeString; bit <<= 1) {
        if (name.get_ref<const std::string&>() == typeName(bit)) return bit;
    }
    return 0;
}

// %XX escapes of a URI fragment, so "#/%24defs/x" finds "#/$defs/x".
Result<std::string> percentDecoded(const std::string& text, const std::string& context) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            return core::invalidArgument(context + ": a '%' escape needs two hex digits");
        }
        decoded += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
        i += 2;
    }
    return decoded;
}

// "<id>#<pointer>" of what a "$ref" names: a relative document name resolves against the id of
// the document holding the ref, the way a relative URI does (same folder).
Result<std::string> refTarget(const std::string& ref, const std::string& baseId, const std::string& location) {
    const auto hash = ref.find('#');
    std::string document = ref.substr(0, hash);
    FD_ASSIGN(auto fragment, percentDecoded(hash == std::string::npos ? "" : ref.substr(hash + 1), location));
    if (!fragment.empty() && fragment[0] != '/') {
        return core::invalidArgument(location + ": $ref '" + ref +
                                     "' names an anchor: only JSON pointer fragments (#/...) are supported");
    }
    if (document.empty()) {
        document = baseId;
    } else if (document.find(':') == std::string::npos) {
        const auto slash = baseId.rfind('/');
        if (slash != std::string::npos) document = baseId.substr(0, slash + 1) + document;
    }
    return document + "#" + fragment;
}

class Compiler {
public:
    explicit Compiler(CompiledSchemas& out) : m_out(out) {}

    Status document(const json& doc);
    Status resolveRefs();
    Status refuseEmptyCycles();

private:
    using Handler = Status (Compiler::*)(SchemaNode&, std::string_view, const json&, const Where&);
    struct Keyword {
        std::string_view name;
        Handler handler;
    };
    static const std::array<Keyword, 23> kKeywords;

    Result<const SchemaNode*> schema(const json& s, const Where& at);
    Status onSchemaUri(SchemaNode&, std::string_view, const json&, const Where&);
    Status onId(SchemaNode&, std::string_view, const json&, const Where&);
    Status onRef(SchemaNode&, std::string_view, const json&, const Where&);
    Status onDefs(SchemaNode&, std::string_view, const json&, const Where&);
    Status onType(SchemaNode&, std::string_view, const json&, const Where&);
    Status onProperties(SchemaNode&, std::string_view, const json&, const Where&);
    Status onRequired(SchemaNode&, std::string_view, const json&, const Where&);
    Status onSubschema(SchemaNode&, std::string_view, const json&, const Where&);
    Status onCount(SchemaNode&, std::string_view, const json&, const Where&);
    Status onEnum(SchemaNode&, std::string_view, const json&, const Where&);
    Status onConst(SchemaNode&, std::string_view, const json&, const Where&);
    Status onPattern(SchemaNode&, std::string_view, const json&, const Where&);
    Status onBound(SchemaNode&, std::string_view, const json&, const Where&);
    Status onCombinator(SchemaNode&, std::string_view, const json&, const Where&);
    Status onText(SchemaNode&, std::string_view, const json&, const Where&);
    Status visit(const SchemaNode* node, std::unordered_map<const SchemaNode*, int>& state);

    CompiledSchemas& m_out;
    std::vector<std::pair<SchemaNode*, std::string>> m_refs;  // each "$ref" and its document's id
};

// One keyword a line: this table is the subset (docs/protocol.md lists it too).
// clang-format off
const std::array<Compiler::Keyword, 23> Compiler::kKeywords = {{
    {"$schema", &Compiler::onSchemaUri},
    {"$id", &Compiler::onId},
    {"$ref", &Compiler::onRef},
    {"$defs", &Compiler::onDefs},
    {"type", &Compiler::onType},
    {"properties", &Compiler::onProperties},
    {"required", &Compiler::onRequired},
    {"additionalProperties", &Compiler::onSubschema},
    {"items", &Compiler::onSubschema},
    {"minItems", &Compiler::onCount},
    {"maxItems", &Compiler::onCount},
    {"enum", &Compiler::onEnum},
    {"const", &Compiler::onConst},
    {"pattern", &Compiler::onPattern},
    {"minLength", &Compiler::onCount},
    {"maxLength", &Compiler::onCount},
    {"minimum", &Compiler::onBound},
    {"maximum", &Compiler::onBound},
    {"allOf", &Compiler::onCombinator},
    {"anyOf", &Compiler::onCombinator},
    {"oneOf", &Compiler::onCombinator},
    {"description", &Compiler::onText},
    {"title", &Compiler::onText},
}};
// clang-format on

Status Compiler::document(const json& doc) {
    const auto id = doc.is_object() ? doc.find("$id") : doc.end();
    if (!doc.is_object() || id == doc.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
        return core::invalidArgument("a schema document must be an object with a \"$id\" at its root");
    }
    const std::string& name = id->get_ref<const std::string&>();
    if (name.find('#') != std::string::npos) return core::invalidArgument("$id '" + name + "' may not have a fragment");
    if (std::find(m_out.ids.begin(), m_out.ids.end(), name) != m_out.ids.end()) {
        return core::invalidArgument("two schema documents have the $id '" + name + "'");
    }
    m_out.ids.push_back(name);
    return schema(doc, Where{name, ""}).status();
}

Result<const SchemaNode*> Compiler::schema(const json& s, const Where& at) {
    SchemaNode& node = m_out.nodes.emplace_back();
    node.location = at.location();
    m_out.locations.emplace(node.location, &node);
    if (s.is_boolean()) {
        node.always = s.get<bool>();
        return &node;
    }
    if (!s.is_object()) return core::invalidArgument(at.location() + ": a schema must be an object or a boolean");
    for (auto it = s.begin(); it != s.end(); ++it) {
        const auto keyword =
            std::find_if(kKeywords.begin(), kKeywords.end(), [&](const Keyword& k) { return k.name == it.key(); });
        if (keyword == kKeywords.end()) {
            return core::invalidArgument(at.location() + ": unsupported keyword '" + it.key() +
                                         "' (the validator implements only $schema $id $ref $defs type properties "
                                         "required additionalProperties items minItems maxItems enum const pattern "
                                         "minLength maxLength minimum maximum allOf anyOf oneOf description title)");
        }
        FD_TRY((this->*keyword->handler)(node, it.key(), it.value(), at));
    }
    if (node.pattern && (!node.maxLength || *node.maxLength > kMaxPatternLength)) {
        return malformed(at, "pattern",
                         "needs a sibling maxLength of at most " + std::to_string(kMaxPatternLength) +
                             ", so that no long string reaches the regex engine");
    }
    return &node;
}

Status Compiler::onSchemaUri(SchemaNode&, std::string_view keyword, const json& value, const Where& at) {
    if (!at.pointer.empty()) return malformed(at, keyword, "is allowed only at a document's root");
    if (value != kDraft202012) return malformed(at, keyword, std::string("must be \"") + kDraft202012 + "\"");
    return {};
}

Status Compiler::onId(SchemaNode&, std::string_view keyword, const json&, const Where& at) {
    // The root's $id was read by document(); embedded resources would need base-URI scoping.
    if (!at.pointer.empty()) return malformed(at, keyword, "is allowed only at a document's root");
    return {};
}

Status Compiler::onRef(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_string()) return malformed(at, keyword, "must be a string");
    node.refText = value.get<std::string>();
    m_refs.emplace_back(&node, at.id);
    return {};
}

Status Compiler::onDefs(SchemaNode&, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_object()) return malformed(at, keyword, "must be an object of schemas");
    for (auto it = value.begin(); it != value.end(); ++it)
        FD_TRY(schema(it.value(), at.child(keyword, it.key())).status());
    return {};
}

Status Compiler::onType(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    const json names = value.is_array() ? value : json::array({value});
    if (names.empty()) return malformed(at, keyword, "must name at least one type");
    for (const auto& name : names) {
        const unsigned bit = typeBitNamed(name);
        if (bit == 0) return malformed(at, keyword, "names an unknown type " + describe(name));
        if (node.types & bit) return malformed(at, keyword, "names " + describe(name) + " twice");
        node.types |= bit;
    }
    return {};
}

Status Compiler::onProperties(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_object()) return malformed(at, keyword, "must be an object of schemas");
    for (auto it = value.begin(); it != value.end(); ++it) {
        FD_ASSIGN(const SchemaNode* property, schema(it.value(), at.child(keyword, it.key())));
        node.properties.emplace(it.key(), property);
    }
    return {};
}

Status Compiler::onRequired(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_array()) return malformed(at, keyword, "must be an array of property names");
    for (const auto& name : value) {
        if (!name.is_string()) return malformed(at, keyword, "must hold strings only, not " + describe(name));
        if (std::find(node.required.begin(), node.required.end(), name.get<std::string>()) != node.required.end()) {
            return malformed(at, keyword, "names " + describe(name) + " twice");
        }
        node.required.push_back(name.get<std::string>());
    }
    return {};
}

Status Compiler::onSubschema(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    // Draft 2020-12's "items" is one schema for every item; the array form is prefixItems' now.
    FD_ASSIGN(const SchemaNode* sub, schema(value, at.child(keyword)));
    (keyword == "items" ? node.items : node.additionalProperties) = sub;
    return {};
}

Status Compiler::onCount(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!isCount(value)) return malformed(at, keyword, "must be a non-negative integer, not " + describe(value));
    const auto count = static_cast<std::size_t>(value.get<std::uint64_t>());
    if (keyword == "minItems") node.minItems = count;
    if (keyword == "maxItems") node.maxItems = count;
    if (keyword == "minLength") node.minLength = count;
    if (keyword == "maxLength") node.maxLength = count;
    return {};
}

Status Compiler::onEnum(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_array() || value.empty()) return malformed(at, keyword, "must be a non-empty array");
    node.enumValues = value;
    return {};
}

Status Compiler::onConst(SchemaNode& node, std::string_view, const json& value, const Where&) {
    node.constValue = value;
    return {};
}

Status Compiler::onPattern(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_string()) return malformed(at, keyword, "must be a string");
    auto compiled = compilePattern(value.get<std::string>());
    if (!compiled.ok()) return core::invalidArgument(at.location() + ": " + compiled.status().message());
    node.pattern = std::move(compiled).value();
    return {};
}

Status Compiler::onBound(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_number()) return malformed(at, keyword, "must be a number, not " + describe(value));
    (keyword == "minimum" ? node.minimum : node.maximum) = value;
    return {};
}

Status Compiler::onCombinator(SchemaNode& node, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_array() || value.empty()) return malformed(at, keyword, "must be a non-empty array of schemas");
    auto& list = keyword == "allOf" ? node.allOf : (keyword == "anyOf" ? node.anyOf : node.oneOf);
    for (std::size_t i = 0; i < value.size(); ++i) {
        FD_ASSIGN(const SchemaNode* branch, schema(value[i], at.child(keyword, i)));
        list.push_back(branch);
    }
    return {};
}

Status Compiler::onText(SchemaNode&, std::string_view keyword, const json& value, const Where& at) {
    if (!value.is_string()) return malformed(at, keyword, "must be a string");
    return {};
}

Status Compiler::resolveRefs() {
    for (auto& [node, baseId] : m_refs) {
        FD_ASSIGN(auto target, refTarget(node->refText, baseId, node->location));
        const auto found = m_out.locations.find(target);
        if (found == m_out.locations.end()) {
            return core::invalidArgument(node->location + ": $ref '" + node->refText +
                                         "' does not resolve: no schema at " + target);
        }
        node->ref = found->second;
    }
    return {};
}

// A schema reached again through $ref, allOf, anyOf or oneOf alone, without descending into a
// property or an item, would make validation recurse forever.
Status Compiler::visit(const SchemaNode* node, std::unordered_map<const SchemaNode*, int>& state) {
    int& mark = state[node];  // 0 new, 1 on the current path, 2 done
    if (mark == 2) return {};
    if (mark == 1) return core::invalidArgument(node->location + ": $ref cycle that never descends into the document");
    mark = 1;
    if (node->ref) FD_TRY(visit(node->ref, state));
    for (const auto* list : {&node->allOf, &node->anyOf, &node->oneOf}) {
        for (const SchemaNode* branch : *list) FD_TRY(visit(branch, state));
    }
    state[node] = 2;
    return {};
}

Status Compiler::refuseEmptyCycles() {
    std::unordered_map<const SchemaNode*, int> state;
    for (const SchemaNode& node : m_out.nodes) FD_TRY(visit(&node, state));
    return {};
}

}  // namespace

Status compileDocuments(const std::vector<json>& documents, CompiledSchemas& out) {
    Compiler compiler(out);
    for (const auto& doc : documents) FD_TRY(compiler.document(doc));
    FD_TRY(compiler.resolveRefs());
    FD_TRY(compiler.refuseEmptyCycles());
    std::sort(out.ids.begin(), out.ids.end());
    return {};
}

}  // namespace frontdesk::sync::detail

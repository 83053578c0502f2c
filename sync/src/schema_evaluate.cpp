#include "schema_evaluate.h"

#include <algorithm>

#include "core/bounded_input.h"
#include "schema_pattern.h"
#include "schema_values.h"

namespace frontdesk::sync::detail {

using nlohmann::json;

namespace {

// At most this many violations are collected per alternative of anyOf/oneOf: enough to rank
// them, and it bounds the work a hostile document can cause.
constexpr std::size_t kBranchLimit = 64;
// At most this many values are listed in an enum message.
constexpr std::size_t kEnumListed = 10;

// "1 character", "3 characters".
std::string counted(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

class Evaluation {
public:
    Evaluation(std::vector<SchemaViolation>& out, std::size_t limit) : m_out(out), m_limit(limit) {}

    bool full() const { return m_out.size() >= m_limit; }
    void add(const std::string& path, std::string message) {
        if (!full()) m_out.push_back({path, std::move(message)});
    }
    void run(const SchemaNode& node, const json& value, const std::string& path);

private:
    void type(const SchemaNode& node, const json& value, const std::string& path);
    void values(const SchemaNode& node, const json& value, const std::string& path);
    void object(const SchemaNode& node, const json& value, const std::string& path);
    void array(const SchemaNode& node, const json& value, const std::string& path);
    void string(const SchemaNode& node, const std::string& text, const std::string& path);
    void number(const SchemaNode& node, const json& value, const std::string& path);
    void combinators(const SchemaNode& node, const json& value, const std::string& path);
    void alternatives(const std::vector<const SchemaNode*>& branches, bool exactlyOne, const json& value,
                      const std::string& path);

    std::vector<SchemaViolation>& m_out;
    std::size_t m_limit;
};

void Evaluation::run(const SchemaNode& node, const json& value, const std::string& path) {
    if (full()) return;
    if (node.always) {
        if (!*node.always) add(path, "no value is allowed here");
        return;
    }
    type(node, value, path);
    values(node, value, path);
    if (node.ref) run(*node.ref, value, path);
    if (value.is_object()) object(node, value, path);
    if (value.is_array()) array(node, value, path);
    if (value.is_string()) string(node, value.get_ref<const std::string&>(), path);
    if (value.is_number()) number(node, value, path);
    combinators(node, value, path);
}

void Evaluation::type(const SchemaNode& node, const json& value, const std::string& path) {
    if (node.types == 0 || (typeBitsOf(value) & node.types)) return;
    const bool named = value.is_string() || value.is_number();  // "string '42'", "number 12.5"
    add(path, "expected " + typeNames(node.types) + ", got " + (named ? std::string(valueTypeName(value)) + " " : "") +
                  describe(value));
}

void Evaluation::values(const SchemaNode& node, const json& value, const std::string& path) {
    if (node.constValue && !jsonEqual(*node.constValue, value)) {
        add(path, "must be " + describe(*node.constValue) + ", not " + describe(value));
    }
    if (!node.enumValues) return;
    const json& allowed = *node.enumValues;
    if (std::any_of(allowed.begin(), allowed.end(), [&](const json& a) { return jsonEqual(a, value); })) return;
    std::string listed;
    for (std::size_t i = 0; i < allowed.size() && i < kEnumListed; ++i)
        listed += (i ? ", " : "") + describe(allowed[i]);
    if (allowed.size() > kEnumListed) listed += ", ...";
    add(path, describe(value) + " is not one of " + listed);
}

void Evaluation::object(const SchemaNode& node, const json& value, const std::string& path) {
    for (const auto& name : node.required) {
        if (!value.contains(name)) add(path, "missing required property '" + core::excerpt(name) + "'");
    }
    for (auto it = value.begin(); it != value.end() && !full(); ++it) {
        const std::string memberPath = path + "/" + pointerToken(it.key());
        const auto property = node.properties.find(it.key());
        if (property != node.properties.end()) {
            run(*property->second, it.value(), memberPath);
        } else if (node.additionalProperties && node.additionalProperties->always == false) {
            add(path, "unknown property '" + core::excerpt(it.key()) + "'");
        } else if (node.additionalProperties) {
            run(*node.additionalProperties, it.value(), memberPath);
        }
    }
}

void Evaluation::array(const SchemaNode& node, const json& value, const std::string& path) {
    const std::size_t size = value.size();
    if (node.minItems && size < *node.minItems) {
        add(path, "has " + counted(size, "item") + ", fewer than the minimum " + std::to_string(*node.minItems));
    }
    if (node.maxItems && size > *node.maxItems) {
        add(path, "has " + counted(size, "item") + ", more than the maximum " + std::to_string(*node.maxItems));
    }
    if (!node.items) return;
    for (std::size_t i = 0; i < size && !full(); ++i) run(*node.items, value[i], path + "/" + std::to_string(i));
}

void Evaluation::string(const SchemaNode& node, const std::string& text, const std::string& path) {
    const std::size_t length = codePoints(text);
    const std::string quoted = "'" + core::excerpt(text) + "'";
    if (node.minLength && length < *node.minLength) {
        add(path, quoted + " has " + counted(length, "character") + ", fewer than the minimum " +
                      std::to_string(*node.minLength));
    }
    if (node.maxLength && length > *node.maxLength) {
        add(path, quoted + " has " + counted(length, "character") + ", more than the maximum " +
                      std::to_string(*node.maxLength));
    }
    // std::regex recurses per character, so no long string may reach it. Load guarantees a
    // pattern a maxLength of at most kMaxPatternLength code points (4 bytes each at most): a
    // longer string was refused just above, and only its pattern violation goes unreported.
    if (!node.pattern || text.size() > 4 * kMaxPatternLength) return;
    auto found = searchPattern(*node.pattern, text);
    if (!found.ok()) {
        add(path, quoted + " could not be matched against " + node.pattern->source + ": " + found.status().message());
    } else if (!*found) {
        add(path, quoted + " does not match " + node.pattern->source);
    }
}

void Evaluation::number(const SchemaNode& node, const json& value, const std::string& path) {
    if (node.minimum && compareNumbers(value, *node.minimum) < 0) {
        add(path, describe(value) + " is less than the minimum " + describe(*node.minimum));
    }
    if (node.maximum && compareNumbers(value, *node.maximum) > 0) {
        add(path, describe(value) + " is greater than the maximum " + describe(*node.maximum));
    }
}

void Evaluation::combinators(const SchemaNode& node, const json& value, const std::string& path) {
    for (const SchemaNode* branch : node.allOf) run(*branch, value, path);
    if (!node.anyOf.empty()) alternatives(node.anyOf, false, value, path);
    if (!node.oneOf.empty()) alternatives(node.oneOf, true, value, path);
}

// Whether a branch accepts the value's type at all, following $refs: a branch that does not is
// the wrong alternative, however few other complaints it has.
bool typeFits(const SchemaNode* node, const json& value) {
    for (; node; node = node->ref) {
        if (node->always == false) return false;
        if (node->types != 0 && !(typeBitsOf(value) & node->types)) return false;
    }
    return true;
}

std::string branchName(const SchemaNode& branch, std::size_t index) {
    return "alternative " + std::to_string(index + 1) + (branch.refText.empty() ? "" : " (" + branch.refText + ")");
}

// anyOf and oneOf. When nothing matches, the violations of the nearest alternative follow the
// summary: for a card tender with a "pan", "unknown property 'pan'" says more than "matches
// neither the cash nor the card tender".
void Evaluation::alternatives(const std::vector<const SchemaNode*>& branches, bool exactlyOne, const json& value,
                              const std::string& path) {
    const char* keyword = exactlyOne ? "oneOf" : "anyOf";
    std::vector<std::vector<SchemaViolation>> found(branches.size());
    std::vector<std::size_t> matching;
    for (std::size_t i = 0; i < branches.size(); ++i) {
        Evaluation(found[i], kBranchLimit).run(*branches[i], value, path);
        if (found[i].empty()) matching.push_back(i);
    }
    if (matching.size() == 1 || (!exactlyOne && !matching.empty())) return;
    if (matching.size() > 1) {
        add(path, "matches " + branchName(*branches[matching[0]], matching[0]) + " and " +
                      branchName(*branches[matching[1]], matching[1]) + " of oneOf: exactly one must match");
        return;
    }
    auto rank = [&](std::size_t i) { return std::make_pair(typeFits(branches[i], value) ? 0 : 1, found[i].size()); };
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < branches.size(); ++i) {
        if (rank(i) < rank(nearest)) nearest = i;
    }
    add(path, "matches none of the " + std::to_string(branches.size()) + " alternatives of " + keyword +
                  "; the nearest is " + branchName(*branches[nearest], nearest) + ":");
    for (auto& violation : found[nearest]) add(violation.path, std::move(violation.message));
}

}  // namespace

void evaluate(const SchemaNode& node, const json& value, const std::string& path, std::vector<SchemaViolation>& out,
              std::size_t limit) {
    Evaluation(out, limit).run(node, value, path);
}

}  // namespace frontdesk::sync::detail

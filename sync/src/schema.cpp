#include "sync/schema.h"

#include "schema_compile.h"
#include "schema_evaluate.h"

namespace frontdesk::sync {

namespace {

// A failed validation names at most this many violations; the rest are counted.
constexpr std::size_t kViolationsInStatus = 8;

}  // namespace

std::string SchemaViolation::toString() const {
    return (path.empty() ? "(root)" : path) + ": " + message;
}

struct SchemaSet::Impl {
    detail::CompiledSchemas compiled;

    const detail::SchemaNode* find(std::string_view schema) const {
        const auto found = compiled.locations.find(
            schema.find('#') == std::string_view::npos ? std::string(schema) + "#" : std::string(schema));
        return found == compiled.locations.end() ? nullptr : found->second;
    }
};

SchemaSet::SchemaSet(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SchemaSet::SchemaSet(SchemaSet&&) noexcept = default;
SchemaSet& SchemaSet::operator=(SchemaSet&&) noexcept = default;
SchemaSet::~SchemaSet() = default;

core::Result<SchemaSet> SchemaSet::load(const std::vector<nlohmann::json>& documents) {
    auto impl = std::make_unique<Impl>();
    try {
        FD_TRY(detail::compileDocuments(documents, impl->compiled));
    } catch (const std::exception& e) {
        // nlohmann and std::regex throw only on what the checks above should have caught first.
        return core::Status(core::ErrorKind::Internal, std::string("loading schemas: ") + e.what());
    }
    return SchemaSet(std::move(impl));
}

bool SchemaSet::contains(std::string_view schema) const {
    return m_impl->find(schema) != nullptr;
}

std::vector<std::string> SchemaSet::ids() const {
    return m_impl->compiled.ids;
}

std::vector<SchemaViolation> SchemaSet::violations(std::string_view schema, const nlohmann::json& document,
                                                   std::size_t limit) const {
    std::vector<SchemaViolation> found;
    const detail::SchemaNode* node = m_impl->find(schema);
    if (!node) {
        found.push_back({"", "no schema '" + std::string(schema) + "' in this set"});
        return found;
    }
    try {
        detail::evaluate(*node, document, "", found, limit);
    } catch (const std::exception& e) {
        found.push_back({"", std::string("could not be checked: ") + e.what()});
    }
    return found;
}

core::Status SchemaSet::validate(std::string_view schema, const nlohmann::json& document, std::string_view what) const {
    const auto found = violations(schema, document, kViolationsInStatus + 1);
    if (found.empty()) return {};
    std::string message(what);
    message += " is not valid: ";
    for (std::size_t i = 0; i < found.size() && i < kViolationsInStatus; ++i) {
        message += (i ? "; " : "") + found[i].toString();
    }
    if (found.size() > kViolationsInStatus) message += "; and more";
    return core::invalidArgument(message);
}

}  // namespace frontdesk::sync

// SchemaSet on small inline schemas: each keyword of the subset, its message, JSON Schema's
// number and string semantics, and what load refuses (so the validator and ajv cannot disagree
// in silence).
#include <gtest/gtest.h>

#include "sync/schema.h"

namespace frontdesk::sync {
namespace {

using nlohmann::json;

// One document "t.json" with the given keywords.
SchemaSet one(json schema) {
    schema["$id"] = "t.json";
    auto set = SchemaSet::load({schema});
    if (!set.ok()) throw std::runtime_error(set.status().toString());
    return std::move(set).value();
}

std::vector<std::string> check(const SchemaSet& set, const json& document, std::string_view schema = "t.json") {
    std::vector<std::string> lines;
    for (const auto& v : set.violations(schema, document)) lines.push_back(v.toString());
    return lines;
}

using Lines = std::vector<std::string>;

std::string loadError(json schema) {
    if (!schema.contains("$id")) schema["$id"] = "t.json";
    auto set = SchemaSet::load({schema});
    return set.ok() ? "(loaded)" : set.status().message();
}

TEST(SchemaKeywords, TypeFollowsJsonSchemaNotTheJsonSpelling) {
    const auto integer = one({{"type", "integer"}});
    EXPECT_EQ(check(integer, 3), Lines{});
    EXPECT_EQ(check(integer, 3.0), Lines{});  // 1.0 is an integer (as in ajv)
    EXPECT_EQ(check(integer, json::parse("18446744073709551615")), Lines{});
    EXPECT_EQ(check(integer, 3.5), Lines{"(root): expected integer, got number 3.5"});
    EXPECT_EQ(check(integer, "3"), Lines{"(root): expected integer, got string '3'"});
    EXPECT_EQ(check(integer, nullptr), Lines{"(root): expected integer, got null"});
    const auto number = one({{"type", "number"}});
    EXPECT_EQ(check(number, 3), Lines{});
    EXPECT_EQ(check(number, 3.5), Lines{});
    const auto either = one({{"type", {"string", "null"}}});
    EXPECT_EQ(check(either, nullptr), Lines{});
    EXPECT_EQ(check(either, json::array({1, 2})), Lines{"(root): expected null or string, got an array of 2 items"});
    EXPECT_EQ(check(one({{"type", "object"}}), true), Lines{"(root): expected object, got true"});
}

TEST(SchemaKeywords, PropertiesRequiredAndAdditionalProperties) {
    const auto closed = one({{"type", "object"},
                             {"properties", {{"a", {{"type", "string"}}}, {"b/c", {{"type", "integer"}}}}},
                             {"required", {"a", "z"}},
                             {"additionalProperties", false}});
    EXPECT_EQ(check(closed, {{"a", "x"}, {"z", 1}}), Lines{"(root): unknown property 'z'"});
    EXPECT_EQ(check(closed, {{"b/c", "x"}}),
              (Lines{"(root): missing required property 'a'", "(root): missing required property 'z'",
                     "/b~1c: expected integer, got string 'x'"}));
    const auto typed = one({{"type", "object"}, {"additionalProperties", {{"type", "integer"}, {"minimum", 0}}}});
    EXPECT_EQ(check(typed, {{"catalog", 3}, {"staff", -1}}), Lines{"/staff: -1 is less than the minimum 0"});
    EXPECT_EQ(check(typed, "not an object"), Lines{"(root): expected object, got string 'not an object'"});
}

TEST(SchemaKeywords, ItemsAndTheirCount) {
    const auto list = one({{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}, {"maxItems", 2}});
    EXPECT_EQ(check(list, json::array()), Lines{"(root): has 0 items, fewer than the minimum 1"});
    EXPECT_EQ(check(list, {"a", 1, "c"}),
              (Lines{"(root): has 3 items, more than the maximum 2", "/1: expected string, got integer 1"}));
    EXPECT_EQ(check(one({{"items", false}}), {1}), Lines{"/0: no value is allowed here"});
}

TEST(SchemaKeywords, EnumAndConstCompareAsJsonSchemaDoes) {
    const auto constant = one({{"const", 1}});
    EXPECT_EQ(check(constant, 1.0), Lines{});
    EXPECT_EQ(check(constant, 2), Lines{"(root): must be 1, not 2"});
    EXPECT_EQ(check(constant, true), Lines{"(root): must be 1, not true"});
    const auto objects = one({{"enum", {{{"a", 1}, {"b", {1, 2}}}, "cash"}}});
    EXPECT_EQ(check(objects, json::parse(R"({"b": [1, 2.0], "a": 1})")), Lines{});
    EXPECT_EQ(check(objects, json::parse(R"({"b": [2, 1], "a": 1})")),
              Lines{"(root): an object is not one of an object, 'cash'"});
    EXPECT_EQ(check(objects, "card"), Lines{"(root): 'card' is not one of an object, 'cash'"});
}

TEST(SchemaKeywords, LengthsCountCodePointsAndPatternsSearchAsEcmaScript) {
    const auto name = one({{"type", "string"}, {"minLength", 2}, {"maxLength", 3}});
    EXPECT_EQ(check(name, "\xc3\xa9\xc3\xa9\xc3\xa9"), Lines{});  // 3 characters, 6 bytes
    EXPECT_EQ(check(name, "\xf0\x9f\x98\x80"),
              Lines{"(root): '\xf0\x9f\x98\x80' has 1 character, fewer than the minimum 2"});
    EXPECT_EQ(check(name, "abcd"), Lines{"(root): 'abcd' has 4 characters, more than the maximum 3"});
    const auto unanchored = one({{"type", "string"}, {"pattern", "[0-9]{3}"}, {"maxLength", 10}});
    EXPECT_EQ(check(unanchored, "ab123cd"), Lines{});
    EXPECT_EQ(check(unanchored, "ab12cd"), Lines{"(root): 'ab12cd' does not match [0-9]{3}"});
    const auto positive =
        one({{"type", "string"}, {"pattern", "^(?!0(\\.0+)?$)(0|[1-9][0-9]*)(\\.[0-9]+)?$"}, {"maxLength", 32}});
    EXPECT_EQ(check(positive, "0.375"), Lines{});
    EXPECT_EQ(check(positive, "0.0").size(), 1u);
    EXPECT_EQ(check(positive, "1e3").size(), 1u);
    EXPECT_EQ(check(positive, "\xc3\xa9").size(), 1u);
    EXPECT_EQ(check(positive, std::string(32, '1')), Lines{});
    EXPECT_EQ(check(positive, std::string(33, 'x')).size(), 2u);  // too long, and no match
    // A string past what any pattern's maxLength allows never reaches the regex engine (which
    // recurses per character): only its length is reported.
    EXPECT_EQ(check(positive, std::string(100000, 'x')).size(), 1u);
    const auto longest = one({{"type", "string"}, {"pattern", "^(0|[1-9][0-9]*)$"}, {"maxLength", kMaxPatternLength}});
    EXPECT_EQ(check(longest, std::string(kMaxPatternLength, '1')), Lines{});
}

TEST(SchemaKeywords, MinimumAndMaximumCompareExactlyAcrossRepresentations) {
    const auto bounded = one({{"type", "integer"}, {"minimum", -9007199254740991}, {"maximum", 9007199254740991}});
    EXPECT_EQ(check(bounded, json::parse("9007199254740991")), Lines{});
    EXPECT_EQ(check(bounded, json::parse("9007199254740992")),
              Lines{"(root): 9007199254740992 is greater than the maximum 9007199254740991"});
    EXPECT_EQ(check(bounded, json::parse("18446744073709551615")).size(), 1u);
    EXPECT_EQ(check(bounded, json::parse("-1e300")).size(), 1u);
    EXPECT_EQ(check(bounded, json::parse("1e300")).size(), 1u);
    const auto fraction = one({{"minimum", 0.5}, {"maximum", 10}});
    EXPECT_EQ(check(fraction, 0), Lines{"(root): 0 is less than the minimum 0.5"});
    EXPECT_EQ(check(fraction, 10.0), Lines{});
    EXPECT_EQ(check(fraction, 10.25), Lines{"(root): 10.25 is greater than the maximum 10"});
    EXPECT_EQ(check(fraction, "11"), Lines{});  // minimum and maximum apply to numbers only
}

TEST(SchemaKeywords, AllOfAnyOfOneOfAndTheNearestAlternative) {
    const auto set = SchemaSet::load({json{
        {"$id", "t.json"},
        {"$defs",
         {{"cash",
           {{"type", "object"},
            {"properties", {{"method", {{"const", "cash"}}}, {"amount", {{"type", "integer"}}}}},
            {"required", {"method", "amount"}},
            {"additionalProperties", false}}},
          {"card",
           {{"type", "object"},
            {"properties",
             {{"method", {{"const", "card"}}}, {"amount", {{"type", "integer"}}}, {"last4", {{"type", "string"}}}}},
            {"required", {"method", "amount", "last4"}},
            {"additionalProperties", false}}}}},
        {"oneOf", {{{"$ref", "#/$defs/cash"}}, {{"$ref", "#/$defs/card"}}}}}});
    ASSERT_TRUE(set.ok()) << set.status().toString();
    EXPECT_EQ(check(*set, {{"method", "cash"}, {"amount", 5}}), Lines{});
    EXPECT_EQ(
        check(*set, {{"method", "card"}, {"amount", 5}, {"last4", "4242"}, {"pan", "4242424242424242"}}),
        (Lines{"(root): matches none of the 2 alternatives of oneOf; the nearest is alternative 2 (#/$defs/card):",
               "(root): unknown property 'pan'"}));
    EXPECT_EQ(check(*set, nullptr).front(),
              "(root): matches none of the 2 alternatives of oneOf; the nearest is alternative 1 (#/$defs/cash):");

    const auto both = one({{"oneOf", {{{"type", "integer"}}, {{"type", "number"}}}}});
    EXPECT_EQ(check(both, 1.5), Lines{});
    EXPECT_EQ(check(both, 1),
              Lines{"(root): matches alternative 1 and alternative 2 of oneOf: exactly one must match"});
    const auto any = one({{"anyOf", {{{"type", "integer"}}, {{"type", "number"}}}}});
    EXPECT_EQ(check(any, 1), Lines{});
    EXPECT_EQ(check(any, "x").size(), 2u);
    const auto all = one({{"allOf", {{{"minimum", 1}}, {{"maximum", 3}}}}});
    EXPECT_EQ(check(all, 2), Lines{});
    EXPECT_EQ(check(all, 0), Lines{"(root): 0 is less than the minimum 1"});
}

TEST(SchemaKeywords, RefsResolveWithinAndAcrossDocumentsLikeRelativeUris) {
    const json common = {{"$id", "https://example.invalid/v1/common.json"},
                         {"$defs", {{"id", {{"type", "string"}, {"maxLength", 3}}}}}};
    const json envelope = {{"$id", "https://example.invalid/v1/envelope.json"},
                           {"type", "object"},
                           {"properties", {{"id", {{"$ref", "common.json#/%24defs/id"}}}, {"self", {{"$ref", "#"}}}}}};
    auto set = SchemaSet::load({envelope, common});
    ASSERT_TRUE(set.ok()) << set.status().toString();
    EXPECT_EQ(set->ids(), (std::vector<std::string>{"https://example.invalid/v1/common.json",
                                                    "https://example.invalid/v1/envelope.json"}));
    EXPECT_TRUE(set->contains("https://example.invalid/v1/common.json#/$defs/id"));
    EXPECT_FALSE(set->contains("common.json"));
    EXPECT_EQ(
        check(*set, {{"id", "abcd"}, {"self", {{"self", {{"id", 1}}}}}}, "https://example.invalid/v1/envelope.json"),
        (Lines{"/id: 'abcd' has 4 characters, more than the maximum 3",
               "/self/self/id: expected string, got integer 1"}));
    EXPECT_EQ(check(*set, "abcd", "https://example.invalid/v1/common.json#/$defs/id").size(), 1u);
    EXPECT_EQ(check(*set, 1, "nothing.json"), Lines{"(root): no schema 'nothing.json' in this set"});
}

TEST(SchemaKeywords, ViolationsStopAtTheLimitAndValidateSummarises) {
    const auto set = one({{"type", "array"}, {"items", {{"type", "string"}}}});
    EXPECT_EQ(set.violations("t.json", {1, 2, 3, 4}, 2).size(), 2u);
    const auto status = set.validate("t.json", json::array({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), "list");
    EXPECT_EQ(status.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(status.message().rfind("list is not valid: /0: expected string, got integer 1; /1: ", 0), 0u)
        << status.message();
    EXPECT_NE(status.message().find("; and more"), std::string::npos);
    EXPECT_TRUE(set.validate("t.json", {"a"}, "list").ok());
}

TEST(SchemaLoad, RefusesWhatItDoesNotImplement) {
    EXPECT_NE(loadError({{"type", "string"}, {"format", "uuid"}}).find("t.json#: unsupported keyword 'format'"),
              std::string::npos);
    EXPECT_NE(
        loadError({{"properties", {{"a", {{"if", true}}}}}}).find("t.json#/properties/a: unsupported keyword 'if'"),
        std::string::npos);
    EXPECT_NE(loadError({{"patternProperties", json::object()}}).find("unsupported keyword 'patternProperties'"),
              std::string::npos);
    EXPECT_NE(loadError({{"items", json::array({json{{"type", "string"}}})}})
                  .find("t.json#/items: a schema must be an object or a boolean"),
              std::string::npos);
    EXPECT_NE(loadError({{"$schema", "http://json-schema.org/draft-07/schema#"}}).find("$schema must be"),
              std::string::npos);
    EXPECT_NE(loadError({{"$defs", {{"x", {{"$id", "x.json"}}}}}})
                  .find("t.json#/$defs/x: $id is allowed only at a document's root"),
              std::string::npos);
    EXPECT_NE(loadError({{"type", "int"}}).find("type names an unknown type 'int'"), std::string::npos);
    EXPECT_NE(loadError({{"minLength", -1}}).find("minLength must be a non-negative integer, not -1"),
              std::string::npos);
    EXPECT_NE(loadError({{"enum", json::array()}}).find("enum must be a non-empty array"), std::string::npos);
    EXPECT_NE(loadError({{"required", {"a", "a"}}}).find("required names 'a' twice"), std::string::npos);
    EXPECT_NE(loadError({{"type", "string"}}).find("(loaded)"), std::string::npos);
}

TEST(SchemaLoad, RefusesRefsThatDoNotResolve) {
    EXPECT_NE(loadError({{"$ref", "#/$defs/missing"}})
                  .find("t.json#: $ref '#/$defs/missing' does not resolve: no schema at t.json#/$defs/missing"),
              std::string::npos);
    EXPECT_NE(loadError({{"properties", {{"a", {{"$ref", "other.json#/$defs/x"}}}}}})
                  .find("t.json#/properties/a: $ref 'other.json#/$defs/x' does not resolve"),
              std::string::npos);
    EXPECT_NE(loadError({{"$ref", "#/required"}, {"required", {"a"}}}).find("does not resolve"), std::string::npos);
    EXPECT_NE(loadError({{"$ref", "#money"}}).find("names an anchor"), std::string::npos);
    EXPECT_NE(
        loadError({{"$defs",
                    {{"a", {{"$ref", "#/$defs/b"}}}, {"b", {{"allOf", json::array({json{{"$ref", "#/$defs/a"}}})}}}}}})
            .find("$ref cycle that never descends into the document"),
        std::string::npos);
    // Through a property it does descend: a recursive shape is fine.
    EXPECT_EQ(loadError({{"properties", {{"child", {{"$ref", "#"}}}}}}), "(loaded)");
}

TEST(SchemaLoad, RefusesDocumentsItCannotAddress) {
    auto noId = SchemaSet::load({json{{"type", "string"}}});
    EXPECT_NE(noId.status().message().find("a schema document must be an object with a \"$id\""), std::string::npos);
    auto twice = SchemaSet::load({json{{"$id", "a.json"}}, json{{"$id", "a.json"}}});
    EXPECT_NE(twice.status().message().find("two schema documents have the $id 'a.json'"), std::string::npos);
}

TEST(SchemaLoad, RefusesPatternsThatCouldMatchDifferentlyThanInEcmaScript) {
    auto refused = [](const char* pattern) {
        return loadError({{"type", "string"}, {"pattern", pattern}, {"maxLength", 10}});
    };
    EXPECT_NE(refused("^a.c$").find("uses '.'"), std::string::npos);
    EXPECT_NE(refused("^[^,]+$").find("negated class"), std::string::npos);
    EXPECT_NE(refused("^\\s+$").find("uses \\s"), std::string::npos);
    EXPECT_NE(refused("^\\u00e9$").find("uses \\u"), std::string::npos);
    EXPECT_NE(refused("^(a)\\1$").find("uses \\1"), std::string::npos);
    EXPECT_NE(refused("^(?<=a)b$").find("lookbehind"), std::string::npos);
    EXPECT_NE(refused("^[[:alpha:]]$").find("unescaped '['"), std::string::npos);
    EXPECT_NE(refused("^\xc3\xa9$").find("outside printable ASCII"), std::string::npos);
    EXPECT_NE(refused("^(ab$").find("is not a valid regular expression"), std::string::npos);
    EXPECT_EQ(refused("^(?!0$)[a-z0-9_./\\-]{1,3}\\.[0-9]$"), "(loaded)");
    EXPECT_NE(
        loadError({{"type", "string"}, {"pattern", "^a$"}}).find("pattern needs a sibling maxLength of at most 1024"),
        std::string::npos);
    EXPECT_NE(loadError({{"type", "string"}, {"pattern", "^a$"}, {"maxLength", 1025}})
                  .find("pattern needs a sibling maxLength"),
              std::string::npos);
}

}  // namespace
}  // namespace frontdesk::sync

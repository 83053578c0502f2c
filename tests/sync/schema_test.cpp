// The protocol's schemas (sync/schema/) against what the engine really writes, every event type
// of kiosk::kEventTypes from real tills, and against the checked-in invalid corpus; and that the
// schemas compiled into the binary are exactly the files of sync/schema/.
#include "sync/schema.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "kiosk/events.h"
#include "schema_corpus.h"
#include "testing/terminal.h"

namespace frontdesk::sync {
namespace {

using nlohmann::json;
using testing::engineEvents;

std::string listed(const std::vector<SchemaViolation>& violations) {
    std::string text;
    for (const auto& v : violations) text += "\n  " + v.toString();
    return text.empty() ? "\n  (none)" : text;
}

const json& firstOfType(const std::string& type) {
    for (const auto& event : engineEvents()) {
        if (event["type"] == type) return event;
    }
    throw std::runtime_error("no " + type + " event in the corpus");
}

TEST(ProtocolSchemas, TheBinaryHoldsExactlyTheSchemaFilesAndTheyLoad) {
    const std::filesystem::path dir = FRONTDESK_SYNC_SCHEMA_DIR;
    std::set<std::string> onDisk;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) onDisk.insert(entry.path().filename().string());
    std::set<std::string> embedded;
    for (const SchemaText& text : protocolSchemaTexts()) {
        embedded.insert(std::string(text.name));
        EXPECT_EQ(text.text, kiosk::testing::readFileBytes(dir / text.name))
            << text.name << " differs from the build's copy";
    }
    EXPECT_EQ(embedded, onDisk);
    const auto ids = protocolSchemas().ids();
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), onDisk);
}

TEST(ProtocolSchemas, EventTypesAreTheEnginesEventTypesEachWithItsSchema) {
    std::vector<std::string> engine;
    for (auto type : kiosk::kEventTypes) engine.emplace_back(kiosk::eventTypeName(type));
    EXPECT_EQ(protocolEventTypes(), engine);
    for (const auto& type : engine) EXPECT_TRUE(protocolSchemas().contains(type + ".schema.json")) << type;
}

TEST(ProtocolSchemas, EveryEventTheEngineWritesIsValidAndEveryTypeOccurs) {
    std::set<std::string> seen;
    for (const auto& event : engineEvents()) {
        const auto violations = eventViolations(event);
        EXPECT_TRUE(violations.empty()) << event["terminal"] << " seq " << event["seq"] << " (" << event["type"]
                                        << "):" << listed(violations) << "\n"
                                        << event.dump();
        EXPECT_TRUE(validateEvent(event).ok());
        seen.insert(event["type"].get<std::string>());
    }
    for (auto type : kiosk::kEventTypes) {
        EXPECT_TRUE(seen.count(std::string(kiosk::eventTypeName(type)))) << "no " << kiosk::eventTypeName(type);
    }
}

// The optional and nullable shapes the schemas allow each occur in the corpus, so that the test
// above checks them against the engine and not only against the schema's author.
TEST(ProtocolSchemas, TheEngineCorpusHoldsEveryShapeThatVaries) {
    auto any = [](auto&& predicate) {
        const auto& events = engineEvents();
        return std::any_of(events.begin(), events.end(),
                           [&](const json& e) { return predicate(e["type"], e["payload"]); });
    };
    auto tenderWith = [](const json& p, const char* field) {
        return std::any_of(p["tenders"].begin(), p["tenders"].end(), [&](const json& t) { return t.contains(field); });
    };
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.completed" && p.contains("approved_by"); }));
    EXPECT_TRUE(
        any([](const json& t, const json& p) { return t == "sale.completed" && p.contains("age_checked_by"); }));
    EXPECT_TRUE(any(
        [](const json& t, const json& p) { return t == "sale.completed" && p["lines"][0].contains("approved_by"); }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "sale.completed" && p["lines"][0].value("approved_by", "").find(',') != std::string::npos;
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.completed" && p["tenders"].empty(); }));
    EXPECT_TRUE(any([&](const json& t, const json& p) { return t == "sale.completed" && tenderWith(p, "last4"); }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.completed" && p["totals"]["rounding"] < 0; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.completed" && p["totals"]["rounding"] > 0; }));
    EXPECT_TRUE(
        any([&](const json& t, const json& p) { return t == "sale.refunded" && tenderWith(p, "original_ref"); }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.refunded" && p["original_sale"].is_null(); }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.refunded" && !p.contains("reason"); }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.refunded" && p.contains("approved_by"); }));
    for (const char* type : {"sale.completed", "sale.refunded"}) {
        for (const char* field : {"customer", "member"}) {
            EXPECT_TRUE(any([&](const json& t, const json& p) { return t == type && p.contains(field); }))
                << type << " " << field;
            EXPECT_TRUE(any([&](const json& t, const json& p) { return t == type && !p.contains(field); }))
                << type << " " << field;
        }
    }
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "sale.refunded" && p["original_sale"].is_null() && p.contains("customer");
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "checkin.recorded" && p["outcome"] == "admitted" && p.contains("booking") && p.contains("customer");
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "checkin.recorded" && p["outcome"] == "admitted" && !p.contains("booking") && p.contains("member");
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "checkin.recorded" && p["outcome"] == "refused" && p.contains("member") && p.contains("reason");
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "checkin.recorded" && !p.contains("booking") && !p.contains("member") && !p.contains("customer");
    }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "checkin.recorded" && p["direction"] == "out"; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "visitor.in" && p["blocked"] == true; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "visitor.in" && p["blocked"] == false; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "visitor.in" && p["company"] == ""; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "queue.ticket" && p["state"] == "called"; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "queue.ticket" && p["service"] == ""; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.voided" && p["approved_by"] == ""; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "sale.voided" && !p["reversed"].empty(); }));
    EXPECT_TRUE(any([](const json& t, const json& p) {
        return t == "sale.voided" && p["cart"]["lines"][0]["discount"].is_object();
    }));
    EXPECT_TRUE(
        any([](const json& t, const json& p) { return t == "sale.voided" && p["cart"]["discount"].is_null(); }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "cash.moved" && p["approved_by"] == ""; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "cash.moved" && p["kind"] == "paid_out"; }));
    EXPECT_TRUE(any([](const json& t, const json& p) { return t == "drawer.opened" && p["approved_by"] == ""; }));
}

TEST(ProtocolSchemas, EveryInvalidDocumentIsRefusedNamingThePath) {
    const auto corpus = testing::invalidCorpus();
    ASSERT_GE(corpus.size(), 13u);
    for (const auto& doc : corpus) {
        const auto violations = testing::violationsOf(doc.kind, doc.document);
        const bool named = std::any_of(violations.begin(), violations.end(), [&](const SchemaViolation& v) {
            return v.path == doc.path && v.message.find(doc.message) != std::string::npos;
        });
        EXPECT_TRUE(named) << doc.file << ": expected " << (doc.path.empty() ? "(root)" : doc.path) << ": ..."
                           << doc.message << "...; got:" << listed(violations);
    }
}

TEST(ProtocolSchemas, ValidateFunctionsSayWhatIsWrongWhere) {
    json event = firstOfType("cash.moved");
    event["seq"] = 0;
    event["payload"]["amount"] = 12.5;
    const auto status = validateEvent(event);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(status.message().find("/seq: 0 is less than the minimum 1"), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("/payload/amount: expected integer, got number 12.5"), std::string::npos)
        << status.message();

    event = firstOfType("cash.moved");
    event["type"] = "sale.exploded";
    EXPECT_NE(validateEvent(event).message().find("/type: unknown event type 'sale.exploded'"), std::string::npos);

    const std::string id = firstOfType("sale.completed")["id"];
    EXPECT_TRUE(validateAck({{"upto", 3}, {"accepted", {id}}, {"rejected", json::array()}}).ok());
    EXPECT_TRUE(validateAck({{"upto", 0},
                             {"accepted", json::array()},
                             {"rejected", {{{"id", id}, {"seq", 1}, {"reason", "unknown tax code VAT99"}}}}})
                    .ok());
    EXPECT_NE(
        validateAck({{"upto", 3}, {"accepted", {id}}}).message().find("(root): missing required property 'rejected'"),
        std::string::npos);

    EXPECT_TRUE(validatePresence({{"online", true},
                                  {"bdseq", 4},
                                  {"since", "2026-11-27T08:00:00.000Z"},
                                  {"version", "0.1.0"},
                                  {"outbox", 12},
                                  {"datasets", {{"catalog", 7}, {"staff", 2}}}})
                    .ok());
    EXPECT_TRUE(validatePresence({{"online", false}, {"bdseq", 4}}).ok());
    EXPECT_NE(validatePresence({{"online", false}}).message().find("missing required property 'bdseq'"),
              std::string::npos);
}

// A decision: JSON Schema (and ajv) call 500.0 an integer, so the validator does too. Any reader
// that converts it gets exactly 500, since the bounds keep every integer within 2^53.
TEST(ProtocolSchemas, AnIntegralNumberWrittenWithAFractionIsAnInteger) {
    json event = firstOfType("cash.moved");
    event["payload"]["amount"] = 500.0;
    EXPECT_TRUE(eventViolations(event).empty()) << listed(eventViolations(event));
    event["payload"]["amount"] = 500.5;
    EXPECT_FALSE(eventViolations(event).empty());
}

}  // namespace
}  // namespace frontdesk::sync

// ajv 8 (tests/sync/ajv, pinned by its package-lock.json, installed by scripts/install-deps) and
// the C++ validator give the same verdict on every document: the engine's valid corpus, the
// checked-in invalid corpus, and the documents that test a decision (1.0 is an integer). One run
// of node checks them all.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "schema_corpus.h"
#include "sync/schema.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::sync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::DocumentKind;

struct Document {
    DocumentKind kind = DocumentKind::Event;
    json body;
    bool valid = false;  // the verdict the corpus expects
};

struct AjvVerdict {
    bool valid = false;
    json errors;
};

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

// The engine corpus's first event of a type.
const json& firstEngineEvent(const char* type) {
    const auto& events = testing::engineEvents();
    const auto found = std::find_if(events.begin(), events.end(), [&](const json& e) { return e["type"] == type; });
    if (found == events.end()) throw std::runtime_error(std::string("no ") + type + " event in the engine corpus");
    return *found;
}

// Everything both validators are asked about, by file name (<kind>--<name>.json).
std::map<std::string, Document> documents() {
    std::map<std::string, Document> docs;
    for (const auto& event : testing::engineEvents()) {
        const std::string name = "event--engine-" + event["terminal"].get<std::string>() + "-" +
                                 std::to_string(event["seq"].get<std::int64_t>()) + ".json";
        docs[name] = {DocumentKind::Event, event, true};
    }
    for (auto& doc : testing::invalidCorpus()) docs[doc.file] = {doc.kind, std::move(doc.document), false};
    json integral = firstEngineEvent("shift.opened");
    integral["seq"] = 1.0;
    integral["payload"]["float"] = 10000.0;
    docs["event--decision-integral-float.json"] = {DocumentKind::Event, integral, true};
    docs["presence--decision-birth.json"] = {DocumentKind::Presence,
                                             {{"online", true},
                                              {"bdseq", 0},
                                              {"since", "2026-11-27T08:00:00.000Z"},
                                              {"version", "0.1.0"},
                                              {"outbox", 0},
                                              {"datasets", json::object()}},
                                             true};
    docs["manifest--decision-one-chunk.json"] = {DocumentKind::Manifest,
                                                 {{"dataset", "catalog"},
                                                  {"version", 9007199254740991},
                                                  {"size", 1},
                                                  {"sha256", std::string(64, '0')},
                                                  {"chunk_size", 1024},
                                                  {"chunks", {std::string(64, 'f')}}},
                                                 true};
    docs["ack--decision-empty.json"] = {
        DocumentKind::Ack, {{"upto", 0}, {"accepted", json::array()}, {"rejected", json::array()}}, true};
    // Lengths are code points: 200 of them is a reason's limit whether each takes 2 or 4 bytes
    // in UTF-8 (and 1 or 2 UTF-16 units in JavaScript).
    const auto withReason = [](const std::string& unit, int times) {
        json event = firstEngineEvent("cash.moved");
        std::string reason;
        for (int i = 0; i < times; ++i) reason += unit;
        event["payload"]["reason"] = reason;
        return event;
    };
    docs["event--decision-reason-200-two-byte-characters.json"] = {DocumentKind::Event, withReason("\xc3\xa9", 200),
                                                                   true};
    docs["event--decision-reason-200-astral-characters.json"] = {DocumentKind::Event,
                                                                 withReason("\xf0\x9f\x98\x80", 200), true};
    docs["event--decision-reason-201-characters.json"] = {DocumentKind::Event, withReason("\xc3\xa9", 201), false};
    json nonAscii = withReason("x", 1);
    nonAscii["store"] = "s\xc3\xa9";
    docs["event--decision-store-non-ascii.json"] = {DocumentKind::Event, nonAscii, false};
    return docs;
}

// Runs validate.mjs once over `dir`; fails the test (never skips) when ajv or node is missing.
std::map<std::string, AjvVerdict> runAjv(const fs::path& dir, const fs::path& errors) {
    const fs::path ajv = FRONTDESK_AJV_DIR;
    std::map<std::string, AjvVerdict> verdicts;
    if (!fs::exists(ajv / "node_modules" / "ajv" / "package.json")) {
        ADD_FAILURE() << "ajv is not installed in " << (ajv / "node_modules")
                      << ": run scripts/install-deps (it runs npm ci in tests/sync/ajv)";
        return verdicts;
    }
    const std::string command = "node " + quoted(ajv / "validate.mjs") + " " + quoted(FRONTDESK_SYNC_SCHEMA_DIR) + " " +
                                quoted(dir) + " 2>" + quoted(errors);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "cannot run " << command;
        return verdicts;
    }
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = pclose(pipe);
    if (status != 0) {
        ADD_FAILURE() << command << " failed (status " << status << "; node comes with scripts/install-deps):\n"
                      << kiosk::testing::readFileBytes(errors);
        return verdicts;
    }
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        const json verdict = json::parse(line);
        verdicts[verdict["file"].get<std::string>()] = {verdict["valid"].get<bool>(), verdict["errors"]};
    }
    return verdicts;
}

std::string verdictOf(const std::vector<SchemaViolation>& violations) {
    std::string text;
    for (const auto& v : violations) text += "\n    " + v.toString();
    return text;
}

TEST(AjvAgreement, AjvAndTheValidatorGiveTheSameVerdictOnEveryDocument) {
    kiosk::testing::TempDir temp;
    const fs::path dir = temp.path() / "documents";
    fs::create_directory(dir);
    const auto docs = documents();
    for (const auto& [file, doc] : docs) std::ofstream(dir / file) << doc.body.dump(2);

    const auto verdicts = runAjv(dir, temp.path() / "node.stderr");
    if (verdicts.empty()) return;  // runAjv said why
    EXPECT_EQ(verdicts.size(), docs.size());
    for (const auto& [file, doc] : docs) {
        const auto ajv = verdicts.find(file);
        ASSERT_NE(ajv, verdicts.end()) << "ajv gave no verdict on " << file;
        const auto violations = testing::violationsOf(doc.kind, doc.body);
        EXPECT_EQ(ajv->second.valid, violations.empty())
            << file << ": ajv says " << (ajv->second.valid ? "valid" : "invalid") << " " << ajv->second.errors.dump()
            << "; the C++ validator:" << (violations.empty() ? " valid" : verdictOf(violations));
        EXPECT_EQ(ajv->second.valid, doc.valid)
            << file << " should be " << (doc.valid ? "valid" : "invalid") << ": " << ajv->second.errors.dump();
    }
}

}  // namespace
}  // namespace frontdesk::sync

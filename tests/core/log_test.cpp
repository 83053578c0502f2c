// Structured logging: the two line formats, levels, a log file, and secrets never written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/log.h"

namespace frontdesk::core::log {
namespace {

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Log, TextLinesCarryTimeLevelComponentMessageAndFields) {
    EXPECT_EQ(formatLine(Format::Text, Level::Warn, "sync.relay", "connection lost",
                         {{"broker", "127.0.0.1:1883"}, {"why", "connect failed (code 5)"}}, "2026-12-01T08:00:00.000Z"),
              "2026-12-01T08:00:00.000Z warn sync.relay connection lost broker=127.0.0.1:1883 "
              "why=\"connect failed (code 5)\"");
    EXPECT_EQ(formatLine(Format::Text, Level::Info, "c", "m", {{"empty", ""}}, "T"), "T info c m empty=\"\"");
}

TEST(Log, JsonLinesAreOneObjectEach) {
    const auto line = formatLine(Format::JsonLines, Level::Error, "kiosk.master_data", "catalog refused",
                                 {{"version", "8"}, {"reason", "chunk 3 \"bad\"\nnext"}}, "2026-12-01T08:00:00.000Z");
    EXPECT_EQ(line.find('\n'), std::string::npos);
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["at"], "2026-12-01T08:00:00.000Z");
    EXPECT_EQ(j["level"], "error");
    EXPECT_EQ(j["component"], "kiosk.master_data");
    EXPECT_EQ(j["msg"], "catalog refused");
    EXPECT_EQ(j["version"], "8");
    EXPECT_EQ(j["reason"], "chunk 3 \"bad\"\nnext");
}

TEST(Log, AFieldThatMayHoldASecretIsNeverWritten) {
    for (const char* name : {"password", "Password", "broker_password", "pin", "pin_hash", "token", "secret",
                             "credentials", "pan", "track2", "card_number", "cvv"}) {
        EXPECT_TRUE(isSecretField(name)) << name;
        for (Format format : {Format::Text, Format::JsonLines}) {
            const auto line = formatLine(format, Level::Info, "c", "m", {{name, "hunter2-4111111111111111"}}, "T");
            EXPECT_EQ(line.find("hunter2"), std::string::npos) << line;
            EXPECT_NE(line.find("[redacted]"), std::string::npos) << line;
        }
    }
    for (const char* name : {"broker", "terminal", "seq", "reason", "version"}) EXPECT_FALSE(isSecretField(name)) << name;
}

TEST(Log, AConfiguredFileGetsTheLinesAtOrAboveItsLevel) {
    const auto path = std::filesystem::temp_directory_path() / ("frontdesk-log-test-" + std::to_string(::getpid()) + ".log");
    std::filesystem::remove(path);
    ASSERT_TRUE(configure({Level::Warn, Format::JsonLines, path.string()}).ok());
    info("test", "not written");
    warn("test", "written", {{"n", "1"}});
    error("test", "also written", {{"password", "hunter2"}});
    ASSERT_TRUE(configure({}).ok());  // back to stderr, info, text
    const auto text = readAll(path);
    std::filesystem::remove(path);
    EXPECT_EQ(text.find("not written"), std::string::npos) << text;
    EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
    std::istringstream lines(text);
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_EQ(j["component"], "test");
    }
    EXPECT_EQ(count, 2);
    EXPECT_FALSE(parseLevel("verbose").ok());
    EXPECT_EQ(*parseLevel("debug"), Level::Debug);
}

TEST(Log, ALogFileThatCannotBeOpenedIsAClearError) {
    // Its folder is a file: not even root can create it.
    const auto file = std::filesystem::temp_directory_path() / ("frontdesk-log-test-" + std::to_string(::getpid()));
    std::ofstream(file) << "a file";
    const auto path = (file / "frontdesk.log").string();
    Status refused = configure({Level::Info, Format::Text, path});
    std::filesystem::remove(file);
    EXPECT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find(path), std::string::npos) << refused.message();
}

}  // namespace
}  // namespace frontdesk::core::log

// frontdesk-tool broker ...: exit codes (0 ok, 1 refused with one line, 2 usage) and what it prints.
#include <filesystem>

#include <gtest/gtest.h>

#include "testing/child_process.h"
#include "testing/temp_dir.h"

namespace frontdesk::sync {
namespace {

using testing::CommandResult;

CommandResult tool(std::vector<std::string> args) {
    args.insert(args.begin(), FRONTDESK_TOOL_BIN);
    return testing::runCommand(std::move(args));
}

std::size_t lineCount(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(BrokerTool, InitAddAndRemoveSayWhatTheyWrote) {
    kiosk::testing::TempDir temp;
    const std::string dir = temp.file("broker");
    const auto init =
        tool({"broker", "init", "--store", "s1", "--terminals", "t1,t2", "--port", "18830", "--out", dir});
    ASSERT_EQ(init.exitCode, 0) << init.output;
    for (const char* file : {"mosquitto.conf", "passwd", "acl", "credentials.json"}) {
        EXPECT_NE(init.output.find("wrote " + dir + "/" + file + "\n"), std::string::npos) << init.output;
    }
    const auto add = tool({"broker", "add-terminal", "--dir", dir, "--terminal", "t3"});
    EXPECT_EQ(add.exitCode, 0) << add.output;
    EXPECT_NE(add.output.find("wrote " + dir + "/passwd"), std::string::npos) << add.output;
    EXPECT_NE(add.output.find("kill -HUP"), std::string::npos) << add.output;
    const auto remove = tool({"broker", "remove-terminal", "--dir", dir, "--terminal", "t2"});
    EXPECT_EQ(remove.exitCode, 0) << remove.output;
}

TEST(BrokerTool, RefusalsExitWithOneAndOneLine) {
    kiosk::testing::TempDir temp;
    const std::string dir = temp.file("broker");
    ASSERT_EQ(tool({"broker", "init", "--store", "s1", "--terminals", "t1", "--out", dir}).exitCode, 0);
    const std::vector<std::pair<std::vector<std::string>, std::string>> refusals = {
        {{"broker", "init", "--store", "s1", "--terminals", "t1", "--out", dir}, "is not empty"},
        {{"broker", "init", "--store", "S1", "--terminals", "t1", "--out", temp.file("other")}, "'S1'"},
        {{"broker", "init", "--store", "s1", "--terminals", "t1,t1", "--out", temp.file("other")}, "listed twice"},
        {{"broker", "init", "--store", "s1", "--terminals", "t1", "--port", "0", "--out", temp.file("other")},
         "port must be from 1 to 65535: 0"},
        {{"broker", "add-terminal", "--dir", dir, "--terminal", "t1"}, "'t1' is already"},
        {{"broker", "remove-terminal", "--dir", dir, "--terminal", "t9"}, "'t9' is not"},
        {{"broker", "add-terminal", "--dir", temp.file("nothing"), "--terminal", "t2"}, "not a broker directory"},
    };
    for (const auto& [args, why] : refusals) {
        const auto result = tool(args);
        EXPECT_EQ(result.exitCode, 1) << why << ": " << result.output;
        EXPECT_EQ(lineCount(result.output), 1u) << result.output;
        EXPECT_NE(result.output.find(why), std::string::npos) << result.output;
    }
    EXPECT_EQ(tool({"broker", "init", "--store", "s1", "--terminals", "t1", "--out", dir, "--force"}).exitCode, 0);
}

TEST(BrokerTool, UsageErrorsExitWithTwo) {
    kiosk::testing::TempDir temp;
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {},
             {"broker"},
             {"broker", "frobnicate"},
             {"broker", "init", "--terminals", "t1", "--out", temp.file("b")},
             {"broker", "init", "--store", "s1", "--terminals", "t1", "--out", temp.file("b"), "--tls"},
             {"broker", "init", "--store", "s1", "--terminals", "t1", "--out", temp.file("b"), "--port", "x"},
             {"broker", "add-terminal", "--dir", temp.file("b")},
         }) {
        const auto result = tool(args);
        EXPECT_EQ(result.exitCode, 2) << result.output;
    }
    EXPECT_FALSE(std::filesystem::exists(temp.file("b")));
    EXPECT_EQ(tool({"--help"}).exitCode, 0);
}

}  // namespace
}  // namespace frontdesk::sync

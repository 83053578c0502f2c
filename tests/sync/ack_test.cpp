#include "sync/ack.h"

#include <gtest/gtest.h>

#include <string>

namespace frontdesk::sync {
namespace {

TEST(Ack, RoundTrips) {
    const Ack ack{42, {"0193a0c2-7b1e-7c3a-9f00-1b2c3d4e5f60"}, {{"0193a0c2-7b1e-7c3a-9f00-1b2c3d4e5f61", 41, "unknown tax code VAT99"}}};
    auto decoded = decodeAck(encodeAck(ack));
    ASSERT_TRUE(decoded.ok()) << decoded.status().toString();
    EXPECT_EQ(*decoded, ack);
    auto bare = decodeAck(R"({"upto": 0})");
    ASSERT_TRUE(bare.ok()) << bare.status().toString();
    EXPECT_EQ(bare->upto, 0);
    EXPECT_TRUE(bare->accepted.empty());
}

TEST(Ack, RefusesMalformedAcksNamingWhatIsWrong) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "not JSON"},
        {"[1]", "not a JSON object"},
        {R"({"accepted": []})", "'upto' must be an integer"},
        {R"({"upto": -1})", "'upto' must be at least 0"},
        {R"({"upto": 1.5})", "'upto' must be an integer"},
        {R"({"upto": "7"})", "'upto' must be an integer"},
        {R"({"upto": 18446744073709551615})", "'upto' is out of range"},
        {R"({"upto": 1, "extra": true})", "unknown field 'extra'"},
        {R"({"upto": 1, "accepted": [7]})", "not an event id"},
        {R"({"upto": 1, "rejected": [{"id": "x", "seq": 0, "reason": "r"}]})", "'seq' must be at least 1"},
        {R"({"upto": 1, "rejected": [{"id": "x", "seq": 1}]})", "'reason' must be a string"},
        {R"({"upto": 1, "rejected": [{"id": "x", "seq": 1, "reason": "r", "pan": "4111"}]})", "unknown field 'pan'"},
        {std::string(20, '[') + std::string(20, ']'), "deeper than"},
    };
    for (const auto& [payload, why] : cases) {
        auto decoded = decodeAck(payload);
        ASSERT_FALSE(decoded.ok()) << payload;
        EXPECT_EQ(decoded.status().kind(), core::ErrorKind::InvalidArgument);
        EXPECT_NE(decoded.status().message().find(why), std::string::npos) << payload << ": " << decoded.status().message();
    }
}

TEST(Ack, RefusesAnOversizeAckBeforeParsingIt) {
    const std::string huge = R"({"upto": 1, "accepted": [")" + std::string(kMaxAckBytes, 'a') + "\"]}";
    auto decoded = decodeAck(huge);
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.status().message().find("1 MiB"), std::string::npos) << decoded.status().message();
}

}  // namespace
}  // namespace frontdesk::sync

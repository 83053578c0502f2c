#include "sync/mqtt_link.h"
#include "sync/topics.h"

#include <gtest/gtest.h>

namespace frontdesk::sync {
namespace {

TEST(Topics, BuildsEveryTerminalChannelAndTheMasterTopic) {
    const TerminalAddress t1{"s1", "t1"};
    EXPECT_EQ(terminalTopic(t1, Channel::Events), "fd/v1/s1/t1/events");
    EXPECT_EQ(terminalTopic(t1, Channel::Acks), "fd/v1/s1/t1/acks");
    EXPECT_EQ(terminalTopic(t1, Channel::Status), "fd/v1/s1/t1/status");
    EXPECT_EQ(terminalTopic(t1, Channel::Config), "fd/v1/s1/t1/config");
    EXPECT_EQ(terminalTopic(t1, Channel::Cmd), "fd/v1/s1/t1/cmd");
    EXPECT_EQ(masterTopic("s1", "catalog"), "fd/v1/s1/master/catalog");
    EXPECT_EQ(clientId({"store-00001", "term-000001"}), "store-00001-term-000001");
    EXPECT_LE(clientId({"store-00001", "term-000001"}).size(), 23u);
}

TEST(Topics, ParsesWhatItBuilds) {
    for (Channel channel : {Channel::Events, Channel::Acks, Channel::Status, Channel::Config, Channel::Cmd}) {
        auto parsed = parseTopic(terminalTopic({"s-2", "t9"}, channel));
        ASSERT_TRUE(parsed.ok()) << parsed.status().toString();
        EXPECT_EQ(parsed->address, (TerminalAddress{"s-2", "t9"}));
        EXPECT_EQ(parsed->channel, channel);
        EXPECT_FALSE(parsed->isMaster());
    }
    auto master = parseTopic("fd/v1/s1/master/catalog");
    ASSERT_TRUE(master.ok());
    EXPECT_TRUE(master->isMaster());
    EXPECT_EQ(master->dataset, "catalog");
    EXPECT_EQ(master->address.store, "s1");
    EXPECT_FALSE(master->isChunk());
    auto chunk = parseTopic(chunkTopic("s1", "catalog", 12, 0));
    ASSERT_TRUE(chunk.ok()) << chunk.status().toString();
    EXPECT_EQ(chunkTopic("s1", "catalog", 12, 0), "fd/v1/s1/master/catalog/12/0");
    EXPECT_TRUE(chunk->isChunk());
    EXPECT_EQ(chunk->dataset, "catalog");
    EXPECT_EQ(chunk->version, 12);
    EXPECT_EQ(chunk->chunk, 0);
}

TEST(Topics, RefusesAnythingElseNamingWhatIsWrong) {
    const std::pair<const char*, const char*> cases[] = {
        {"fd/v2/s1/t1/events", "not a Frontdesk v1 topic"},
        {"fd/v1/s1/t1", "not a Frontdesk v1 topic"},
        {"fd/v1/s1/t1/events/extra", "not a Frontdesk v1 topic"},
        {"fd/v1/S1/t1/events", "store id may hold only"},
        {"fd/v1/s1/t1/sales", "unknown channel 'sales'"},
        {"fd/v1/s1//events", "terminal id must be 1 to 11"},
        {"fd/v1/s1/a-terminal-id-too-long/events", "terminal id must be 1 to 11"},
        {"fd/v1/s1/master/Catalog", "dataset name may hold only"},
        {"fd/v1/s1/master/catalog/0/1", "the version in a chunk topic must be a number from 1"},
        {"fd/v1/s1/master/catalog/012/1", "the version in a chunk topic"},
        {"fd/v1/s1/master/catalog/9007199254740992/1", "the version in a chunk topic"},
        {"fd/v1/s1/master/catalog/3/-1", "the chunk index in a chunk topic"},
        {"fd/v1/s1/master/catalog/3/8192", "the chunk index in a chunk topic must be a number from 0 to 8191"},
        {"fd/v1/s1/master/catalog/3", "not a Frontdesk v1 topic"},
        {"fd/v1/s1/t1/events/3/1", "not a Frontdesk v1 topic"},
        {"", "not a Frontdesk v1 topic"},
    };
    for (const auto& [topic, why] : cases) {
        auto parsed = parseTopic(topic);
        ASSERT_FALSE(parsed.ok()) << topic;
        EXPECT_EQ(parsed.status().kind(), core::ErrorKind::InvalidArgument);
        EXPECT_NE(parsed.status().message().find(why), std::string::npos) << topic << ": " << parsed.status().message();
    }
    EXPECT_FALSE(validateTerminalId("master").ok());
}

TEST(BrokerAddress, ParsesHostColonPortAndRefusesAnythingElse) {
    auto parsed = parseBrokerAddress("127.0.0.1:18830");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->host, "127.0.0.1");
    EXPECT_EQ(parsed->port, 18830);
    EXPECT_EQ(parseBrokerAddress("broker.local:65535")->port, 65535);
    for (const char* bad : {"", "127.0.0.1", ":1883", "host:", "host:0", "host:65536", "host:99999999999", "host:18a3",
                            "host:-1"}) {
        auto refused = parseBrokerAddress(bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_NE(refused.status().message().find("HOST:PORT"), std::string::npos) << bad;
    }
}

}  // namespace
}  // namespace frontdesk::sync

// A real Mosquitto 2.0 on the broker set-up's files (testing/mosquitto.h), driven with
// mosquitto_pub and mosquitto_sub: who may connect, and that the ACL holds both ways.
//
// A refused publish or read is invisible to the subscriber, so each negative is proven with a
// marker: the forbidden message goes first, then an allowed one, and the subscriber (which stops
// after its first message) must see the marker. Mosquitto handles a QoS 1 publish completely
// (routes it or drops it) before it acknowledges it, and delivers to a subscriber in order, so had
// the forbidden message been delivered it would have arrived first.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sync/broker_setup.h"
#include "testing/child_process.h"
#include "testing/mosquitto.h"

namespace frontdesk::sync {
namespace {

using testing::ChildProcess;
using testing::Clock;
using testing::CommandResult;
using testing::MosquittoBroker;
using testing::MosquittoOptions;
using testing::runCommand;

constexpr auto kDeadline = std::chrono::seconds(20);

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// mosquitto_pub with QoS 1: it returns once the broker has acknowledged the message.
CommandResult publish(const MosquittoBroker& broker, std::string_view user, const std::string& topic,
                      const std::string& message, std::vector<std::string> extra = {}) {
    return runCommand(broker.clientArgs("mosquitto_pub", user) +
                      std::vector<std::string>{"-q", "1", "-t", topic, "-m", message} + extra);
}

// A mosquitto_sub that has subscribed (the broker answered its SUBSCRIBE) when the constructor
// returns, and stops after `count` messages.
class Subscriber {
public:
    Subscriber(const MosquittoBroker& broker, std::string_view user, const std::vector<std::string>& topics,
               int count = 1)
        : m_process(makeArgs(broker, user, topics, count)) {
        if (!m_process.waitForOutput("Subscribed (mid:", Clock::now() + kDeadline)) {
            throw std::runtime_error("mosquitto_sub did not subscribe:\n" + m_process.output() + broker.logTail());
        }
    }

    // The messages it received ("topic payload"), once it has stopped after `count` of them.
    std::vector<std::string> messages() {
        const auto code = m_process.waitUntil(Clock::now() + kDeadline);
        EXPECT_EQ(code, 0) << m_process.output();
        std::vector<std::string> received;
        std::istringstream in(m_process.output());
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("fd/v1/", 0) == 0) received.push_back(line);
        }
        return received;
    }
    const std::string& output() const { return m_process.output(); }

private:
    static std::vector<std::string> makeArgs(const MosquittoBroker& broker, std::string_view user,
                                             const std::vector<std::string>& topics, int count) {
        // -d prints the SUBACK; -v prints each message as "topic payload"; -W is a safety bound.
        // stdbuf: into a pipe, mosquitto_sub's stdout would be flushed only when it exits.
        auto args = std::vector<std::string>{"stdbuf", "-oL"} + broker.clientArgs("mosquitto_sub", user) +
                    std::vector<std::string>{"-q", "1", "-v", "-d", "-C", std::to_string(count), "-W", "30"};
        for (const auto& topic : topics) args = args + std::vector<std::string>{"-t", topic};
        return args;
    }

    ChildProcess m_process;
};

std::size_t occurrences(const std::string& text, std::string_view what) {
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
    return count;
}

bool refusedAsNotAuthorised(const CommandResult& result) {
    return result.exitCode != 0 && result.output.find("not authorised") != std::string::npos;
}

TEST(BrokerMosquitto, RefusesAnonymousClients) {
    MosquittoBroker broker;
    const auto result = runCommand({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(broker.port()), "-q", "1",
                                    "-t", "fd/v1/s1/t1/events", "-m", "{}"});
    EXPECT_TRUE(refusedAsNotAuthorised(result)) << result.output;
}

TEST(BrokerMosquitto, RefusesAWrongPasswordAndAnUnknownUser) {
    MosquittoBroker broker;
    auto args = broker.clientArgs("mosquitto_pub", "t1");
    *(std::find(args.begin(), args.end(), "-P") + 1) += "x";  // the password
    const auto wrong = runCommand(args + std::vector<std::string>{"-t", "fd/v1/s1/t1/events", "-m", "{}"});
    EXPECT_TRUE(refusedAsNotAuthorised(wrong)) << wrong.output;

    const auto unknown =
        runCommand({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(broker.port()), "-u", "s1-t9", "-P",
                    broker.credentials("t1").password, "-t", "fd/v1/s1/t9/events", "-m", "{}"});
    EXPECT_TRUE(refusedAsNotAuthorised(unknown)) << unknown.output;
}

TEST(BrokerMosquitto, ATerminalsEventsReachTheBackOffice) {
    MosquittoBroker broker;
    Subscriber backoffice(broker, "backoffice", {"fd/v1/s1/+/events"});
    const auto sent = publish(broker, "t1", "fd/v1/s1/t1/events", R"({"seq":1})");
    ASSERT_EQ(sent.exitCode, 0) << sent.output << broker.logTail();
    EXPECT_EQ(backoffice.messages(), std::vector<std::string>{R"(fd/v1/s1/t1/events {"seq":1})"});
}

TEST(BrokerMosquitto, APacketBeyondTheLimitIsRefusedAndTheBrokerGoesOn) {
    MosquittoBroker broker;
    Subscriber backoffice(broker, "backoffice", {"fd/v1/s1/+/events"});
    const auto big = broker.dir() / "oversize.bin";
    std::ofstream(big) << std::string(kBrokerMaxPacketBytes + 1, 'x');
    const auto refused = runCommand(broker.clientArgs("mosquitto_pub", "t1") +
                                    std::vector<std::string>{"-q", "1", "-t", "fd/v1/s1/t1/events", "-f", big.string()});
    EXPECT_NE(refused.exitCode, 0) << refused.output;
    ASSERT_EQ(publish(broker, "t1", "fd/v1/s1/t1/events", "marker").exitCode, 0) << broker.logTail();
    EXPECT_EQ(backoffice.messages(), std::vector<std::string>{"fd/v1/s1/t1/events marker"});
    EXPECT_TRUE(broker.running());
}

TEST(BrokerMosquitto, ATerminalCannotPublishAsAnotherTerminal) {
    MosquittoBroker broker;
    Subscriber backoffice(broker, "backoffice", {"fd/v1/s1/+/events"});
    // MQTT v5 reports the refusal in the PUBACK; 3.1.1 has no way to, the message is just dropped.
    const auto v5 = publish(broker, "t1", "fd/v1/s1/t2/events", "forged-v5", {"-V", "mqttv5"});
    EXPECT_NE(v5.output.find("Not authorized"), std::string::npos) << v5.output;
    const auto v311 = publish(broker, "t1", "fd/v1/s1/t2/events", "forged-v311");
    EXPECT_EQ(v311.exitCode, 0) << v311.output;
    ASSERT_EQ(publish(broker, "t1", "fd/v1/s1/t1/events", "marker").exitCode, 0);
    EXPECT_EQ(backoffice.messages(), std::vector<std::string>{"fd/v1/s1/t1/events marker"});
}

TEST(BrokerMosquitto, ATerminalReadsOnlyItsOwnAcks) {
    MosquittoBroker broker;
    // Mosquitto 2.0 grants the subscription to t2's acks, but never delivers what it matches.
    Subscriber t1(broker, "t1", {"fd/v1/s1/t2/acks", "fd/v1/s1/t1/acks"});
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t2/acks", R"({"upto":5})").exitCode, 0);
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t1/acks", "marker").exitCode, 0);
    EXPECT_EQ(t1.messages(), std::vector<std::string>{"fd/v1/s1/t1/acks marker"});
}

TEST(BrokerMosquitto, TerminalsReadMasterDataThatOnlyTheBackOfficePublishes) {
    MosquittoBroker broker;
    Subscriber t2(broker, "t2", {"fd/v1/s1/master/#"}, 1);
    ASSERT_EQ(publish(broker, "t1", "fd/v1/s1/master/catalog", "forged").exitCode, 0);
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/master/catalog", R"({"version":3})").exitCode, 0);
    EXPECT_EQ(t2.messages(), std::vector<std::string>{R"(fd/v1/s1/master/catalog {"version":3})"});
}

TEST(BrokerMosquitto, ATerminalCannotForgeAnotherTerminalsAcksOrCommands) {
    MosquittoBroker broker;
    Subscriber t1(broker, "t1", {"fd/v1/s1/t1/acks", "fd/v1/s1/t1/cmd"});
    ASSERT_EQ(publish(broker, "t2", "fd/v1/s1/t1/acks", "forged").exitCode, 0);
    ASSERT_EQ(publish(broker, "t2", "fd/v1/s1/t1/cmd", "forged").exitCode, 0);
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t1/cmd", "marker").exitCode, 0);
    EXPECT_EQ(t1.messages(), std::vector<std::string>{"fd/v1/s1/t1/cmd marker"});
}

TEST(BrokerMosquitto, ATerminalCannotWriteItsOwnConfig) {
    MosquittoBroker broker;
    // Retained, so that had the broker taken it, it would be the first thing t1's subscription
    // gets (t1 cannot listen while it publishes: one connection per user).
    ASSERT_EQ(publish(broker, "t1", "fd/v1/s1/t1/config", "forged", {"-r"}).exitCode, 0);
    Subscriber t1(broker, "t1", {"fd/v1/s1/t1/config", "fd/v1/s1/t1/cmd"});
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t1/cmd", "marker").exitCode, 0);
    EXPECT_EQ(t1.messages(), std::vector<std::string>{"fd/v1/s1/t1/cmd marker"});
}

TEST(BrokerMosquitto, AClientIdIsItsUsernameSoNoTerminalTakesOverAnothersSession) {
    MosquittoBroker broker;
    // use_username_as_clientid: whatever id t1 asks for, it is s1-t1, so t2's id stays t2's.
    Subscriber t2(broker, "t2", {"fd/v1/s1/t2/acks"});
    const auto impostor = publish(broker, "t1", "fd/v1/s1/t1/events", "hello", {"-i", "s1-t2"});
    ASSERT_EQ(impostor.exitCode, 0) << impostor.output;
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t2/acks", "marker").exitCode, 0);
    EXPECT_EQ(t2.messages(), std::vector<std::string>{"fd/v1/s1/t2/acks marker"});
    // Taken over, t2's mosquitto_sub would have been disconnected and connected again.
    EXPECT_EQ(occurrences(t2.output(), "sending CONNECT"), 1u) << t2.output();
}

TEST(BrokerMosquitto, AnAddedTerminalConnectsAfterAReloadAndARemovedOneNoLonger) {
    MosquittoBroker broker;
    ASSERT_TRUE(addBrokerTerminal(broker.dir(), "t3").ok());
    // The running broker still has the old files: t3 is refused until the reload.
    EXPECT_TRUE(refusedAsNotAuthorised(publish(broker, "t3", "fd/v1/s1/t3/events", "early")));
    broker.reload();
    {
        Subscriber backoffice(broker, "backoffice", {"fd/v1/s1/+/events"});
        const auto sent = publish(broker, "t3", "fd/v1/s1/t3/events", "hello");
        ASSERT_EQ(sent.exitCode, 0) << sent.output << broker.logTail();
        EXPECT_EQ(backoffice.messages(), std::vector<std::string>{"fd/v1/s1/t3/events hello"});
    }

    const auto t2 = broker.credentials("t2");
    ChildProcess connected(std::vector<std::string>{"stdbuf", "-oL"} + broker.clientArgs("mosquitto_sub", "t2") +
                           std::vector<std::string>{"-q", "1", "-t", "fd/v1/s1/t2/acks", "-d"});
    ASSERT_TRUE(connected.waitForOutput("Subscribed (mid:", Clock::now() + kDeadline)) << connected.output();
    ASSERT_TRUE(removeBrokerTerminal(broker.dir(), "t2").ok());
    broker.reload();
    // Mosquitto drops a connected client whose user is gone, and refuses it when it comes back.
    EXPECT_NE(connected.waitUntil(Clock::now() + kDeadline).value_or(0), 0);
    EXPECT_NE(connected.output().find("not authorised"), std::string::npos) << connected.output();
    const auto removed =
        runCommand({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(broker.port()), "-u", t2.username, "-P",
                    t2.password, "-q", "1", "-t", "fd/v1/s1/t2/events", "-m", "late"});
    EXPECT_TRUE(refusedAsNotAuthorised(removed)) << removed.output;
    // The others kept their passwords.
    EXPECT_EQ(publish(broker, "t1", "fd/v1/s1/t1/events", "still here").exitCode, 0);
    EXPECT_EQ(publish(broker, "t3", "fd/v1/s1/t3/events", "still here").exitCode, 0);
}

TEST(BrokerMosquitto, RetainedConfigSurvivesACleanRestart) {
    MosquittoBroker broker;
    ASSERT_EQ(publish(broker, "backoffice", "fd/v1/s1/t1/config", R"({"version":2})", {"-r"}).exitCode, 0);
    broker.restart();  // SIGTERM: mosquitto saves its persistence file, then starts on the same port
    Subscriber t1(broker, "t1", {"fd/v1/s1/t1/config"});
    EXPECT_EQ(t1.messages(), std::vector<std::string>{R"(fd/v1/s1/t1/config {"version":2})"});
}

TEST(BrokerMosquitto, AKilledBrokerStartsAgainAndAPausedOneAnswersOnlyOnceResumed) {
    MosquittoBroker broker;
    broker.kill();
    EXPECT_FALSE(broker.running());
    broker.restart();
    ASSERT_TRUE(broker.running());

    broker.pause();
    // The kernel accepts the connection, but no CONNACK comes while the broker is stopped: the
    // publisher cannot have finished.
    ChildProcess publisher(broker.clientArgs("mosquitto_pub", "t1") +
                           std::vector<std::string>{"-q", "1", "-t", "fd/v1/s1/t1/events", "-m", "held"});
    EXPECT_TRUE(publisher.running());
    broker.resume();
    EXPECT_EQ(publisher.waitUntil(Clock::now() + kDeadline), 0) << publisher.output();
}

TEST(BrokerMosquitto, TheTlsListenerServesClientsThatTrustTheStoresCa) {
    MosquittoBroker broker(MosquittoOptions{.store = "s1", .terminals = {"t1"}, .tls = true});
    const auto login = broker.credentials("t1");
    ASSERT_TRUE(login.tls);
    ASSERT_EQ(login.port, broker.tlsPort());
    const std::vector<std::string> base{
        "mosquitto_pub", "-h", login.host, "-p", std::to_string(login.port), "-u", login.username, "-P",
        login.password,  "-q", "1",        "-t", "fd/v1/s1/t1/events",       "-m", "over tls"};
    const auto trusted = runCommand(base + std::vector<std::string>{"--cafile", login.caFile});
    EXPECT_EQ(trusted.exitCode, 0) << trusted.output << broker.logTail();
    // The system's CAs do not know the store's CA.
    const auto untrusted =
        runCommand(base + std::vector<std::string>{"--cafile", "/etc/ssl/certs/ca-certificates.crt"});
    EXPECT_NE(untrusted.exitCode, 0) << untrusted.output;
}

}  // namespace
}  // namespace frontdesk::sync

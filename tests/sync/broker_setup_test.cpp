// The broker set-up's files (sync/broker_setup.h), read back as Mosquitto and a provisioning
// script would read them. broker_mosquitto_test.cpp runs a real broker on them.
#include "sync/broker_setup.h"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "sync/broker_credentials.h"
#include "sync/mosquitto_passwd.h"
#include "testing/child_process.h"
#include "testing/temp_dir.h"

namespace frontdesk::sync {
namespace {

namespace fs = std::filesystem;
using kiosk::testing::TempDir;

std::string readFileText(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

unsigned modeOf(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

BrokerOptions storeS1(std::vector<std::string> terminals = {"t1", "t2"}) {
    BrokerOptions options;
    options.store = "s1";
    options.terminals = std::move(terminals);
    options.port = 18830;
    return options;
}

// username -> its passwd hash
std::map<std::string, std::string> passwdEntries(const fs::path& dir) {
    std::map<std::string, std::string> entries;
    for (const auto& line : lines(readFileText(dir / "passwd"))) {
        const auto colon = line.find(':');
        entries[line.substr(0, colon)] = line.substr(colon + 1);
    }
    return entries;
}

// username -> {"read fd/v1/...", ...}, from the acl's `user` blocks
std::map<std::string, std::set<std::string>> aclGrants(const fs::path& dir) {
    std::map<std::string, std::set<std::string>> grants;
    std::string user;
    for (const auto& line : lines(readFileText(dir / "acl"))) {
        if (line.rfind("user ", 0) == 0) user = line.substr(5);
        if (line.rfind("topic ", 0) == 0) grants[user].insert(line.substr(6));
        EXPECT_EQ(line.rfind("pattern", 0), std::string::npos) << "no patterns: " << line;
    }
    return grants;
}

nlohmann::json credentialsJson(const fs::path& dir) {
    return nlohmann::json::parse(readFileText(dir / "credentials.json"));
}

TEST(BrokerSetup, InitWritesEveryFileAndKeepsTheSecretOnesPrivate) {
    TempDir temp;
    const fs::path dir = temp.path() / "broker";
    auto report = initBroker(dir, storeS1());
    ASSERT_TRUE(report.ok()) << report.status().toString();
    std::set<std::string> written;
    for (const auto& path : report->written) {
        EXPECT_TRUE(path.is_absolute()) << path;
        written.insert(path.filename().string());
    }
    EXPECT_EQ(written, (std::set<std::string>{"mosquitto.conf", "passwd", "acl", "credentials.json"}));
    EXPECT_EQ(modeOf(dir), 0700u);
    EXPECT_EQ(modeOf(dir / "passwd"), 0600u);
    EXPECT_EQ(modeOf(dir / "acl"), 0600u);
    EXPECT_EQ(modeOf(dir / "credentials.json"), 0600u);
    EXPECT_EQ(modeOf(dir / "mosquitto.conf"), 0644u);
    EXPECT_TRUE(fs::is_directory(dir / "data"));
    EXPECT_FALSE(fs::exists(dir / "ca.crt"));
}

TEST(BrokerSetup, ConfigTurnsAnonymousOffAndNamesItsFilesByAbsolutePath) {
    TempDir temp;
    const fs::path dir = temp.path() / "broker";
    ASSERT_TRUE(initBroker(dir, storeS1()).ok());
    const auto conf = lines(readFileText(dir / "mosquitto.conf"));
    const std::string d = dir.string();
    for (const std::string& expected : std::vector<std::string>{
             "per_listener_settings false", "listener 18830 127.0.0.1", "allow_anonymous false",
             "password_file " + d + "/passwd", "acl_file " + d + "/acl", "persistence true",
             "persistence_location " + d + "/data/", "max_queued_messages 100000", "max_inflight_messages 1000",
             "set_tcp_nodelay true", "max_packet_size 8388608", "autosave_interval 60",
             "log_dest file " + d + "/mosquitto.log", "use_username_as_clientid true"}) {
        EXPECT_NE(std::find(conf.begin(), conf.end(), expected), conf.end()) << expected;
    }
    const std::string text = readFileText(dir / "mosquitto.conf");
    EXPECT_NE(text.find("persistence is NOT durability"), std::string::npos);
    EXPECT_EQ(text.find("cafile"), std::string::npos);
}

TEST(BrokerSetup, ARelativeDirectoryIsWrittenAsAnAbsolutePath) {
    TempDir temp;
    const fs::path before = fs::current_path();
    fs::current_path(temp.path());
    auto report = initBroker("relative/broker", storeS1());
    fs::current_path(before);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    const fs::path dir = fs::canonical(temp.path()) / "relative" / "broker";
    EXPECT_NE(readFileText(dir / "mosquitto.conf").find("password_file " + (dir / "passwd").string() + "\n"),
              std::string::npos)
        << readFileText(dir / "mosquitto.conf");
}

TEST(BrokerSetup, PasswdHasOneMosquitto2EntryPerUserMatchingItsClearPassword) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const auto entries = lines(readFileText(temp.path() / "passwd"));
    ASSERT_EQ(entries.size(), 3u);
    // mosquitto_passwd's format for Mosquitto 2.0: PBKDF2-SHA512 ("7"), 101 iterations, base64 of a
    // 12-byte salt (16 characters) and of the 64-byte hash (88 characters with padding).
    const std::regex format(R"(^(s1-t1|s1-t2|backoffice):\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$)");
    for (const auto& line : entries) EXPECT_TRUE(std::regex_match(line, format)) << line;

    const auto json = credentialsJson(temp.path());
    const auto hashes = passwdEntries(temp.path());
    std::set<std::string> passwords;
    for (const char* user : {"t1", "t2", "backoffice"}) {
        const std::string username = json["users"][user]["username"];
        const std::string password = json["users"][user]["password"];
        EXPECT_GE(password.size(), 24u);
        EXPECT_TRUE(std::regex_match(password, std::regex("[A-Za-z0-9_-]+"))) << password;
        EXPECT_TRUE(mosquittoPasswordMatches(hashes.at(username), password)) << username;
        EXPECT_FALSE(mosquittoPasswordMatches(hashes.at(username), password + "x")) << username;
        passwords.insert(password);
    }
    EXPECT_EQ(passwords.size(), 3u) << "every user has its own random password";
}

TEST(BrokerSetup, AclGivesEachUserExactlyItsTopics) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const auto grants = aclGrants(temp.path());
    const std::set<std::string> t1{"write fd/v1/s1/t1/events", "write fd/v1/s1/t1/status", "read fd/v1/s1/t1/acks",
                                   "read fd/v1/s1/t1/config",  "read fd/v1/s1/t1/cmd",     "read fd/v1/s1/master/#"};
    const std::set<std::string> t2{"write fd/v1/s1/t2/events", "write fd/v1/s1/t2/status", "read fd/v1/s1/t2/acks",
                                   "read fd/v1/s1/t2/config",  "read fd/v1/s1/t2/cmd",     "read fd/v1/s1/master/#"};
    const std::set<std::string> backoffice{"read fd/v1/s1/+/events", "read fd/v1/s1/+/status",
                                           "write fd/v1/s1/+/acks",  "write fd/v1/s1/+/config",
                                           "write fd/v1/s1/+/cmd",   "readwrite fd/v1/s1/master/#"};
    EXPECT_EQ(grants,
              (std::map<std::string, std::set<std::string>>{{"s1-t1", t1}, {"s1-t2", t2}, {"backoffice", backoffice}}));
}

TEST(BrokerSetup, CredentialsJsonIsTheProvisioningInput) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const auto json = credentialsJson(temp.path());
    EXPECT_EQ(json["store"], "s1");
    EXPECT_EQ(json["broker"], (nlohmann::json{{"host", "127.0.0.1"}, {"port", 18830}, {"tls", false}}));
    EXPECT_EQ(json["users"].size(), 3u);
    EXPECT_EQ(json["users"]["t1"]["username"], "s1-t1");
    EXPECT_EQ(json["users"]["t2"]["username"], "s1-t2");
    EXPECT_EQ(json["users"]["backoffice"]["username"], "backoffice");

    auto t1 = readBrokerLogin((temp.path() / "credentials.json").string(), "t1");
    ASSERT_TRUE(t1.ok()) << t1.status().toString();
    EXPECT_EQ(t1->store, "s1");
    EXPECT_EQ(t1->username, "s1-t1");
    EXPECT_EQ(t1->password, json["users"]["t1"]["password"]);
    EXPECT_EQ(t1->host, "127.0.0.1");
    EXPECT_EQ(t1->port, 18830);
    EXPECT_FALSE(t1->tls);
    auto backoffice = readBrokerLogin((temp.path() / "credentials.json").string(), "backoffice");
    ASSERT_TRUE(backoffice.ok());
    EXPECT_EQ(backoffice->username, "backoffice");
}

TEST(BrokerSetup, ReadingALoginRefusesUnknownUsersAndFilesThatAreNotCredentials) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const std::string path = (temp.path() / "credentials.json").string();
    auto unknown = readBrokerLogin(path, "t9");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(unknown.status().message().find("'t9'"), std::string::npos) << unknown.status().message();

    auto missing = readBrokerLogin((temp.path() / "nothing.json").string(), "t1");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().kind(), core::ErrorKind::NotFound);

    const std::pair<const char*, const char*> broken[] = {
        {"[]", "not a JSON object"},
        {"{", "not a JSON object"},
        {R"({"store":"s1","broker":{"host":"h","port":0,"tls":false},"users":{}})", "broker.port"},
        {R"({"store":"s1","broker":{"host":"h","port":1,"tls":false},"users":{}})", "'backoffice'"},
        {R"({"store":"s1","broker":{"host":"h","port":1,"tls":false},"users":{"backoffice":{"username":"backoffice","password":"p"},"t1":{"username":"s2-t1","password":"p"}}})",
         "users.t1.username must be 's1-t1'"},
        {R"({"store":"S1","broker":{"host":"h","port":1,"tls":false},"users":{}})", "store id"},
    };
    for (const auto& [text, why] : broken) {
        std::ofstream(path, std::ios::trunc) << text;
        auto login = readBrokerLogin(path, "backoffice");
        ASSERT_FALSE(login.ok()) << text;
        EXPECT_EQ(login.status().kind(), core::ErrorKind::InvalidArgument) << text;
        EXPECT_NE(login.status().message().find(why), std::string::npos) << text << ": " << login.status().message();
    }
}

TEST(BrokerSetup, RefusesBadInputNamingTheValueAndWritesNothing) {
    struct Case {
        const char* why;
        BrokerOptions options;
    };
    std::vector<Case> cases;
    auto with = [](auto change) {
        BrokerOptions options = storeS1();
        change(options);
        return options;
    };
    cases.push_back({"store id may hold only", with([](auto& o) { o.store = "S1"; })});
    cases.push_back({"store id must be 1 to 11", with([](auto& o) { o.store = ""; })});
    cases.push_back({"at least one terminal", with([](auto& o) { o.terminals.clear(); })});
    cases.push_back({"terminal id may hold only", with([](auto& o) { o.terminals = {"t1", "T 2"}; })});
    cases.push_back({"'master'", with([](auto& o) { o.terminals = {"master"}; })});
    cases.push_back({"'backoffice' is reserved", with([](auto& o) { o.terminals = {"backoffice"}; })});
    cases.push_back({"'t1' is listed twice", with([](auto& o) { o.terminals = {"t1", "t2", "t1"}; })});
    cases.push_back({"port must be from 1 to 65535: 0", with([](auto& o) { o.port = 0; })});
    cases.push_back({"port must be from 1 to 65535: 65536", with([](auto& o) { o.port = 65536; })});
    cases.push_back(
        {"bind address must be an IPv4 or IPv6 address: 'localhost'", with([](auto& o) { o.bind = "localhost"; })});
    cases.push_back({"bind address 0.0.0.0 is every address", with([](auto& o) { o.bind = "0.0.0.0"; })});
    cases.push_back({"TLS host must be a DNS name or an IP address: 'a,DNS:evil'",
                     with([](auto& o) { o.tls = BrokerTlsOptions{.host = "a,DNS:evil", .port = 8883, .bind = {}}; })});
    cases.push_back({"TLS port must differ", with([](auto& o) {
                         o.tls = BrokerTlsOptions{.host = "broker.example", .port = o.port, .bind = {}};
                     })});
    cases.push_back({"host must be a DNS name", with([](auto& o) { o.host = "bad host\n"; })});
    for (const auto& [why, options] : cases) {
        TempDir temp;
        auto report = initBroker(temp.path() / "broker", options);
        ASSERT_FALSE(report.ok()) << why;
        EXPECT_EQ(report.status().kind(), core::ErrorKind::InvalidArgument) << why;
        EXPECT_NE(report.status().message().find(why), std::string::npos) << why << ": " << report.status().message();
        EXPECT_FALSE(fs::exists(temp.path() / "broker")) << why;
    }
}

TEST(BrokerSetup, RefusesANonEmptyDirectoryUnlessForced) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const std::string passwd = readFileText(temp.path() / "passwd");
    auto again = initBroker(temp.path(), storeS1());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(again.status().message().find("is not empty"), std::string::npos) << again.status().message();
    EXPECT_EQ(readFileText(temp.path() / "passwd"), passwd) << "a refusal writes nothing";

    BrokerOptions forced = storeS1({"t7"});
    forced.force = true;
    ASSERT_TRUE(initBroker(temp.path(), forced).ok());
    EXPECT_EQ(aclGrants(temp.path()).count("s1-t1"), 0u);
    EXPECT_EQ(passwdEntries(temp.path()).count("s1-t1"), 0u) << "the old users are gone";
    EXPECT_EQ(passwdEntries(temp.path()).count("s1-t7"), 1u);

    TempDir other;
    std::ofstream(other.file("notes.txt")) << "mine";
    EXPECT_EQ(initBroker(other.path(), storeS1()).status().kind(), core::ErrorKind::FailedPrecondition);
}

TEST(BrokerSetup, AddingATerminalKeepsEveryOtherPassword) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const auto before = passwdEntries(temp.path());
    const auto jsonBefore = credentialsJson(temp.path());

    auto report = addBrokerTerminal(temp.path(), "t3");
    ASSERT_TRUE(report.ok()) << report.status().toString();
    ASSERT_EQ(report->written.size(), 3u);
    EXPECT_EQ(report->written.back().filename(), "credentials.json");

    const auto after = passwdEntries(temp.path());
    ASSERT_EQ(after.size(), 4u);
    for (const auto& [user, hash] : before) EXPECT_EQ(after.at(user), hash) << user << "'s line is kept as it was";
    const auto json = credentialsJson(temp.path());
    for (const char* user : {"t1", "t2", "backoffice"}) EXPECT_EQ(json["users"][user], jsonBefore["users"][user]);
    EXPECT_EQ(json["users"]["t3"]["username"], "s1-t3");
    EXPECT_TRUE(mosquittoPasswordMatches(after.at("s1-t3"), json["users"]["t3"]["password"].get<std::string>()));
    EXPECT_EQ(aclGrants(temp.path()).at("s1-t3").count("write fd/v1/s1/t3/events"), 1u);
    EXPECT_EQ(modeOf(temp.path() / "passwd"), 0600u);
    EXPECT_EQ(modeOf(temp.path() / "credentials.json"), 0600u);
}

TEST(BrokerSetup, RemovingATerminalKeepsEveryOtherPassword) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1({"t1", "t2", "t3"})).ok());
    const auto before = passwdEntries(temp.path());
    ASSERT_TRUE(removeBrokerTerminal(temp.path(), "t2").ok());
    const auto after = passwdEntries(temp.path());
    EXPECT_EQ(after.count("s1-t2"), 0u);
    ASSERT_EQ(after.size(), 3u);
    for (const auto& [user, hash] : after) EXPECT_EQ(before.at(user), hash) << user;
    EXPECT_EQ(aclGrants(temp.path()).count("s1-t2"), 0u);
    EXPECT_FALSE(credentialsJson(temp.path())["users"].contains("t2"));
    EXPECT_FALSE(readBrokerLogin((temp.path() / "credentials.json").string(), "t2").ok());
}

TEST(BrokerSetup, AddingAndRemovingRefuseDuplicatesUnknownIdsAndForeignDirectories) {
    TempDir temp;
    ASSERT_TRUE(initBroker(temp.path(), storeS1()).ok());
    const std::string passwd = readFileText(temp.path() / "passwd");

    auto duplicate = addBrokerTerminal(temp.path(), "t1");
    EXPECT_EQ(duplicate.status().kind(), core::ErrorKind::AlreadyExists);
    EXPECT_NE(duplicate.status().message().find("'t1' is already"), std::string::npos);
    EXPECT_EQ(addBrokerTerminal(temp.path(), "T3").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(addBrokerTerminal(temp.path(), "backoffice").status().kind(), core::ErrorKind::InvalidArgument);
    auto unknown = removeBrokerTerminal(temp.path(), "t9");
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(unknown.status().message().find("'t9' is not"), std::string::npos);
    EXPECT_EQ(removeBrokerTerminal(temp.path(), "backoffice").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(readFileText(temp.path() / "passwd"), passwd) << "a refusal writes nothing";

    TempDir empty;
    auto foreign = addBrokerTerminal(empty.path(), "t3");
    EXPECT_EQ(foreign.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(foreign.status().message().find("not a broker directory"), std::string::npos);
}

TEST(BrokerSetup, TlsWritesACaAndAServerCertificateForTheHost) {
    TempDir temp;
    BrokerOptions options = storeS1();
    options.tls = BrokerTlsOptions{.host = "127.0.0.1", .port = 18831, .bind = {}};
    auto report = initBroker(temp.path(), options);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    const fs::path& dir = temp.path();
    EXPECT_EQ(modeOf(dir / "server.key"), 0600u);
    EXPECT_EQ(modeOf(dir / "server.crt"), 0644u);
    EXPECT_EQ(modeOf(dir / "ca.crt"), 0644u);
    EXPECT_FALSE(fs::exists(dir / "ca.key")) << "the CA's key is not kept";
    const auto conf = lines(readFileText(dir / "mosquitto.conf"));
    for (const std::string& expected : std::vector<std::string>{
             "listener 18831 127.0.0.1", "cafile " + (dir / "ca.crt").string(),
             "certfile " + (dir / "server.crt").string(), "keyfile " + (dir / "server.key").string()}) {
        EXPECT_NE(std::find(conf.begin(), conf.end(), expected), conf.end()) << expected;
    }
    const auto json = credentialsJson(dir);
    EXPECT_EQ(json["broker"],
              (nlohmann::json{
                  {"host", "127.0.0.1"}, {"port", 18831}, {"tls", true}, {"ca_file", (dir / "ca.crt").string()}}));

    // OpenSSL's own tool agrees: the CA signed the server certificate, which names the host.
    using testing::runCommand;
    const auto verify =
        runCommand({"openssl", "verify", "-CAfile", (dir / "ca.crt").string(), (dir / "server.crt").string()});
    EXPECT_EQ(verify.exitCode, 0) << verify.output;
    const auto san = runCommand(
        {"openssl", "x509", "-in", (dir / "server.crt").string(), "-noout", "-ext", "subjectAltName,extendedKeyUsage"});
    EXPECT_NE(san.output.find("IP Address:127.0.0.1"), std::string::npos) << san.output;
    EXPECT_NE(san.output.find("TLS Web Server Authentication"), std::string::npos) << san.output;
    const auto key = runCommand({"openssl", "pkey", "-in", (dir / "server.key").string(), "-noout", "-text"});
    EXPECT_NE(key.output.find("P-256"), std::string::npos) << key.output;
}

TEST(BrokerSetup, ATlsHostNameGoesIntoTheCertificateAsADnsName) {
    TempDir temp;
    BrokerOptions options = storeS1();
    options.tls = BrokerTlsOptions{.host = "broker.store-1.example", .port = 8883, .bind = "0.0.0.0"};
    ASSERT_TRUE(initBroker(temp.path(), options).ok());
    const auto san = testing::runCommand(
        {"openssl", "x509", "-in", (temp.path() / "server.crt").string(), "-noout", "-ext", "subjectAltName"});
    EXPECT_NE(san.output.find("DNS:broker.store-1.example"), std::string::npos) << san.output;
    EXPECT_NE(readFileText(temp.path() / "mosquitto.conf").find("listener 8883 0.0.0.0\n"), std::string::npos);
    EXPECT_EQ(credentialsJson(temp.path())["broker"]["host"], "broker.store-1.example");
}

}  // namespace
}  // namespace frontdesk::sync

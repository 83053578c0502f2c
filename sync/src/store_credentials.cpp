#include "store_credentials.h"

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "sync/broker_credentials.h"
#include "sync/broker_setup.h"
#include "sync/topics.h"

namespace frontdesk::sync {

namespace {

constexpr std::size_t kMaxCredentialsBytes = 1024 * 1024;
constexpr int kMaxCredentialsDepth = 8;
constexpr std::string_view kNote =
    "Clear-text broker passwords: the provisioning input for the terminals and the back office. "
    "Give each its own entry, keep this file where only the operator can read it. docs/broker.md";

using Json = nlohmann::ordered_json;

core::Status malformed(const std::string& path, const std::string& what) {
    return core::invalidArgument("credentials file " + path + ": " + what);
}

core::Result<std::string> stringField(const Json& object, const char* key, const std::string& path,
                                      const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        return malformed(path, where + "." + key + " must be a non-empty string");
    }
    return it->get<std::string>();
}

core::Result<StoreUser> parseUser(const Json& users, const std::string& id, const std::string& path) {
    const Json& entry = users.at(id);
    if (!entry.is_object()) return malformed(path, "users." + id + " must be an object");
    StoreUser user{.id = id, .username = {}, .password = {}};
    FD_ASSIGN(user.username, stringField(entry, "username", path, "users." + id));
    FD_ASSIGN(user.password, stringField(entry, "password", path, "users." + id));
    return user;
}

}  // namespace

const StoreUser* StoreCredentials::find(std::string_view id) const {
    if (id == kBackofficeUser) return &backoffice;
    for (const auto& terminal : terminals) {
        if (terminal.id == id) return &terminal;
    }
    return nullptr;
}

core::Result<StoreCredentials> readStoreCredentials(const std::string& path) {
    FD_ASSIGN(const std::string text, core::readFileBounded(path, kMaxCredentialsBytes, "credentials file"));
    FD_TRY(core::checkJsonBounds(text, kMaxCredentialsBytes, kMaxCredentialsDepth, "credentials file"));
    const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return malformed(path, "not a JSON object");

    StoreCredentials credentials;
    FD_ASSIGN(credentials.store, stringField(doc, "store", path, "credentials"));
    FD_TRY(validateStoreId(credentials.store).withContext("credentials file " + path));

    const auto broker = doc.find("broker");
    if (broker == doc.end() || !broker->is_object()) return malformed(path, "broker must be an object");
    FD_ASSIGN(credentials.host, stringField(*broker, "host", path, "broker"));
    const auto port = broker->find("port");
    if (port == broker->end() || !port->is_number_integer() || port->get<long long>() < 1 ||
        port->get<long long>() > 65535) {
        return malformed(path, "broker.port must be an integer from 1 to 65535");
    }
    credentials.port = port->get<int>();
    const auto tls = broker->find("tls");
    if (tls == broker->end() || !tls->is_boolean()) return malformed(path, "broker.tls must be true or false");
    credentials.tls = tls->get<bool>();
    if (credentials.tls) {
        FD_ASSIGN(credentials.caFile, stringField(*broker, "ca_file", path, "broker"));
    }

    const auto users = doc.find("users");
    if (users == doc.end() || !users->is_object()) return malformed(path, "users must be an object");
    if (!users->contains(kBackofficeUser))
        return malformed(path, "users has no '" + std::string(kBackofficeUser) + "'");
    for (const auto& [id, entry] : users->items()) {
        FD_ASSIGN(StoreUser user, parseUser(*users, id, path));
        if (id == kBackofficeUser) {
            if (user.username != kBackofficeUser) {
                return malformed(path, "users.backoffice.username must be '" + std::string(kBackofficeUser) + "'");
            }
            credentials.backoffice = std::move(user);
            continue;
        }
        FD_TRY(validateTerminalId(id).withContext("credentials file " + path));
        const std::string expected = clientId({credentials.store, id});
        if (user.username != expected) {
            return malformed(path, "users." + id + ".username must be '" + expected + "', not '" +
                                       core::excerpt(user.username) + "'");
        }
        credentials.terminals.push_back(std::move(user));
    }
    return credentials;
}

std::string renderStoreCredentials(const StoreCredentials& credentials) {
    Json broker{{"host", credentials.host}, {"port", credentials.port}, {"tls", credentials.tls}};
    if (credentials.tls) broker["ca_file"] = credentials.caFile;
    Json users = Json::object();
    for (const auto& user : credentials.terminals) {
        users[user.id] = Json{{"username", user.username}, {"password", user.password}};
    }
    users[credentials.backoffice.id] =
        Json{{"username", credentials.backoffice.username}, {"password", credentials.backoffice.password}};
    const Json doc{{"note", kNote}, {"store", credentials.store}, {"broker", broker}, {"users", users}};
    return doc.dump(2) + "\n";
}

core::Result<BrokerLogin> readBrokerLogin(const std::string& credentialsPath, std::string_view user) {
    FD_ASSIGN(const StoreCredentials credentials, readStoreCredentials(credentialsPath));
    const StoreUser* found = credentials.find(user);
    if (found == nullptr) {
        return core::notFound("no broker user '" + core::excerpt(user) + "' in " + credentialsPath +
                              " (a terminal id of store " + credentials.store + ", or 'backoffice')");
    }
    return BrokerLogin{.store = credentials.store,
                       .username = found->username,
                       .password = found->password,
                       .host = credentials.host,
                       .port = credentials.port,
                       .tls = credentials.tls,
                       .caFile = credentials.caFile};
}

}  // namespace frontdesk::sync

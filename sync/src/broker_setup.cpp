#include "sync/broker_setup.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include <arpa/inet.h>
#include <pwd.h>
#include <unistd.h>

#include "atomic_file.h"
#include "broker_files.h"
#include "broker_tls.h"
#include "core/bounded_input.h"
#include "store_credentials.h"
#include "sync/mosquitto_passwd.h"
#include "sync/topics.h"

namespace frontdesk::sync {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxPasswdBytes = 1024 * 1024;
constexpr mode_t kSecretMode = 0600;
constexpr mode_t kPublicMode = 0644;

// ---- validation -----------------------------------------------------------------------------

bool isIpLiteral(const std::string& text) {
    unsigned char buffer[16];
    return ::inet_pton(AF_INET, text.c_str(), buffer) == 1 || ::inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool isWildcard(const std::string& bind) {
    return bind == "0.0.0.0" || bind == "::";
}

core::Status validatePort(std::string_view what, int port) {
    if (port < 1 || port > 65535) {
        return core::invalidArgument(std::string(what) + " must be from 1 to 65535: " + std::to_string(port));
    }
    return {};
}

core::Status validateBind(std::string_view what, const std::string& bind) {
    if (!isIpLiteral(bind)) {
        return core::invalidArgument(std::string(what) + " must be an IPv4 or IPv6 address: '" + core::excerpt(bind) +
                                     "'");
    }
    return {};
}

// A DNS name (letters, digits, '-' in dot-separated labels of 1 to 63) or an IP address. The host
// goes into the certificate's subjectAltName and into credentials.json; nothing else may.
core::Status validateHost(std::string_view what, const std::string& host) {
    if (isIpLiteral(host)) return {};
    bool ok = !host.empty() && host.size() <= 253;
    std::size_t label = 0;
    for (std::size_t i = 0; ok && i < host.size(); ++i) {
        const char c = host[i];
        if (c == '.') {
            ok = label > 0 && host[i - 1] != '-';
            label = 0;
            continue;
        }
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        ok = (alnum || (c == '-' && label > 0)) && ++label <= 63;
    }
    if (!ok || label == 0 || host.back() == '-') {
        return core::invalidArgument(std::string(what) + " must be a DNS name or an IP address: '" +
                                     core::excerpt(host) + "'");
    }
    return {};
}

// A new terminal id: valid for the protocol and not the back office's key.
core::Status validateNewTerminal(std::string_view terminal) {
    FD_TRY(validateTerminalId(terminal));
    if (terminal == kBackofficeUser) {
        return core::invalidArgument("terminal id '" + std::string(terminal) +
                                     "' is reserved: it names the back office's broker user");
    }
    return {};
}

// The directory goes into mosquitto.conf, one option per line: a control character would end
// the line early.
core::Result<fs::path> absoluteDir(const fs::path& dir) {
    if (dir.empty()) return core::invalidArgument("the broker directory must be given");
    for (char c : dir.string()) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return core::invalidArgument("the broker directory's name holds a control character: '" +
                                         core::excerpt(dir.string()) + "'");
        }
    }
    std::error_code ec;
    fs::path absolute = fs::absolute(dir, ec);
    if (ec) return core::invalidArgument("cannot resolve the broker directory " + dir.string() + ": " + ec.message());
    absolute = absolute.lexically_normal();
    if (absolute.has_filename() == false && absolute != absolute.root_path()) absolute = absolute.parent_path();
    return absolute;
}

core::Result<std::string> currentUserName() {
    const uid_t uid = ::geteuid();
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) {
        return core::failedPrecondition("the user running this (uid " + std::to_string(uid) +
                                        ") has no name in the user database; mosquitto.conf must name it");
    }
    return std::string(found->pw_name);
}

core::Status validate(const BrokerOptions& options) {
    FD_TRY(validateStoreId(options.store));
    if (options.terminals.empty()) return core::invalidArgument("a store's broker needs at least one terminal");
    std::set<std::string_view> seen;
    for (const auto& terminal : options.terminals) {
        FD_TRY(validateNewTerminal(terminal));
        if (!seen.insert(terminal).second) {
            return core::invalidArgument("terminal id '" + terminal + "' is listed twice");
        }
    }
    FD_TRY(validatePort("port", options.port));
    FD_TRY(validateBind("bind address", options.bind));
    if (options.tls) {
        FD_TRY(validateHost("TLS host", options.tls->host));
        FD_TRY(validatePort("TLS port", options.tls->port));
        const std::string& tlsBind = options.tls->bind.empty() ? options.bind : options.tls->bind;
        FD_TRY(validateBind("TLS bind address", tlsBind));
        if (options.tls->port == options.port) {
            return core::invalidArgument("the TLS port must differ from the plain port: both are " +
                                         std::to_string(options.port));
        }
    }
    if (!options.host.empty()) {
        FD_TRY(validateHost("host", options.host));
    } else if (!options.tls && isWildcard(options.bind)) {
        return core::invalidArgument("bind address " + options.bind +
                                     " is every address: say which host clients connect to (host)");
    }
    return {};
}

// ---- writing --------------------------------------------------------------------------------

class Writer {
public:
    explicit Writer(fs::path dir) : m_dir(std::move(dir)) {}

    core::Status write(std::string_view name, std::string_view contents, mode_t mode) {
        const fs::path path = m_dir / name;
        FD_TRY(writeFileAtomically(path, contents, mode));
        m_report.written.push_back(path);
        return {};
    }
    BrokerWriteReport report() && { return std::move(m_report); }

private:
    fs::path m_dir;
    BrokerWriteReport m_report;
};

// The passwd file as it is: username -> hash. A missing file is empty.
core::Result<std::map<std::string, std::string>> readPasswd(const fs::path& path) {
    std::map<std::string, std::string> hashes;
    std::error_code ec;
    if (!fs::exists(path, ec)) return hashes;
    FD_ASSIGN(const std::string text, core::readFileBounded(path.string(), kMaxPasswdBytes, "password file"));
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        const auto colon = line.find(':');
        if (colon != std::string::npos) hashes[line.substr(0, colon)] = line.substr(colon + 1);
        start = end + 1;
    }
    return hashes;
}

// The passwd text for every user: an unchanged user keeps its line (its hash still matches the
// password in credentials.json), anyone else is hashed anew.
core::Result<std::string> passwdFor(const StoreCredentials& credentials,
                                    const std::map<std::string, std::string>& existing) {
    std::vector<PasswdEntry> entries;
    auto add = [&](const StoreUser& user) -> core::Status {
        const auto kept = existing.find(user.username);
        if (kept != existing.end() && mosquittoPasswordMatches(kept->second, user.password)) {
            entries.push_back({user.username, kept->second});
            return {};
        }
        FD_ASSIGN(std::string hash, mosquittoPasswordHash(user.password));
        entries.push_back({user.username, std::move(hash)});
        return {};
    };
    for (const auto& terminal : credentials.terminals) FD_TRY(add(terminal));
    FD_TRY(add(credentials.backoffice));
    return renderPasswd(entries);
}

core::Result<StoreUser> newUser(std::string id, std::string username) {
    FD_ASSIGN(std::string password, randomBrokerPassword());
    return StoreUser{std::move(id), std::move(username), std::move(password)};
}

// passwd, acl, then credentials.json: the record of who exists is written last, so that an
// interrupted change is finished by running it again.
core::Status writeUsers(Writer& writer, const fs::path& dir, const StoreCredentials& credentials) {
    FD_ASSIGN(const auto existing, readPasswd(dir / kBrokerPasswdFile));
    FD_ASSIGN(const std::string passwd, passwdFor(credentials, existing));
    FD_TRY(writer.write(kBrokerPasswdFile, passwd, kSecretMode));
    FD_TRY(writer.write(kBrokerAclFile, renderAcl(credentials), kSecretMode));
    FD_TRY(writer.write(kBrokerCredentialsFile, renderStoreCredentials(credentials), kSecretMode));
    return {};
}

core::Status prepareDir(const fs::path& dir, bool force) {
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            return core::failedPrecondition(dir.string() + " exists and is not a directory");
        auto it = fs::directory_iterator(dir, ec);
        if (ec) return core::failedPrecondition("cannot read directory " + dir.string() + ": " + ec.message());
        if (it != fs::directory_iterator() && !force) {
            return core::failedPrecondition(
                "directory " + dir.string() + " is not empty (it holds '" + it->path().filename().string() +
                "'): choose an empty directory, or force (--force) replacing the broker files in it");
        }
    } else {
        fs::create_directories(dir, ec);
        if (ec) return core::failedPrecondition("cannot create directory " + dir.string() + ": " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, ec);
    }
    const fs::path data = dir / kBrokerDataDir;
    if (!fs::is_directory(data, ec)) {
        fs::create_directory(data, ec);
        if (ec) return core::failedPrecondition("cannot create directory " + data.string() + ": " + ec.message());
        fs::permissions(data, fs::perms::owner_all, ec);
    }
    return {};
}

core::Result<StoreCredentials> readDirCredentials(const fs::path& dir) {
    const fs::path path = dir / kBrokerCredentialsFile;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return core::notFound("no " + std::string(kBrokerCredentialsFile) + " in " + dir.string() +
                              ": not a broker directory made by `frontdesk-tool broker init`");
    }
    return readStoreCredentials(path.string());
}

}  // namespace

core::Result<BrokerWriteReport> initBroker(const fs::path& dirArg, const BrokerOptions& options) {
    FD_TRY(validate(options));
    FD_ASSIGN(const fs::path dir, absoluteDir(dirArg));
    FD_ASSIGN(const std::string user, currentUserName());

    StoreCredentials credentials;
    credentials.store = options.store;
    for (const auto& terminal : options.terminals) {
        FD_ASSIGN(StoreUser made, newUser(terminal, clientId({options.store, terminal})));
        credentials.terminals.push_back(std::move(made));
    }
    FD_ASSIGN(credentials.backoffice, newUser(std::string(kBackofficeUser), std::string(kBackofficeUser)));

    MosquittoConfValues conf;
    conf.store = options.store;
    conf.dir = dir;
    conf.runAsUser = user;
    conf.bind = options.bind;
    conf.port = options.port;
    std::optional<BrokerTlsMaterial> tls;
    if (options.tls) {
        FD_ASSIGN(tls, makeBrokerTlsMaterial(options.store, options.tls->host));
        conf.tls = true;
        conf.tlsBind = options.tls->bind.empty() ? options.bind : options.tls->bind;
        conf.tlsPort = options.tls->port;
        conf.tlsHost = options.tls->host;
        credentials.tls = true;
        credentials.host = options.host.empty() ? options.tls->host : options.host;
        credentials.port = options.tls->port;
        credentials.caFile = (dir / kBrokerCaCertFile).string();
    } else {
        credentials.host = options.host.empty() ? options.bind : options.host;
        credentials.port = options.port;
    }

    FD_TRY(prepareDir(dir, options.force));
    Writer writer(dir);
    if (tls) {
        FD_TRY(writer.write(kBrokerCaCertFile, tls->caCertPem, kPublicMode));
        FD_TRY(writer.write(kBrokerServerCertFile, tls->serverCertPem, kPublicMode));
        FD_TRY(writer.write(kBrokerServerKeyFile, tls->serverKeyPem, kSecretMode));
    }
    FD_TRY(writer.write(kBrokerConfigFile, renderMosquittoConf(conf), kPublicMode));
    // With force, the old users go: nothing of the old passwd is kept.
    std::error_code ec;
    fs::remove(dir / kBrokerPasswdFile, ec);
    FD_TRY(writeUsers(writer, dir, credentials));
    return std::move(writer).report();
}

core::Result<BrokerWriteReport> addBrokerTerminal(const fs::path& dirArg, std::string_view terminal) {
    FD_TRY(validateNewTerminal(terminal));
    FD_ASSIGN(const fs::path dir, absoluteDir(dirArg));
    FD_ASSIGN(StoreCredentials credentials, readDirCredentials(dir));
    if (credentials.find(terminal) != nullptr) {
        return core::Status(core::ErrorKind::AlreadyExists, "terminal '" + std::string(terminal) +
                                                                "' is already a broker user of store " +
                                                                credentials.store + " (" + dir.string() + ")");
    }
    const std::string username = clientId({credentials.store, std::string(terminal)});
    FD_ASSIGN(StoreUser made, newUser(std::string(terminal), username));
    credentials.terminals.push_back(std::move(made));
    Writer writer(dir);
    FD_TRY(writeUsers(writer, dir, credentials));
    return std::move(writer).report();
}

core::Result<BrokerWriteReport> removeBrokerTerminal(const fs::path& dirArg, std::string_view terminal) {
    if (terminal == kBackofficeUser) {
        return core::invalidArgument("the back office's user cannot be removed; only terminals can");
    }
    FD_TRY(validateTerminalId(terminal));
    FD_ASSIGN(const fs::path dir, absoluteDir(dirArg));
    FD_ASSIGN(StoreCredentials credentials, readDirCredentials(dir));
    const auto it = std::find_if(credentials.terminals.begin(), credentials.terminals.end(),
                                 [&](const StoreUser& user) { return user.id == terminal; });
    if (it == credentials.terminals.end()) {
        return core::notFound("terminal '" + std::string(terminal) + "' is not a broker user of store " +
                              credentials.store + " (" + dir.string() + ")");
    }
    credentials.terminals.erase(it);
    Writer writer(dir);
    FD_TRY(writeUsers(writer, dir, credentials));
    return std::move(writer).report();
}

}  // namespace frontdesk::sync

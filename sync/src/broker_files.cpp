#include "broker_files.h"

#include <sstream>

#include "sync/broker_setup.h"
#include "sync/topics.h"

namespace frontdesk::sync {

namespace {

std::string inDir(const MosquittoConfValues& values, std::string_view name) {
    return (values.dir / name).string();
}

void listener(std::ostringstream& out, int port, const std::string& bind) {
    out << "listener " << port << " " << bind << "\n"
        << "# The client id is the username, so no client can take over another's id and session.\n"
        << "use_username_as_clientid true\n";
}

void aclLine(std::ostringstream& out, std::string_view access, const std::string& topic) {
    out << "topic " << access << " " << topic << "\n";
}

}  // namespace

std::string renderMosquittoConf(const MosquittoConfValues& v) {
    std::ostringstream out;
    out << "# Mosquitto 2.0 configuration of Frontdesk store " << v.store
        << ", written by frontdesk-tool broker init.\n"
        << "# Start: mosquitto -c " << inDir(v, kBrokerConfigFile) << "\n"
        << "# add-terminal and remove-terminal rewrite passwd, acl and credentials.json (not this file);\n"
        << "# send the broker SIGHUP afterwards to reload them. See docs/broker.md.\n"
        << "\n"
        << "# The security settings below apply to every listener.\n"
        << "per_listener_settings false\n"
        << "\n"
        << "# Started as root, mosquitto switches to this user, which owns the files here (some are 0600).\n"
        << "user " << v.runAsUser << "\n"
        << "\n";
    listener(out, v.port, v.bind);
    if (v.tls) {
        out << "\n# TLS, for clients that trust " << kBrokerCaCertFile << ": the server certificate names " << v.tlsHost
            << ".\n";
        listener(out, v.tlsPort, v.tlsBind);
        out << "cafile " << inDir(v, kBrokerCaCertFile) << "\n"
            << "certfile " << inDir(v, kBrokerServerCertFile) << "\n"
            << "keyfile " << inDir(v, kBrokerServerKeyFile) << "\n";
    }
    out << "\n"
        << "# Every client logs in with its own user, and may use only the topics the ACL gives it: an\n"
        << "# anonymous client could read every terminal's sales and forge acks.\n"
        << "allow_anonymous false\n"
        << "password_file " << inDir(v, kBrokerPasswdFile) << "\n"
        << "acl_file " << inDir(v, kBrokerAclFile) << "\n"
        << "\n"
        << "# Broker persistence is NOT durability. Mosquitto writes its in-memory state (sessions,\n"
        << "# queued and retained messages) to disk only every autosave_interval seconds and at a clean\n"
        << "# shutdown, so a crash or power loss loses what came since. A terminal's outbox (SQLite) is\n"
        << "# the record until the back office acks, and the back office acks only what it committed;\n"
        << "# whatever the broker loses is sent again. Persistence only saves resending after a restart.\n"
        << "persistence true\n"
        << "persistence_location " << inDir(v, kBrokerDataDir) << "/\n"
        << "persistence_file mosquitto.db\n"
        << "autosave_interval " << kBrokerAutosaveSeconds << "\n"
        << "\n"
        << "# Messages held per client while it is offline or slow. The default, 1000, drops the rest\n"
        << "# silently: a terminal offline for a day would lose acks and commands.\n"
        << "max_queued_messages " << kBrokerMaxQueuedMessages << "\n"
        << "# QoS 1 messages in flight per client, both ways (for MQTT 5 clients also the Receive\n"
        << "# Maximum the broker announces). Paho C (Debian 12) sends more, once that many are in\n"
        << "# flight, only on a one-second timer: the default 20 caps a client near 20 messages/s.\n"
        << "max_inflight_messages " << kBrokerMaxInflightMessages << "\n"
        << "# Send small packets (PUBACKs, acks) at once: with Nagle's algorithm each waits for the\n"
        << "# peer's delayed TCP ACK, about 40 ms, and QoS 1 traffic crawls.\n"
        << "set_tcp_nodelay true\n"
        << "# Nothing bigger than a dataset chunk or an events message, with headroom: a larger packet\n"
        << "# is refused and its client disconnected, before the broker holds or forwards it.\n"
        << "max_packet_size " << kBrokerMaxPacketBytes << "\n"
        << "\n"
        << "log_dest file " << inDir(v, kBrokerLogFile) << "\n"
        << "log_type error\n"
        << "log_type warning\n"
        << "log_type notice\n"
        << "log_type information\n"
        << "connection_messages true\n"
        << "log_timestamp true\n"
        << "log_timestamp_format %Y-%m-%dT%H:%M:%S\n";
    return out.str();
}

std::string renderAcl(const StoreCredentials& credentials) {
    const std::string& store = credentials.store;
    const std::string master = masterTopic(store, "#");
    std::ostringstream out;
    out << "# Mosquitto ACL of Frontdesk store " << store << ", written by frontdesk-tool; one block per user.\n"
        << "# What a block does not grant is refused: Mosquitto drops a refused publish (an MQTT v5\n"
        << "# client gets 'not authorized') and never delivers a message its reader may not read.\n";
    for (const auto& terminal : credentials.terminals) {
        const TerminalAddress address{store, terminal.id};
        out << "\n# terminal " << terminal.id << "\n"
            << "user " << terminal.username << "\n";
        aclLine(out, "write", terminalTopic(address, Channel::Events));
        aclLine(out, "write", terminalTopic(address, Channel::Status));
        aclLine(out, "read", terminalTopic(address, Channel::Acks));
        aclLine(out, "read", terminalTopic(address, Channel::Config));
        aclLine(out, "read", terminalTopic(address, Channel::Cmd));
        aclLine(out, "read", master);
    }
    const TerminalAddress everyTerminal{store, "+"};
    out << "\n# the back office\n"
        << "user " << credentials.backoffice.username << "\n";
    aclLine(out, "read", terminalTopic(everyTerminal, Channel::Events));
    aclLine(out, "read", terminalTopic(everyTerminal, Channel::Status));
    aclLine(out, "write", terminalTopic(everyTerminal, Channel::Acks));
    aclLine(out, "write", terminalTopic(everyTerminal, Channel::Config));
    aclLine(out, "write", terminalTopic(everyTerminal, Channel::Cmd));
    aclLine(out, "readwrite", master);
    return out.str();
}

std::string renderPasswd(const std::vector<PasswdEntry>& entries) {
    std::string text;
    for (const auto& entry : entries) text += entry.username + ":" + entry.hash + "\n";
    return text;
}

}  // namespace frontdesk::sync

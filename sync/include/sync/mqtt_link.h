#pragma once
// One MQTT 5 connection to the store's broker (Paho C++ behind it; no Paho header leaks out).
//
// Connections are persistent sessions (clean start off, a session expiry), so the broker keeps
// the client's subscriptions and queued QoS 1 messages while it is away; the link still
// resubscribes on every connect, as Paho loses subscriptions otherwise. Every call returns at
// once: connect() starts an attempt whose outcome arrives through the handlers; publish() hands a
// message to Paho and does not wait for its PUBACK (which is not an acknowledgement anyway: the
// back office's ack is). Every Paho exception is caught and turned into a Status.
//
// Threads: the handlers run on Paho's callback thread. They must return at once (never wait on
// Paho from there: it deadlocks): the relay and the consumer only queue what they receive and
// wake their own thread. The link's methods may be called from any one thread at a time.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::sync {

struct Message {
    std::string topic;
    std::string payload;
    bool retained = false;
};

struct BrokerAddress {
    std::string host = "127.0.0.1";
    int port = 1883;
};
// "HOST:PORT" (a command line's --broker); InvalidArgument naming the text otherwise.
[[nodiscard]] core::Result<BrokerAddress> parseBrokerAddress(std::string_view text);

struct LinkOptions {
    BrokerAddress broker;
    std::string clientId;
    std::string username;
    std::string password;
    std::chrono::seconds keepAlive{20};
    std::chrono::seconds sessionExpiry{7 * 24 * 3600};  // how long the broker keeps the session
    std::chrono::seconds connectTimeout{10};
    std::vector<std::string> subscriptions;             // topic filters, QoS 1, on every connect
    // The largest number of QoS 1 messages Paho keeps unacknowledged by the broker; the relay
    // bounds its own in-flight window below this.
    int maxInflight = 1000;
};

struct LinkHandlers {
    std::function<void()> connected;                     // after every successful connect
    std::function<void(const std::string&)> lost;        // connection lost or an attempt failed
    std::function<void(Message)> message;                // a message on a subscribed topic
};

class MqttLink {
public:
    static core::Result<std::unique_ptr<MqttLink>> create(LinkOptions options, LinkHandlers handlers);
    ~MqttLink();
    MqttLink(const MqttLink&) = delete;
    MqttLink& operator=(const MqttLink&) = delete;

    // Starts a connection attempt with this will (the will carries the connection's bdseq, so it
    // is given anew for every attempt). The outcome arrives as handlers.connected or .lost.
    [[nodiscard]] core::Status connect(const std::optional<Message>& will);
    // Hands a QoS 1 message to Paho. Unavailable when not connected or Paho refuses it.
    [[nodiscard]] core::Status publish(const Message& message);
    // Subscribes (QoS 1) or unsubscribes one more filter without waiting for the broker's answer.
    // Not remembered across connects: only LinkOptions::subscriptions are made on every connect.
    [[nodiscard]] core::Status subscribe(const std::string& filter);
    [[nodiscard]] core::Status unsubscribe(const std::string& filter);
    // Closes the connection, waiting at most `timeout` for Paho. Safe to call when not connected.
    void disconnect(std::chrono::milliseconds timeout);
    [[nodiscard]] bool isConnected() const;

private:
    struct Impl;
    explicit MqttLink(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace frontdesk::sync

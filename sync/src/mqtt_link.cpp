#include "sync/mqtt_link.h"

#include <mqtt/async_client.h>

#include <algorithm>

#include "core/bounded_input.h"
#include "core/host_port.h"

namespace frontdesk::sync {

namespace {

core::Status fromPaho(const std::string& what, const mqtt::exception& e) {
    return core::Status(core::ErrorKind::Unavailable, what + ": " + e.what());
}

// Subscribes without waiting: the outcome of a SUBSCRIBE is not needed to go on, and waiting on a
// token here could deadlock when called from a Paho callback.
void subscribeAll(mqtt::async_client& client, const std::vector<std::string>& filters,
                  const std::function<void(const std::string&)>& lost) {
    for (const auto& filter : filters) {
        try {
            client.subscribe(filter, 1);
        } catch (const mqtt::exception& e) {
            if (lost) lost("subscribing to " + filter + ": " + e.what());
        }
    }
}

// The result of a connect attempt arrives through a listener, never by waiting on its token.
class ConnectListener : public mqtt::iaction_listener {
public:
    explicit ConnectListener(std::function<void(const std::string&)> lost) : m_lost(std::move(lost)) {}
    void on_failure(const mqtt::token& tok) override {
        if (m_lost) m_lost("connect failed (code " + std::to_string(tok.get_return_code()) + ")");
    }
    void on_success(const mqtt::token&) override {}  // the connected handler reports it

private:
    std::function<void(const std::string&)> m_lost;
};

}  // namespace

core::Result<BrokerAddress> parseBrokerAddress(std::string_view text) {
    FD_ASSIGN(auto address, core::parseHostPort(text, "the broker"));
    return BrokerAddress{std::move(address.host), address.port};
}

struct MqttLink::Impl {
    LinkOptions options;
    LinkHandlers handlers;
    // Declared before the client, so destroyed after it: Paho may report a pending attempt's
    // failure while the client is being destroyed.
    std::unique_ptr<ConnectListener> connectListener;
    std::unique_ptr<mqtt::async_client> client;
};

core::Result<std::unique_ptr<MqttLink>> MqttLink::create(LinkOptions options, LinkHandlers handlers) {
    auto impl = std::make_unique<Impl>();
    const std::string uri = "tcp://" + options.broker.host + ":" + std::to_string(options.broker.port);
    try {
        // Paho queues every publish as a command and refuses more than maxBufferedMessages queued
        // (100 by default) even while connected; allow what the in-flight window can hold.
        impl->client = std::make_unique<mqtt::async_client>(
            uri, options.clientId, mqtt::create_options(MQTTVERSION_5, std::max(options.maxInflight, 100) * 2));
    } catch (const mqtt::exception& e) {
        return fromPaho("creating the MQTT client for " + uri, e);
    }
    impl->options = std::move(options);
    impl->handlers = std::move(handlers);
    impl->connectListener = std::make_unique<ConnectListener>(impl->handlers.lost);
    Impl* raw = impl.get();
    raw->client->set_connected_handler([raw](const std::string&) {
        subscribeAll(*raw->client, raw->options.subscriptions, raw->handlers.lost);
        if (raw->handlers.connected) raw->handlers.connected();
    });
    raw->client->set_connection_lost_handler([raw](const std::string& cause) {
        if (raw->handlers.lost) raw->handlers.lost(cause.empty() ? "connection lost" : cause);
    });
    raw->client->set_disconnected_handler([raw](const mqtt::properties&, mqtt::ReasonCode reason) {
        if (raw->handlers.lost) raw->handlers.lost("disconnected by the broker (reason " + std::to_string(reason) + ")");
    });
    raw->client->set_message_callback([raw](mqtt::const_message_ptr msg) {
        if (raw->handlers.message && msg) {
            raw->handlers.message(Message{msg->get_topic(), msg->get_payload_str(), msg->is_retained()});
        }
    });
    return std::unique_ptr<MqttLink>(new MqttLink(std::move(impl)));
}

MqttLink::MqttLink(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

MqttLink::~MqttLink() { disconnect(std::chrono::milliseconds(1000)); }

core::Status MqttLink::connect(const std::optional<Message>& will) {
    const LinkOptions& o = m_impl->options;
    auto builder = mqtt::connect_options_builder()
                       .mqtt_version(MQTTVERSION_5)
                       .clean_start(false)
                       .properties({mqtt::property(mqtt::property::SESSION_EXPIRY_INTERVAL,
                                                   static_cast<int>(o.sessionExpiry.count()))})
                       .keep_alive_interval(o.keepAlive)
                       .connect_timeout(o.connectTimeout)
                       .user_name(o.username)
                       .password(o.password)
                       .max_inflight(o.maxInflight)
                       .automatic_reconnect(false);
    if (will) builder.will(mqtt::message(will->topic, will->payload, 1, will->retained));
    try {
        m_impl->client->connect(builder.finalize(), nullptr, *m_impl->connectListener);
    } catch (const mqtt::exception& e) {
        return fromPaho("connecting to " + o.broker.host + ":" + std::to_string(o.broker.port), e);
    }
    return {};
}

core::Status MqttLink::publish(const Message& message) {
    try {
        auto msg = mqtt::make_message(message.topic, message.payload, 1, message.retained);
        m_impl->client->publish(msg);
    } catch (const mqtt::exception& e) {
        return fromPaho("publishing to " + message.topic, e);
    }
    return {};
}

core::Status MqttLink::subscribe(const std::string& filter) {
    try {
        m_impl->client->subscribe(filter, 1);
    } catch (const mqtt::exception& e) {
        return fromPaho("subscribing to " + filter, e);
    }
    return {};
}

core::Status MqttLink::unsubscribe(const std::string& filter) {
    try {
        m_impl->client->unsubscribe(filter);
    } catch (const mqtt::exception& e) {
        return fromPaho("unsubscribing from " + filter, e);
    }
    return {};
}

void MqttLink::disconnect(std::chrono::milliseconds timeout) {
    try {
        if (m_impl->client->is_connected()) m_impl->client->disconnect(timeout)->wait_for(timeout);
    } catch (const mqtt::exception&) {
        // Already gone: nothing to close.
    }
}

bool MqttLink::isConnected() const { return m_impl->client->is_connected(); }

}  // namespace frontdesk::sync

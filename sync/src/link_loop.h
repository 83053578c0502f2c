#pragma once
// A thread that keeps one MQTT link up and runs its owner's work on it: what the relay and the
// consumer share. It connects, and after a loss reconnects with exponential backoff and full
// jitter; it queues what Paho's callback thread hands over (connects, losses, messages) and runs
// it, in arrival order, on its own thread, with the owner's hooks; every pollInterval, and on
// wake(), it runs the owner's tick (publish what is due). Hooks run on the loop's thread only, so
// an owner's state needs no lock of its own unless other threads read it.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync/mqtt_link.h"

namespace frontdesk::sync {

struct LoopTiming {
    std::chrono::milliseconds pollInterval{100};
    std::chrono::milliseconds reconnectMin{100};
    std::chrono::milliseconds reconnectMax{30000};
    std::chrono::milliseconds attemptTimeout{15000};  // an attempt Paho never reports on
};

struct LoopHooks {
    std::function<core::Result<std::optional<Message>>()> will;  // before each attempt
    std::function<void()> connected;
    std::function<void(const std::string& why)> lost;
    std::function<void(const Message&)> received;
    std::function<void()> tick;  // after every wake-up, connected or not
    std::function<void()> stopping;  // last thing on the loop's thread, still connected if it was
};

class LinkLoop {
public:
    LinkLoop(LinkOptions link, LoopTiming timing, LoopHooks hooks);
    ~LinkLoop();  // stops
    LinkLoop(const LinkLoop&) = delete;
    LinkLoop& operator=(const LinkLoop&) = delete;

    [[nodiscard]] core::Status start();
    void stop();
    // Runs `work` on the loop's thread, soon (from any thread).
    void post(std::function<void()> work);
    void wake();

    // From the loop's thread (hooks) only.
    [[nodiscard]] bool connected() const { return m_connected; }
    [[nodiscard]] core::Status publish(const Message& message);
    [[nodiscard]] core::Status subscribe(const std::string& filter);
    [[nodiscard]] core::Status unsubscribe(const std::string& filter);

private:
    struct Item;
    void run();
    void runItem(Item& item);
    void reconnectIfDue();
    std::chrono::milliseconds nextBackoff();
    void lose(const std::string& why);

    LinkOptions m_linkOptions;
    LoopTiming m_timing;
    LoopHooks m_hooks;
    std::unique_ptr<MqttLink> m_link;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<Item>> m_items;
    bool m_woken = false;
    bool m_stopping = false;
    std::thread m_thread;

    // The loop thread's own.
    bool m_connected = false;
    bool m_connecting = false;
    std::chrono::steady_clock::time_point m_attemptDeadline;
    std::chrono::steady_clock::time_point m_reconnectAt;
    std::chrono::milliseconds m_backoff{0};
};

}  // namespace frontdesk::sync

#pragma once
// TcpProxy: a userspace TCP proxy on a free loopback port that forwards to 127.0.0.1:targetPort,
// for putting network faults between a client and a real server (the relay and Mosquitto):
//
//   TcpProxy proxy(broker.port());   // listening on 127.0.0.1:proxy.port(), forwarding
//   options.broker = {"127.0.0.1", proxy.port()};
//   proxy.drop();    // a network cut: every connection reset, new ones reset at once
//   proxy.stall();   // a silent partition: connections stay open, nothing moves
//   proxy.slow(512, std::chrono::milliseconds(20));  // a throttled link
//   proxy.pass();    // healed: what was held back is delivered, new connections go through
//
// It never connects anywhere but 127.0.0.1 (the target is only a port). One thread of its own
// runs every socket with poll(); the mode setters may be called from any thread and return once
// that thread has applied the mode (after drop() returns, every connection that existed is
// reset), so a test needs no sleep to know a fault is in place. stats() lets a test wait for
// traffic. The destructor stops the thread and closes every socket. Set-up failures throw
// std::runtime_error.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>

namespace frontdesk::testing {

enum class ProxyMode { Pass, Drop, Stall, Slow };

struct ProxyStats {
    std::int64_t accepted = 0;         // connections accepted since start
    std::int64_t open = 0;             // connections open now (both ends)
    std::int64_t reset = 0;            // connections reset by drop mode or by a failed upstream
    std::int64_t bytesUpstream = 0;    // forwarded client -> target
    std::int64_t bytesDownstream = 0;  // forwarded target -> client
};

class TcpProxy {
public:
    explicit TcpProxy(int targetPort);
    ~TcpProxy();
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    int port() const { return m_port; }

    void pass();
    void drop();
    void stall();
    // Forwards at most `bytes` per `period` in each direction of each connection.
    void slow(std::size_t bytes, std::chrono::milliseconds period);
    ProxyMode mode() const;
    ProxyStats stats() const;

private:
    void setMode(ProxyMode mode, std::size_t bytes, std::chrono::milliseconds period);
    void runLoop(int targetPort);

    int m_port = 0;
    int m_listen = -1;
    int m_wakeRead = -1;  // a pipe that interrupts the thread's poll()
    int m_wakeWrite = -1;

    mutable std::mutex m_mutex;
    std::condition_variable m_applied;
    ProxyMode m_mode = ProxyMode::Pass;
    std::size_t m_slowBytes = 0;
    std::chrono::milliseconds m_slowPeriod{0};
    std::uint64_t m_requested = 0;  // mode changes asked for
    std::uint64_t m_done = 0;       // and applied by the thread
    bool m_stopping = false;
    ProxyStats m_stats;

    std::thread m_thread;
};

}  // namespace frontdesk::testing

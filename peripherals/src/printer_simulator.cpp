#include "peripherals/printer_simulator.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/log.h"
#include "escpos_bytes.h"
#include "fd.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals/png.h"
#include "peripherals/receipt_renderer.h"

namespace frontdesk::peripherals {

namespace {

// The fault state, as the status bytes report it (Epson ESC/POS, ../shared/design/FACTS.md).
struct Faults {
    bool coverOpen = false, nearEnd = false, paperOut = false, offline = false, drawerOpen = false;
    bool stopped() const { return coverOpen || paperOut || offline; }
    void set(PrinterFault fault, bool on) {
        switch (fault) {
            case PrinterFault::CoverOpen: coverOpen = on; break;
            case PrinterFault::PaperNearEnd: nearEnd = on; break;
            case PrinterFault::PaperOut: paperOut = on; break;
            case PrinterFault::Offline: offline = on; break;
        }
    }
    bool operator==(const Faults&) const = default;

    std::uint8_t realtime(int n) const {
        std::uint8_t b = 0x12;
        switch (n) {
            case 1:
                if (drawerOpen) b |= 0x04;
                if (stopped()) b |= 0x08;
                break;
            case 2:
                if (coverOpen) b |= 0x04;
                if (paperOut) b |= 0x20;
                if (stopped()) b |= 0x40;
                break;
            case 4:
                if (nearEnd || paperOut) b |= 0x0C;
                if (paperOut) b |= 0x60;
                break;
            default:
                break;
        }
        return b;
    }
    // GS r 1: paper sensors; GS r 2: the drawer.
    std::uint8_t request(int n) const {
        if (n == 2 || n == '2') return drawerOpen ? 0x01 : 0x00;
        return static_cast<std::uint8_t>((nearEnd || paperOut ? 0x03 : 0) | (paperOut ? 0x0C : 0));
    }
    // Automatic Status Back: four bytes, the first marked (b & 0x93) == 0x10.
    std::string asb() const {
        std::string out(4, '\0');
        out[0] = static_cast<char>(0x10 | (drawerOpen ? 0x04 : 0) | (stopped() ? 0x08 : 0) | (coverOpen ? 0x20 : 0));
        out[1] = static_cast<char>(stopped() ? 0x40 : 0);
        out[2] = static_cast<char>((nearEnd || paperOut ? 0x03 : 0) | (paperOut ? 0x0C : 0));
        return out;
    }
};

}  // namespace

core::Result<PrinterFault> parsePrinterFault(std::string_view name) {
    if (name == "cover-open") return PrinterFault::CoverOpen;
    if (name == "paper-near-end") return PrinterFault::PaperNearEnd;
    if (name == "paper-out") return PrinterFault::PaperOut;
    if (name == "offline") return PrinterFault::Offline;
    return core::invalidArgument("fault '" + std::string(name) + "': cover-open, paper-near-end, paper-out or offline");
}

struct PrinterSimulator::Impl {
    const firmware_config::PrinterProfile& profile;
    SimulatorOptions options;
    std::unique_ptr<ReceiptRenderer> renderer;
    Fd listener;
    Fd wakeRead, wakeWrite;
    int port = 0;
    std::thread thread;
    std::atomic<bool> stopping{false};
    int numbered = 0;  // the serving thread's
    std::atomic<int> written{0};
    std::atomic<int> skipped{0};

    std::mutex mutex;  // guards requested and armed
    Faults requested;
    std::optional<std::pair<PrinterFault, std::size_t>> armed;  // a fault due after so many bytes

    // The serving thread's own.
    Faults current;
    Fd client;
    bool asbOn = false;
    bool clearHeld = false;
    std::string held;
    std::unique_ptr<EscPosInterpreter> interpreter;

    Impl(const firmware_config::PrinterProfile& p, SimulatorOptions o) : profile(p), options(std::move(o)) {}

    void send(const std::string& bytes) {
        if (client.get() < 0) return;
        std::size_t at = 0;
        while (at < bytes.size()) {
            const ssize_t n = ::send(client.get(), bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
            if (n <= 0) return;  // the host went away: its reads will tell it
            at += static_cast<std::size_t>(n);
        }
    }

    // The picture first, then the text under a temporary name renamed into place: whoever sees
    // NNNN.txt (or the count of receipts()) finds both files whole.
    void write(Receipt receipt) {
        if (receipt.items.empty()) return;
        const int number = ++numbered;
        char name[32];
        std::snprintf(name, sizeof name, "%04d%s", number, receipt.cut ? "" : "-uncut");
        const std::filesystem::path base = std::filesystem::path(options.outDir) / name;
        if (core::Status saved = writePng(renderer->render(receipt), base.string() + ".png"); !saved.ok()) {
            core::log::error("sim.printer", "receipt image not written", {{"reason", saved.message()}});
        }
        {
            std::ofstream text(base.string() + ".txt.part", std::ios::binary);
            for (const auto& line : receipt.text()) text << line << "\n";
        }
        std::error_code ec;
        std::filesystem::rename(base.string() + ".txt.part", base.string() + ".txt", ec);
        ++written;
        core::log::info("sim.printer", "receipt",
                        {{"file", base.string() + ".png"}, {"cut", receipt.cut ? "yes" : "no"}});
    }

    void newInterpreter() {
        EscPosInterpreter::Events e;
        e.receipt = [this](Receipt r) { write(std::move(r)); };
        e.realtimeStatus = [this](int n) { return current.realtime(n); };
        e.statusRequest = [this](int n) { return current.request(n); };
        e.reply = [this](std::string bytes) { send(bytes); };
        e.autoStatusBack = [this](bool on) {
            asbOn = on;
            if (on) send(current.asb());  // the first report comes at once
        };
        e.drawerPulse = [this](int) {
            {
                std::lock_guard lock(mutex);
                requested.drawerOpen = true;
            }
            applyFaults();  // not stopped (bytes are interpreted), so nothing held resumes here
        };
        e.recover = [] {};  // DLE ENQ while printing: nothing is held to recover
        e.skipped = [this](std::size_t offset, std::string what) {
            ++skipped;
            core::log::warn("sim.printer", "skipped", {{"offset", std::to_string(offset)}, {"what", what}});
        };
        interpreter = std::make_unique<EscPosInterpreter>(profile, std::move(e));
    }

    // While stopped, real-time commands are taken out of the stream and answered; the rest waits.
    void holdAndAnswer(std::string_view bytes) {
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] == escpos::kDle && i + 2 < bytes.size()) {
                const char code = bytes[i + 1];
                const auto n = static_cast<std::uint8_t>(bytes[i + 2]);
                if (code == escpos::kRealtimeStatus && n >= 1 && n <= 4) {
                    send(std::string(1, static_cast<char>(current.realtime(n))));
                    i += 2;
                    continue;
                }
                if (code == escpos::kRecover && (n == 1 || n == 2)) {
                    clearHeld = n == 2;
                    if (clearHeld) held.clear();
                    i += 2;
                    continue;
                }
            }
            held.push_back(bytes[i]);
        }
    }

    void applyFaults() {
        Faults next;
        {
            std::lock_guard lock(mutex);
            next = requested;
        }
        if (next == current) return;
        const bool wasStopped = current.stopped();
        current = next;
        if (asbOn) send(current.asb());
        if (wasStopped && !current.stopped()) {
            if (clearHeld) {
                // DLE ENQ 2: what was cut short by the fault stays on the paper, uncut.
                interpreter->finish();
                newInterpreter();
            } else if (interpreter) {
                const std::string resume = std::move(held);
                held.clear();
                interpreter->feed(resume);
            }
            clearHeld = false;
        }
    }

    void onBytes(std::string_view bytes) {
        std::size_t due = bytes.size() + 1;
        {
            std::lock_guard lock(mutex);
            if (armed && !current.stopped()) {
                if (armed->second <= bytes.size()) {
                    due = armed->second;
                } else {
                    armed->second -= bytes.size();
                }
            }
        }
        if (due <= bytes.size()) {
            // The fault strikes in the middle of what arrived: the part before it prints.
            interpreter->feed(bytes.substr(0, due));
            {
                std::lock_guard lock(mutex);
                requested.set(armed->first, true);
                armed.reset();
            }
            applyFaults();
            holdAndAnswer(bytes.substr(due));
            return;
        }
        if (current.stopped()) {
            holdAndAnswer(bytes);
        } else {
            interpreter->feed(bytes);
        }
    }

    void closeClient() {
        if (interpreter) interpreter->finish();
        interpreter.reset();
        client.reset();
        asbOn = false;
        held.clear();
        clearHeld = false;
    }

    void run() {
        char buffer[16384];
        while (!stopping) {
            applyFaults();
            pollfd fds[3] = {{wakeRead.get(), POLLIN, 0}, {listener.get(), POLLIN, 0}, {client.get(), POLLIN, 0}};
            const nfds_t count = client.get() >= 0 ? 3 : 2;
            if (::poll(fds, count, 1000) < 0) continue;
            if (fds[0].revents & POLLIN) {
                char drain[64];
                while (::read(wakeRead.get(), drain, sizeof drain) > 0) {
                }
            }
            if (count == 3 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR))) {
                const ssize_t n = ::recv(client.get(), buffer, sizeof buffer, 0);
                if (n <= 0) {
                    closeClient();
                } else {
                    onBytes(std::string_view(buffer, static_cast<std::size_t>(n)));
                }
            }
            // A printer serves one host at a time: the next waits in the backlog.
            if (client.get() < 0 && (fds[1].revents & POLLIN)) {
                client.reset(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
                if (client.get() >= 0) newInterpreter();
            }
        }
        closeClient();
    }

    void wake() const {
        const char c = 1;
        (void)!::write(wakeWrite.get(), &c, 1);
    }
};

PrinterSimulator::PrinterSimulator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

core::Result<std::unique_ptr<PrinterSimulator>> PrinterSimulator::start(const firmware_config::PrinterProfile& profile,
                                                                        SimulatorOptions options) {
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec) return core::Status(core::ErrorKind::Unavailable, "output folder " + options.outDir + ": " + ec.message());
    auto impl = std::make_unique<Impl>(profile, options);
    FD_ASSIGN(impl->renderer, ReceiptRenderer::open(profile));
    impl->listener.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int yes = 1;
    ::setsockopt(impl->listener.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(options.port));
    if (impl->listener.get() < 0 ||
        ::bind(impl->listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(impl->listener.get(), 4) != 0) {
        return core::Status(core::ErrorKind::Unavailable,
                            "printer simulator cannot listen on 127.0.0.1:" + std::to_string(options.port));
    }
    socklen_t length = sizeof address;
    ::getsockname(impl->listener.get(), reinterpret_cast<sockaddr*>(&address), &length);
    impl->port = ntohs(address.sin_port);
    int pipe[2];
    if (::pipe2(pipe, O_CLOEXEC | O_NONBLOCK) != 0) return core::Status(core::ErrorKind::Internal, "pipe failed");
    impl->wakeRead.reset(pipe[0]);
    impl->wakeWrite.reset(pipe[1]);
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<PrinterSimulator>(new PrinterSimulator(std::move(impl)));
}

PrinterSimulator::~PrinterSimulator() {
    stop();
}

int PrinterSimulator::port() const {
    return m_impl->port;
}

void PrinterSimulator::setFault(PrinterFault fault, bool on) {
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->requested.set(fault, on);
    }
    m_impl->wake();
}

void PrinterSimulator::setFaultAfter(PrinterFault fault, std::size_t bytes) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->armed = std::make_pair(fault, bytes);
}

void PrinterSimulator::setDrawerOpen(bool open) {
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->requested.drawerOpen = open;
    }
    m_impl->wake();
}

int PrinterSimulator::receipts() const {
    return m_impl->written;
}
int PrinterSimulator::skippedCommands() const {
    return m_impl->skipped;
}

void PrinterSimulator::stop() {
    if (!m_impl->thread.joinable()) return;
    m_impl->stopping = true;
    m_impl->wake();
    m_impl->thread.join();
}

}  // namespace frontdesk::peripherals

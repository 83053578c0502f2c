// A CUPS queue through libcups. The spooler takes each job whole and hands it to the printer
// with its own backend (a raw queue passes the bytes as they are), so nothing the printer says
// comes back: the transport is write-only, and follows each job's state through IPP instead.

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include <cups/cups.h>

#include "peripherals/cups_jobs.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

using Clock = std::chrono::steady_clock;

// A cupsd that does not take a connection within this is not running.
constexpr int kConnectTimeoutMs = 5000;
// A raw job to a local queue is done in a few milliseconds; a job that waits for its printer is
// asked about less often, up to the longest interval.
constexpr std::chrono::milliseconds kFirstPoll{5};
constexpr std::chrono::milliseconds kLongestPoll{250};

struct HttpClose {
    void operator()(http_t* http) const { httpClose(http); }
};
struct IppDelete {
    void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using Http = std::unique_ptr<http_t, HttpClose>;
using Ipp = std::unique_ptr<ipp_t, IppDelete>;

// CUPS answers NotFound for a queue it does not have; whatever else fails, the printer cannot be
// reached through it right now.
core::ErrorKind kindFor(ipp_status_t status) {
    return status == IPP_STATUS_ERROR_NOT_FOUND ? core::ErrorKind::NotFound : core::ErrorKind::Unavailable;
}

bool failed(ipp_status_t status) {
    return status > IPP_STATUS_OK_EVENTS_COMPLETE;
}

CupsJobState stateOf(int ippState) {
    switch (ippState) {
        case IPP_JSTATE_HELD:
            return CupsJobState::Held;
        case IPP_JSTATE_PROCESSING:
            return CupsJobState::Processing;
        case IPP_JSTATE_STOPPED:
            return CupsJobState::Stopped;
        case IPP_JSTATE_CANCELED:
            return CupsJobState::Canceled;
        case IPP_JSTATE_ABORTED:
            return CupsJobState::Aborted;
        case IPP_JSTATE_COMPLETED:
            return CupsJobState::Completed;
        default:  // pending, or no job-state at all: nothing has happened to the job yet
            return CupsJobState::Pending;
    }
}

// The values of a keyword or text attribute, joined with ", "; empty when it is absent.
std::string values(ipp_t* response, const char* name) {
    std::string out;
    ipp_attribute_t* attribute = ippFindAttribute(response, name, IPP_TAG_ZERO);
    for (int i = 0; attribute != nullptr && i < ippGetCount(attribute); ++i) {
        const char* value = ippGetString(attribute, i, nullptr);
        if (value == nullptr || *value == '\0') continue;
        if (!out.empty()) out += ", ";
        out += value;
    }
    return out;
}

// What the spooler says of a job or of its printer: the state, its reasons, the printer's message.
struct Seen {
    int state = 0;
    std::string reasons;
    std::string message;
    bool accepting = true;  // a printer's printer-is-accepting-jobs

    // " (reasons; "message")", or less when CUPS says less.
    std::string describe() const {
        std::string out = reasons == "none" ? std::string() : reasons;
        if (!message.empty()) out += (out.empty() ? "\"" : "; \"") + message + "\"";
        return out.empty() ? out : " (" + out + ")";
    }
};

class CupsTransport final : public Transport {
public:
    CupsTransport(PrinterAddress address, CupsJobObserver observer, std::chrono::milliseconds jobWait)
        : m_address(std::move(address)), m_observer(std::move(observer)), m_jobWait(jobWait) {}

    core::Status open() override {
        close();
        // libcups keeps the server it found first for the life of the thread; look again, so that
        // each open() goes where $CUPS_SERVER (or client.conf) says now.
        cupsSetServer(nullptr);
        m_server = cupsServer();
        Http http(httpConnect2(m_server.c_str(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, kConnectTimeoutMs,
                               nullptr));
        if (!http) {
            return failure(core::ErrorKind::Unavailable,
                           std::string("cannot connect to the CUPS server: ") + cupsLastErrorString());
        }
        m_http = std::move(http);
        auto printer = printerState();
        if (!printer.ok()) {
            m_http.reset();
            return printer.status();
        }
        if (!printer->accepting) {
            m_http.reset();
            return failure(core::ErrorKind::Unavailable, "not accepting jobs" + printer->describe());
        }
        if (printer->state == IPP_PSTATE_STOPPED) {
            m_http.reset();
            return failure(core::ErrorKind::Unavailable, "stopped" + printer->describe());
        }
        return core::Status::okStatus();
    }

    void close() override {
        m_http.reset();
        m_job.clear();
    }

    bool isOpen() const override { return m_http != nullptr; }

    core::Status write(std::string_view bytes) override {
        if (!isOpen()) return failure(core::ErrorKind::Unavailable, "not open");
        m_job.append(bytes);
        return core::Status::okStatus();
    }

    core::Result<std::string> read(std::chrono::milliseconds) override { return std::string(); }
    bool twoWay() const override { return false; }
    std::string address() const override { return m_address.text; }

    core::Status endJob() override {
        if (!isOpen()) return failure(core::ErrorKind::Unavailable, "not open");
        // Whatever happens to it, this job is done with: a caller that sends it again sends it whole.
        const std::string job = std::exchange(m_job, {});
        if (job.empty()) return core::Status::okStatus();
        const char* queue = m_address.queue.c_str();
        const int id = cupsCreateJob(m_http.get(), queue, "Frontdesk", 0, nullptr);
        if (id == 0) return lastError("creating a job");
        if (cupsStartDocument(m_http.get(), queue, id, "Frontdesk", CUPS_FORMAT_RAW, 1) != HTTP_STATUS_CONTINUE) {
            return cancelled(id, lastError("sending job " + std::to_string(id)));
        }
        const bool sent = cupsWriteRequestData(m_http.get(), job.data(), job.size()) == HTTP_STATUS_CONTINUE;
        // The response is read either way: it says why the data was refused.
        if (failed(cupsFinishDocument(m_http.get(), queue)) || !sent) {
            return cancelled(id, lastError("sending job " + std::to_string(id)));
        }
        return follow(id);
    }

private:
    // "CUPS queue 'front' on /run/cups/cups.sock: reason".
    core::Status failure(core::ErrorKind kind, std::string_view reason) const {
        const std::string server = m_server.empty() ? std::string(cupsServer()) : m_server;
        return {kind, "CUPS queue '" + m_address.queue + "' on " + server + ": " + std::string(reason)};
    }

    core::Status lastError(std::string_view doing) const {
        const ipp_status_t status = cupsLastError();
        if (status == IPP_STATUS_ERROR_NOT_FOUND) return failure(core::ErrorKind::NotFound, "no such queue");
        return failure(kindFor(status), std::string(doing) + ": " + cupsLastErrorString());
    }

    // Cancels a job that will not be reported as printed, so that it cannot print later as well.
    core::Status cancelled(int id, const core::Status& why) {
        const bool done = !failed(cupsCancelJob2(m_http.get(), m_address.queue.c_str(), id, 0));
        return {why.kind(), why.message() + (done ? "; job cancelled"
                                                  : "; job not cancelled: " + std::string(cupsLastErrorString()))};
    }

    std::string uri(const std::string& path) const {
        char buffer[HTTP_MAX_URI];
        httpAssembleURIf(HTTP_URI_CODING_ALL, buffer, sizeof buffer, "ipp", nullptr, "localhost", ippPort(), "%s",
                         path.c_str());
        return buffer;
    }

    core::Result<Ipp> ask(ipp_op_t operation, const char* uriName, const std::string& target,
                          std::initializer_list<const char*> wanted) const {
        ipp_t* request = ippNewRequest(operation);
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, uriName, nullptr, target.c_str());
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
        ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                      static_cast<int>(wanted.size()), nullptr, wanted.begin());
        Ipp response(cupsDoRequest(m_http.get(), request, "/"));  // frees the request
        if (!response || failed(cupsLastError())) return lastError(ippOpString(operation));
        return response;
    }

    core::Result<Seen> printerState() {
        FD_ASSIGN(Ipp response, ask(IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", uri("/printers/" + m_address.queue),
                                    {"printer-state", "printer-state-reasons", "printer-state-message",
                                     "printer-is-accepting-jobs"}));
        Seen seen;
        seen.state = ippGetInteger(ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM), 0);
        seen.reasons = values(response.get(), "printer-state-reasons");
        seen.message = values(response.get(), "printer-state-message");
        ipp_attribute_t* accepting = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
        seen.accepting = accepting == nullptr || ippGetBoolean(accepting, 0) != 0;
        return seen;
    }

    core::Result<Seen> jobState(int id) const {
        // job-printer-state-message is CUPS's: what the printer's backend said while it had the job.
        FD_ASSIGN(Ipp response, ask(IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", uri("/jobs/" + std::to_string(id)),
                                    {"job-state", "job-state-reasons", "job-printer-state-message"}));
        Seen seen;
        seen.state = ippGetInteger(ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM), 0);
        seen.reasons = values(response.get(), "job-state-reasons");
        seen.message = values(response.get(), "job-printer-state-message");
        return seen;
    }

    // Until the job completed, CUPS gave up on it, it cannot go on without someone's help, or the
    // wait is over.
    core::Status follow(int id) {
        const auto deadline = Clock::now() + m_jobWait;
        const std::string job = "job " + std::to_string(id);
        std::optional<CupsJobState> last;
        std::chrono::milliseconds interval = kFirstPoll;
        while (true) {
            auto seen = jobState(id);
            if (!seen.ok()) return cancelled(id, seen.status());
            const CupsJobState state = stateOf(seen->state);
            if (state != last && m_observer) m_observer(id, state);
            last = state;
            const std::string now = job + " " + std::string(cupsJobStateName(state));
            switch (state) {
                case CupsJobState::Completed:
                    return core::Status::okStatus();
                case CupsJobState::Canceled:
                case CupsJobState::Aborted:
                    return failure(core::ErrorKind::Unavailable, now + seen->describe());
                // A held job waits for a person, or for a retry minutes away; a stopped one, or
                // one queued behind a stopped printer, for someone to start the queue again.
                case CupsJobState::Held:
                case CupsJobState::Stopped:
                    return cancelled(id, failure(core::ErrorKind::Unavailable, now + seen->describe()));
                case CupsJobState::Pending: {
                    // CUPS 2.4 does not say printer-stopped in a waiting job's reasons: ask the queue.
                    auto printer = printerState();
                    if (printer.ok() && printer->state == IPP_PSTATE_STOPPED) {
                        return cancelled(id, failure(core::ErrorKind::Unavailable,
                                                     now + ": the queue is stopped" + printer->describe()));
                    }
                    break;
                }
                case CupsJobState::Processing:
                    break;
            }
            const auto at = Clock::now();
            if (at >= deadline) {
                return cancelled(
                    id, failure(core::ErrorKind::Unavailable, job + " still " + std::string(cupsJobStateName(state)) +
                                                                  " after " + std::to_string(m_jobWait.count()) +
                                                                  " ms" + seen->describe() + "; not printed"));
            }
            std::this_thread::sleep_for(
                std::min(interval, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - at)));
            interval = std::min(interval * 2, kLongestPoll);
        }
    }

    // Constant after construction.
    const PrinterAddress m_address;
    const CupsJobObserver m_observer;
    const std::chrono::milliseconds m_jobWait;

    // Set by open().
    std::string m_server;
    Http m_http;

    std::string m_job;  // written since the last endJob()
};

}  // namespace

std::string_view cupsJobStateName(CupsJobState state) {
    switch (state) {
        case CupsJobState::Pending:
            return "pending";
        case CupsJobState::Held:
            return "held";
        case CupsJobState::Processing:
            return "processing";
        case CupsJobState::Stopped:
            return "stopped";
        case CupsJobState::Canceled:
            return "canceled";
        case CupsJobState::Aborted:
            return "aborted";
        case CupsJobState::Completed:
            return "completed";
    }
    return "unknown";
}

std::unique_ptr<Transport> makeCupsTransport(const PrinterAddress& address) {
    return std::make_unique<CupsTransport>(address, nullptr, kCupsJobWait);
}

core::Result<std::unique_ptr<Transport>> makeCupsTransport(const PrinterAddress& address, CupsJobObserver observer,
                                                           std::chrono::milliseconds jobWait) {
    if (address.kind != PrinterAddress::Kind::Cups) {
        return core::invalidArgument("printer address '" + address.text + "': not a CUPS queue (cups:QUEUE)");
    }
    return std::unique_ptr<Transport>(std::make_unique<CupsTransport>(address, std::move(observer), jobWait));
}

}  // namespace frontdesk::peripherals

#pragma once
// The CUPS transport with what it sees of a job: a caller that wants more than Ok or an error
// (the printer service's log, a test) passes an observer and is told each state CUPS reports for
// each job, as endJob() follows it.
//
// A CUPS queue is write-only: no status comes back from the printer, so the transport follows the
// spooler instead. endJob() submits what was written as one raw job and waits until CUPS says it
// completed (Ok) or gave up on it; a job CUPS holds, a queue stopped with the job still waiting,
// or a job not done within the wait is cancelled (so that sending it again prints it once) and
// reported with its state, the job's reasons and the printer's message. See makeTransport() for
// the plain transport of a cups:QUEUE address (no observer, the default wait).
//
// Threads: the observer is called on the thread that calls endJob(), before endJob() returns.

#include <chrono>
#include <functional>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "peripherals/transport.h"

namespace frontdesk::peripherals {

// IPP's job states (RFC 8011 5.3.7), in their order.
enum class CupsJobState { Pending, Held, Processing, Stopped, Canceled, Aborted, Completed };

// "pending", "held", "processing", "stopped", "canceled", "aborted", "completed".
[[nodiscard]] std::string_view cupsJobStateName(CupsJobState state);

using CupsJobObserver = std::function<void(int jobId, CupsJobState state)>;

// How long endJob() follows a job before it cancels it and reports it as not printed.
inline constexpr std::chrono::milliseconds kCupsJobWait = std::chrono::seconds(60);

// The transport for a cups:QUEUE address (InvalidArgument for another kind), not yet opened. The
// server is $CUPS_SERVER's, or the default (client.conf, then the local cupsd), read at each open().
[[nodiscard]] core::Result<std::unique_ptr<Transport>> makeCupsTransport(
    const PrinterAddress& address, CupsJobObserver observer, std::chrono::milliseconds jobWait = kCupsJobWait);

}  // namespace frontdesk::peripherals

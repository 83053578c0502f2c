#pragma once
// A receipt printer as a device service, shaped after UnifiedPOS POSPrinter
// (../shared/design/FACTS.md): open, claim (connect, exclusively), enable (status reporting on,
// printing allowed), print asynchronously, disable, release, close.
//
// Jobs. printAsync() queues a document and returns its job id at once; the service's own thread
// encodes it for the printer's profile and sends it. On a two-way transport (TCP, USB, serial) a
// job counts as printed only when the printer confirms it: the service appends GS r 1, which the
// printer answers once it has processed everything before it. On a write-only transport (CUPS,
// file) printed means handed over: the spooler completed it, or the bytes were written; the status
// is then unknown, never guessed.
//
// Faults. While a job waits for its confirmation the service polls DLE EOT (and reads Automatic
// Status Back where the model has it). Cover open, paper out or offline in the middle of a job
// put the service in the error state with the reason, and the job is held, not lost:
//  - when the fault clears and the printer finishes the job on its own, it is confirmed as usual;
//  - retry() (only once the fault is gone) asks the printer to drop what it still holds
//    (DLE ENQ 2) and sends the whole job again under a "REPRINT" heading, so that a receipt
//    printed twice is never printed twice silently; this is also the way back after the printer
//    lost the job (connection dropped, power cycled);
//  - clearError() gives the job up (DLE ENQ 2 drops its rest): it is reported failed for good.
// Jobs queued behind a failed job wait; they print, in order, once it is printed or given up.
//
// Events (OutputComplete, Error, StatusUpdate) are delivered on the service's thread: a
// listener must not block, and must not call waitForJob().
//
// Threads: every public member may be called from any thread. The transport is used only by
// the service's thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/document.h"
#include "peripherals/printer_status.h"
#include "peripherals/transport.h"

namespace frontdesk::peripherals {

using JobId = std::uint64_t;

enum class PrinterState { Closed, Idle, Busy, Error };
[[nodiscard]] std::string_view printerStateName(PrinterState state);  // "closed", "idle", ...

struct PrinterEvent {
    enum class Kind { OutputComplete, Error, StatusUpdate };
    Kind kind = Kind::StatusUpdate;
    JobId job = 0;       // OutputComplete, Error (0: not about a job)
    std::string reason;  // Error: what is wrong and what to do, for the person at the till
    bool final = false;  // Error: the job is given up (not retryable)
    PrinterStatus status;
};

struct PrinterServiceOptions {
    // How often the printer is asked for its status while idle or waiting for a confirmation.
    std::chrono::milliseconds pollInterval{500};
    // How long a status request may stay unanswered before the printer counts as offline.
    std::chrono::milliseconds answerTimeout{2000};
    // How long a job may wait for its confirmation with no fault reported: printing a long
    // receipt takes seconds; a printer silent past this has lost the job.
    std::chrono::milliseconds confirmTimeout{30000};
    std::string reprintHeading = "*** REPRINT ***";
};

class PrinterService {
public:
    // The profile and the transport are the service's from here on.
    PrinterService(firmware_config::PrinterProfile profile, std::unique_ptr<Transport> transport,
                   PrinterServiceOptions options = {});
    ~PrinterService();  // close()
    PrinterService(const PrinterService&) = delete;
    PrinterService& operator=(const PrinterService&) = delete;

    // Set before open(); called on the service's thread.
    void setListener(std::function<void(const PrinterEvent&)> listener);

    [[nodiscard]] core::Status open();    // starts the service's thread: state Idle
    [[nodiscard]] core::Status claim();   // connects; Unavailable naming the printer if it cannot
    [[nodiscard]] core::Status enable();  // reads the status, then reports every change
    void disable();
    void release();  // disconnects
    void close();    // stops the thread; queued jobs are reported failed

    // Queues a job: FailedPrecondition unless enabled. The id's outcome comes as an event and
    // through waitForJob().
    [[nodiscard]] core::Result<JobId> printAsync(Document document);
    [[nodiscard]] core::Result<JobId> printBytesAsync(std::string bytes);  // already ESC/POS
    // A drawer pulse (ESC p), queued like a job: FailedPrecondition when the model has no
    // drawer port.
    [[nodiscard]] core::Result<JobId> openDrawer();

    // In the error state: FailedPrecondition naming the fault while it lasts.
    [[nodiscard]] core::Status retry();
    [[nodiscard]] core::Status clearError();

    // Ok once the job is printed; the error once it failed (for good, or held in the error
    // state); Unavailable when `timeout` passed first.
    [[nodiscard]] core::Status waitForJob(JobId job, std::chrono::milliseconds timeout);
    // Until the printer's status has been read (or is known to be unknown), at most `timeout`.
    bool waitForStatus(std::chrono::milliseconds timeout);

    PrinterState state() const;
    PrinterStatus status() const;
    std::string lastError() const;
    bool twoWay() const;
    const firmware_config::PrinterProfile& profile() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace frontdesk::peripherals

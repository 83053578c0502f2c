#pragma once
// A receipt printer on 127.0.0.1 that behaves like an ESC/POS network printer of one profile
// (raw TCP, the port 9100 protocol): it prints what it receives, cuts, answers DLE EOT and GS r,
// pushes Automatic Status Back, pulses its drawer, and has the faults of a real printer, set at
// any time: cover open, paper near end, paper out, offline. A first-class back-end, always built:
// the `frontdesk-sim printer` command runs one, and tests run it in process.
//
// Each receipt is written to the output folder when it is cut, numbered in order, as
// NNNN.png (ReceiptRenderer, at the printer's resolution) and NNNN.txt (Receipt::text(), one line
// per printed line). A receipt that ends without a cut (the connection closed, or a fault cleared
// with its buffer) is written as NNNN-uncut.png and .txt.
//
// While the cover is open, the paper is out or the printer is offline, it prints nothing: bytes
// received are held, real-time commands (DLE EOT, DLE ENQ) among them are still answered. When the
// fault clears, the held bytes print (DLE ENQ 1, or on their own), unless DLE ENQ 2 cleared them:
// then the receipt cut short by the fault is written uncut.
//
// Threads: one of its own serves the socket; setFault(), receipts() and stop() from any thread.

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "firmware_config/printer_profile.h"

namespace frontdesk::peripherals {

enum class PrinterFault { CoverOpen, PaperNearEnd, PaperOut, Offline };

[[nodiscard]] core::Result<PrinterFault> parsePrinterFault(std::string_view name);  // "cover-open", ...

struct SimulatorOptions {
    int port = 0;        // 0: a free one
    std::string outDir;  // created if missing
};

class PrinterSimulator {
public:
    [[nodiscard]] static core::Result<std::unique_ptr<PrinterSimulator>> start(
        const firmware_config::PrinterProfile& profile, SimulatorOptions options);
    ~PrinterSimulator();  // stop()
    PrinterSimulator(const PrinterSimulator&) = delete;
    PrinterSimulator& operator=(const PrinterSimulator&) = delete;

    int port() const;
    void setFault(PrinterFault fault, bool on);
    // The fault turns on after `bytes` more bytes have been received: a cover opened in the
    // middle of a job, at a byte the test chooses.
    void setFaultAfter(PrinterFault fault, std::size_t bytes);
    void setDrawerOpen(bool open);  // a person closing the drawer; the pulse opens it
    // Receipts written so far, and the commands skipped (unknown or malformed).
    int receipts() const;
    int skippedCommands() const;
    void stop();

private:
    struct Impl;
    explicit PrinterSimulator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace frontdesk::peripherals

#pragma once
// SaleBoundary: where a sale begins and ends.
//
// Some things must never change inside a sale: the prices and tax rules it is priced with, the
// shift it belongs to. Checkout marks a sale's begin and end here; the shift ledger closes a
// shift only outside a sale; and whatever applies new master data (prices, taxes) does so through
// betweenSales(), so a new version takes effect between two sales, never inside one.
//
// Thread-safe: the till's thread calls begin/end/inSale; any thread (the master-data applier's)
// may call betweenSales. While an apply runs no sale can begin: begin() waits for it to finish.
// An apply that waits for the sale in progress goes first when it ends, so back-to-back sales
// cannot hold new prices off for ever; the next sale waits only for the apply itself (one short
// transaction).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "core/status.h"

namespace frontdesk::kiosk {

class SaleBoundary {
public:
    SaleBoundary() = default;
    SaleBoundary(const SaleBoundary&) = delete;
    SaleBoundary& operator=(const SaleBoundary&) = delete;

    void begin();
    void end();
    bool inSale() const;
    // Whether an apply is waiting for the sale in progress to end.
    bool applyWaiting() const;

    // Runs apply when no sale is open and returns its Status. If a sale is open, waits up to
    // `patience` for it to end (no new sale begins meanwhile); Busy if it is still open then (the
    // caller tries again later; the till never waits for master data).
    [[nodiscard]] core::Status betweenSales(const std::function<core::Status()>& apply,
                                            std::chrono::milliseconds patience = std::chrono::milliseconds(0));

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_inSale = false;        // guarded by m_mutex
    int m_waitingApplies = 0;     // guarded by m_mutex: applies waiting for the sale to end
};

}  // namespace frontdesk::kiosk

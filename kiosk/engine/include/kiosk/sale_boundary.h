#pragma once
// SaleBoundary: where a sale begins and ends.
//
// Some things must never change inside a sale: the prices and tax rules it is priced with, the
// shift it belongs to. Checkout marks a sale's begin and end here; the shift ledger closes a
// shift only outside a sale; and whatever applies new master data (prices, taxes) does so through
// betweenSales(), so a new version takes effect between two sales, never inside one.
//
// Thread-safe: the till's thread calls begin/end/inSale; any thread (the sync applier's) may call
// betweenSales. While an apply runs no sale can begin: begin() waits for it to finish.

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

    // Runs apply now if no sale is open and returns its Status; Busy if a sale is in progress
    // (the caller tries again later; the till does not wait for master data).
    [[nodiscard]] core::Status betweenSales(const std::function<core::Status()>& apply);

private:
    mutable std::mutex m_mutex;
    bool m_inSale = false;  // guarded by m_mutex
};

}  // namespace frontdesk::kiosk

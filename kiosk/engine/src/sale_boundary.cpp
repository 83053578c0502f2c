#include "kiosk/sale_boundary.h"

namespace frontdesk::kiosk {

void SaleBoundary::begin() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_waitingApplies == 0; });
    m_inSale = true;
}

void SaleBoundary::end() {
    {
        std::lock_guard lock(m_mutex);
        m_inSale = false;
    }
    m_changed.notify_all();
}

bool SaleBoundary::inSale() const {
    std::lock_guard lock(m_mutex);
    return m_inSale;
}

bool SaleBoundary::applyWaiting() const {
    std::lock_guard lock(m_mutex);
    return m_waitingApplies > 0;
}

core::Status SaleBoundary::betweenSales(const std::function<core::Status()>& apply, std::chrono::milliseconds patience) {
    std::unique_lock lock(m_mutex);
    if (m_inSale) {
        ++m_waitingApplies;
        const bool ended = m_changed.wait_for(lock, patience, [&] { return !m_inSale; });
        --m_waitingApplies;
        if (!ended) {
            lock.unlock();
            m_changed.notify_all();  // a sale that waited behind this apply may begin
            return core::Status(core::ErrorKind::Busy, "a sale is in progress: new prices apply after it");
        }
    }
    core::Status applied = apply();
    lock.unlock();
    m_changed.notify_all();
    return applied;
}

}  // namespace frontdesk::kiosk

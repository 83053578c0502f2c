#include "kiosk/sale_boundary.h"

namespace frontdesk::kiosk {

void SaleBoundary::begin() {
    std::lock_guard lock(m_mutex);
    m_inSale = true;
}

void SaleBoundary::end() {
    std::lock_guard lock(m_mutex);
    m_inSale = false;
}

bool SaleBoundary::inSale() const {
    std::lock_guard lock(m_mutex);
    return m_inSale;
}

core::Status SaleBoundary::betweenSales(const std::function<core::Status()>& apply) {
    std::lock_guard lock(m_mutex);
    if (m_inSale) return core::Status(core::ErrorKind::Busy, "a sale is in progress: new prices apply after it");
    return apply();
}

}  // namespace frontdesk::kiosk

#pragma once
// ParkedSales: carts put aside on this terminal to be resumed later. They stay local (no outbox
// event): a parked cart is not a business fact until it is completed or voided.
//
// Owned by Checkout; same thread as its Database.

#include <string>
#include <vector>

#include "core/database.h"
#include "kiosk/sale_record.h"

namespace frontdesk::kiosk {

struct ParkedSale {
    std::string id, label, staff, parkedAt;
};

// What resuming a parked sale takes back: its cart and whom it was for.
struct ParkedCart {
    std::string cartJson;
    SaleCustomer customer;
};

class ParkedSales {
public:
    explicit ParkedSales(core::Database& db) : m_db(db) {}
    ParkedSales(const ParkedSales&) = delete;
    ParkedSales& operator=(const ParkedSales&) = delete;

    [[nodiscard]] core::Status put(const ParkedSale& sale, const ParkedCart& cart);
    // The parked cart; NotFound if there is none. Does not remove it.
    [[nodiscard]] core::Result<ParkedCart> cart(const std::string& id);
    // Removes it (inside the resuming transaction).
    [[nodiscard]] core::Status remove(const std::string& id);
    // Oldest first.
    [[nodiscard]] core::Result<std::vector<ParkedSale>> list();

private:
    core::Database& m_db;
};

}  // namespace frontdesk::kiosk

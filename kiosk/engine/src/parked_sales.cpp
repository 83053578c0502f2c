#include "kiosk/parked_sales.h"

#include "core/bounded_input.h"
#include "sql_values.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Status ParkedSales::put(const ParkedSale& sale, const ParkedCart& cart) {
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO parked_sales (id, parked_at, staff, label, cart, customer, member)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return stmt
        ->bindAll(sale.id, sale.parkedAt, sale.staff, sale.label, cart.cartJson, nullIfEmpty(cart.customer.customer),
                  nullIfEmpty(cart.customer.member))
        .run();
}

Result<ParkedCart> ParkedSales::cart(const std::string& id) {
    FD_ASSIGN(auto* stmt,
              m_db.cached("SELECT cart, coalesce(customer, ''), coalesce(member, '') FROM parked_sales WHERE id = ?"));
    stmt->bind(1, id);
    ParkedCart parked;
    FD_TRY(stmt->firstRow(
        [&](const core::Statement& row) {
            parked = {row.text(0), {row.text(1), row.text(2)}};
        },
        "no parked sale " + core::excerpt(id)));
    return parked;
}

Status ParkedSales::remove(const std::string& id) {
    FD_ASSIGN(auto* stmt, m_db.cached("DELETE FROM parked_sales WHERE id = ?"));
    return stmt->bind(1, id).run();
}

Result<std::vector<ParkedSale>> ParkedSales::list() {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT id, label, staff, parked_at FROM parked_sales ORDER BY parked_at"));
    std::vector<ParkedSale> sales;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        sales.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
    }));
    return sales;
}

}  // namespace frontdesk::kiosk

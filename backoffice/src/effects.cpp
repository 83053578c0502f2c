#include "backoffice/effects.h"

#include "backoffice/backoffice_db.h"
#include "backoffice/chart.h"
#include "backoffice/journal.h"
#include "backoffice/reception.h"
#include "backoffice/sale_check.h"
#include "payload_fields.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

using fields::amount;
using fields::list;
using fields::object;
using fields::text;

const json& payloadOf(const sync::Delivery& d) {
    return fields::object(d.envelope, "payload");
}

JournalEntry entryFor(const sync::Delivery& d, const std::string& currency, std::string memo) {
    JournalEntry e;
    e.store = d.terminal.store;
    e.at = text(d.envelope, "at");
    e.currency = currency;
    e.source = d.type;
    e.eventId = d.id;
    e.memo = std::move(memo);
    return e;
}

// Cost of goods at the item's unit cost, for thousandths of a unit, rounded half up; nullopt when
// the cost is not known.
std::optional<std::int64_t> costOf(core::Database& db, const std::string& store, const std::string& sku,
                                   std::int64_t qtyMilli, Status& failure) {
    auto stmt = db.cached("SELECT cost_minor FROM items WHERE store = ? AND sku = ?");
    if (!stmt.ok()) {
        failure = stmt.status();
        return std::nullopt;
    }
    std::optional<std::int64_t> cost;
    failure = (*stmt)->bindAll(store, sku).forEachRow([&](const core::Statement& row) { cost = row.optionalInt64(0); });
    if (!cost) return std::nullopt;
    return (*cost * qtyMilli + 500) / 1000;
}

}  // namespace

Status EventEffects::apply(const sync::Delivery& d) {
    if (d.type == "sale.completed" || d.type == "sale.refunded") {
        const bool refund = d.type == "sale.refunded";
        FD_TRY(sale(d, refund));
        return customerSale(d, refund);
    }
    if (d.type == "checkin.recorded" || d.type == "visitor.in" || d.type == "visitor.out") return visit(d);
    if (d.type == "cash.moved") return cashMove(d);
    if (d.type == "shift.opened") return shiftOpened(d);
    if (d.type == "shift.closed") return shiftClosed(d);
    if (d.type == "clock.in" || d.type == "clock.out") return punch(d);
    if (d.type == "queue.ticket") return queueTicket(d);
    if (d.type == "drawer.opened" || d.type == "sale.voided") return {};  // no money moved
    return core::invalidArgument("the back office does not apply events of type " + d.type);
}

Status EventEffects::stockMove(const sync::Delivery& d, const std::string& sku, std::int64_t qtyMilli,
                               const char* kind) {
    FD_ASSIGN(auto* move, m_db.cached("INSERT INTO stock_moves (store, sku, qty_milli, kind, reason, event_id, at)"
                                      " VALUES (?, ?, ?, ?, '', ?, ?)"));
    FD_TRY(move->bindAll(d.terminal.store, sku, qtyMilli, std::string(kind), d.id, text(d.envelope, "at")).run());
    FD_ASSIGN(auto* known, m_db.cached("SELECT count(*) FROM items WHERE store = ? AND sku = ?"));
    std::int64_t found = 0;
    FD_TRY(known->bindAll(d.terminal.store, sku).forEachRow([&](const core::Statement& row) { found = row.int64(0); }));
    if (found) return {};
    // Kept, not refused: the sale happened; someone looks at the SKU.
    FD_ASSIGN(auto* flag,
              m_db.cached("INSERT INTO skus_to_review (store, sku, first_event, first_seen) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT(store, sku) DO NOTHING"));
    return flag->bindAll(d.terminal.store, sku, d.id, text(d.envelope, "at")).run();
}

// The shift a money event belongs to: it must be this terminal's; one not seen yet is recorded.
Status EventEffects::addToShift(const std::string& shift, std::int64_t cashIn, std::int64_t cashOut,
                                std::int64_t card) {
    FD_ASSIGN(auto* add,
              m_db.cached("UPDATE shifts SET cash_in_minor = cash_in_minor + ?, cash_out_minor = cash_out_minor + ?,"
                          " card_minor = card_minor + ? WHERE id = ?"));
    return add->bindAll(cashIn, cashOut, card, shift).run();
}

namespace {

Status shiftOfTerminal(core::Database& db, const sync::Delivery& d, const std::string& shift) {
    if (shift.empty()) return core::invalidArgument("the event names no shift");
    FD_ASSIGN(auto* owner, db.cached("SELECT store, terminal FROM shifts WHERE id = ?"));
    std::string store, terminal;
    FD_TRY(owner->bind(1, shift).forEachRow([&](const core::Statement& row) {
        store = row.text(0);
        terminal = row.text(1);
    }));
    if (store.empty()) {
        FD_ASSIGN(auto* record, db.cached("INSERT INTO shifts (id, store, terminal) VALUES (?, ?, ?)"));
        return record->bindAll(shift, d.terminal.store, d.terminal.terminal).run();
    }
    if (store != d.terminal.store || terminal != d.terminal.terminal) {
        return core::invalidArgument("shift " + shift + " is terminal " + store + "/" + terminal + "'s, not " +
                                     d.terminal.store + "/" + d.terminal.terminal + "'s");
    }
    return {};
}

// The sale's summary for the reports (sales_reports.h): its totals, its rates and its tenders, as
// checked. The day is the UTC day of the event's time (the schema's timestamps are UTC).
Status recordSale(core::Database& db, const sync::Delivery& d, const SaleFigures& f, bool refund) {
    const json& p = payloadOf(d);
    const std::string at = text(d.envelope, "at");
    FD_ASSIGN(auto* sale,
              db.cached("INSERT INTO sales (event_id, store, terminal, shift, staff, at, day, kind, receipt,"
                        " net_minor, tax_minor, gross_minor, discount_minor, rounding_minor)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(sale->bindAll(d.id, d.terminal.store, d.terminal.terminal, f.shift, text(d.envelope, "staff"), at,
                         at.substr(0, 10), std::string(refund ? "refund" : "sale"), text(p, "receipt"), f.net, f.tax,
                         f.gross, amount(fields::object(p, "totals"), "discount"), f.rounding)
               .run());
    FD_ASSIGN(auto* rate,
              db.cached("INSERT INTO sale_rates (event_id, tax_code, rate, net_minor, tax_minor, gross_minor)"
                        " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const auto& r : fields::list(p, "tax_breakdown")) {
        FD_TRY(rate->bindAll(d.id, text(r, "tax_code"), text(r, "rate"), amount(r, "net"), amount(r, "tax"),
                             amount(r, "gross"))
                   .run());
    }
    FD_ASSIGN(auto* tender,
              db.cached("INSERT INTO sale_tenders (event_id, position, method, amount_minor, change_minor)"
                        " VALUES (?, ?, ?, ?, ?)"));
    std::int64_t position = 0;
    for (const auto& t : fields::list(p, "tenders")) {
        FD_TRY(tender->bindAll(d.id, position++, text(t, "method"), amount(t, "amount"), amount(t, "change")).run());
    }
    return {};
}

}  // namespace

Status EventEffects::sale(const sync::Delivery& d, bool refund) {
    FD_ASSIGN(auto store, loadStore(m_db, d.terminal.store));
    FD_ASSIGN(auto f, checkSale(payloadOf(d), store, refund ? SaleKind::Refund : SaleKind::Sale));
    FD_TRY(shiftOfTerminal(m_db, d, f.shift));
    JournalEntry e = entryFor(d, f.currency, (refund ? "refund " : "sale ") + text(payloadOf(d), "receipt"));
    // A sale: money in (debit), revenue and tax owed (credit). A refund: the mirror image.
    const auto side = [&](std::string account, std::int64_t amount, bool debitOnSale) {
        const bool debit = debitOnSale != refund;
        if (amount < 0) return Posting{std::move(account), debit ? 0 : -amount, debit ? -amount : 0};
        return Posting{std::move(account), debit ? amount : 0, debit ? 0 : amount};
    };
    e.postings.push_back(side(std::string(accounts::kCash), f.cash, true));
    e.postings.push_back(side(std::string(accounts::kCardClearing), f.card, true));
    for (const auto& r : f.byRate) {
        e.postings.push_back(
            side(accounts::perTaxCode(refund ? accounts::kRefunds : accounts::kSalesRevenue, r.taxCode), r.net, false));
        e.postings.push_back(side(accounts::perTaxCode(accounts::kOutputTax, r.taxCode), r.tax, false));
    }
    // Rounding up (the customer paid more than the gross) is income, rounding down a cost.
    e.postings.push_back(side(std::string(accounts::kRounding), f.rounding, false));
    Journal journal(m_db);
    FD_TRY(journal.post(e).status());

    JournalEntry cogs = entryFor(d, f.currency, "cost of goods, " + e.memo);
    for (const auto& l : f.lines) {
        FD_TRY(stockMove(d, l.sku, refund ? l.qtyMilli : -l.qtyMilli, refund ? "refund" : "sale"));
        Status failure;
        auto cost = costOf(m_db, d.terminal.store, l.sku, l.qtyMilli, failure);
        FD_TRY(failure);
        if (!cost || *cost == 0) continue;
        cogs.postings.push_back(side(std::string(accounts::kCostOfGoods), *cost, true));
        cogs.postings.push_back(side(std::string(accounts::kInventory), *cost, false));
    }
    if (!cogs.postings.empty()) FD_TRY(journal.post(cogs).status());
    FD_TRY(recordSale(m_db, d, f, refund));
    return refund ? addToShift(f.shift, 0, f.cash, -f.card) : addToShift(f.shift, f.cash, 0, f.card);
}

Status EventEffects::cashMove(const sync::Delivery& d) {
    const json& p = payloadOf(d);
    FD_ASSIGN(auto store, loadStore(m_db, d.terminal.store));
    const std::string currency = text(p, "currency");
    if (currency != store.currency)
        return core::invalidArgument("the cash move is in " + currency + ", the store's currency is " + store.currency);
    const std::string shift = text(p, "shift");
    FD_TRY(shiftOfTerminal(m_db, d, shift));
    const std::int64_t value = amount(p, "amount");
    if (value <= 0) return core::invalidArgument("a cash move's amount must be above 0");
    const bool in = text(p, "kind") == "paid_in";
    JournalEntry e = entryFor(d, currency, (in ? "paid in: " : "paid out: ") + text(p, "reason"));
    if (in) {
        e.postings = {{std::string(accounts::kCash), value, 0}, {std::string(accounts::kOtherIncome), 0, value}};
    } else {
        e.postings = {{std::string(accounts::kPaidOut), value, 0}, {std::string(accounts::kCash), 0, value}};
    }
    FD_TRY(Journal(m_db).post(e).status());
    FD_ASSIGN(auto* move,
              m_db.cached("INSERT INTO cash_moves (event_id, store, terminal, shift, kind, amount_minor, at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(move->bindAll(d.id, d.terminal.store, d.terminal.terminal, shift, std::string(in ? "paid_in" : "paid_out"),
                         value, text(d.envelope, "at"))
               .run());
    return in ? addToShift(shift, value, 0, 0) : addToShift(shift, 0, value, 0);
}

Status EventEffects::shiftOpened(const sync::Delivery& d) {
    const json& p = payloadOf(d);
    FD_ASSIGN(auto store, loadStore(m_db, d.terminal.store));
    const std::string shift = text(p, "shift");
    FD_TRY(shiftOfTerminal(m_db, d, shift));
    FD_ASSIGN(auto* open, m_db.cached("UPDATE shifts SET opened_by = ?, opened_at = ?, float_minor = ? WHERE id = ?"));
    const std::int64_t drawerFloat = amount(p, "float");
    FD_TRY(open->bindAll(text(d.envelope, "staff"), text(p, "opened_at"), drawerFloat, shift).run());
    if (drawerFloat == 0) return {};
    JournalEntry e = entryFor(d, store.currency, "float into the drawer");
    e.postings = {{std::string(accounts::kCash), drawerFloat, 0}, {std::string(accounts::kSafe), 0, drawerFloat}};
    return Journal(m_db).post(e).status();
}

Status EventEffects::shiftClosed(const sync::Delivery& d) {
    const json& p = payloadOf(d);
    const std::string shift = text(p, "shift");
    FD_TRY(shiftOfTerminal(m_db, d, shift));
    FD_ASSIGN(auto* close,
              m_db.cached("UPDATE shifts SET closed_at = ?, expected_minor = ?, counted_minor = ? WHERE id = ?"));
    FD_TRY(close->bindAll(text(p, "closed_at"), amount(p, "expected_cash"), amount(p, "counted_cash"), shift).run());
    // The terminal's Z report whole, to set beside the back office's own (zReport).
    FD_ASSIGN(auto* keep,
              m_db.cached("INSERT INTO z_reports (shift, event_id, body) VALUES (?, ?, ?)"
                          " ON CONFLICT(shift) DO UPDATE SET event_id = excluded.event_id, body = excluded.body"));
    return keep->bindAll(shift, d.id, p.dump()).run();
}

// The punch is kept as the event says it: an employee the back office does not know yet is
// reported by the hours report, not refused (the time was worked).
Status EventEffects::punch(const sync::Delivery& d) {
    FD_ASSIGN(auto* insert, m_db.cached("INSERT INTO punches (event_id, store, terminal, employee, kind, at, method)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return insert
        ->bindAll(d.id, d.terminal.store, d.terminal.terminal, text(d.envelope, "staff"),
                  std::string(d.type == "clock.in" ? "in" : "out"), text(d.envelope, "at"),
                  text(payloadOf(d), "method"))
        .run();
}

namespace {

// "" as NULL.
std::optional<std::string> orNull(const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

}  // namespace

// A sale or refund that names a customer or member joins the customer's record (customers.h).
Status EventEffects::customerSale(const sync::Delivery& d, bool refund) {
    const json& p = payloadOf(d);
    const std::string customer = text(p, "customer"), member = text(p, "member");
    if (customer.empty() && member.empty()) return {};
    json items = json::array();
    for (const auto& line : list(p, "lines")) {
        items.push_back({{"sku", text(line, "sku")}, {"name", text(line, "name")}, {"qty", text(line, "qty")}});
    }
    FD_ASSIGN(auto* insert, m_db.cached("INSERT INTO customer_sales (event_id, store, customer, member, kind, receipt,"
                                        " gross_minor, currency, items, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return insert
        ->bindAll(d.id, d.terminal.store, orNull(customer), orNull(member), std::string(refund ? "refund" : "sale"),
                  text(p, "receipt"), amount(object(p, "totals"), "gross"), text(p, "currency"), items.dump(),
                  text(d.envelope, "at"))
        .run();
}

// Check-ins and check-outs of bookings and members, visitors in and out (reception.h): the visit
// is kept; an admitted check-in marks its booking checked in, a check-out completes it; the
// member dataset is cut again (it carries recent visits).
Status EventEffects::visit(const sync::Delivery& d) {
    const json& p = payloadOf(d);
    const std::string at = text(d.envelope, "at");
    const std::string store = d.terminal.store;
    std::string kind = d.type == "visitor.in" ? "visitor_in" : d.type == "visitor.out" ? "visitor_out" : "checkin";
    if (d.type == "checkin.recorded" && text(p, "direction") == "out") kind = "checkout";
    const std::string outcome = d.type == "checkin.recorded" ? text(p, "outcome") : "admitted";
    const std::string booking = text(p, "booking"), member = text(p, "member");
    json detail = json::object();
    if (kind == "visitor_in") {
        detail = {{"visit", text(p, "visit")},
                  {"name", text(p, "name")},
                  {"company", text(p, "company")},
                  {"host", text(p, "host")},
                  {"blocked", p.value("blocked", false)}};
    } else if (kind == "visitor_out") {
        detail = {{"visit", text(p, "visit")}};
    }
    FD_ASSIGN(auto* insert,
              m_db.cached("INSERT INTO visits (event_id, store, terminal, kind, booking, member, customer, outcome,"
                          " reason, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(insert
               ->bindAll(d.id, store, d.terminal.terminal, kind, orNull(booking), orNull(member),
                         orNull(text(p, "customer")), outcome, text(p, "reason"), detail.dump(), at)
               .run());
    if (!booking.empty() && outcome == "admitted") {
        FD_ASSIGN(auto* mark,
                  m_db.cached(kind == "checkin"
                                  ? "UPDATE bookings SET status = 'checked_in', checked_in_at = ?1, updated_at = ?1"
                                    " WHERE id = ?2 AND store = ?3 AND status IN ('booked', 'cancelled')"
                                  : "UPDATE bookings SET status = 'completed', checked_out_at = ?1, updated_at = ?1"
                                    " WHERE id = ?2 AND store = ?3 AND status IN ('booked', 'checked_in')"));
        FD_TRY(mark->bindAll(at, booking, store).run());
        FD_TRY(markDirty(m_db, "bookings", store, at));
    }
    if (!member.empty()) FD_TRY(markDirty(m_db, "members", store, at));
    return {};
}

// A queue ticket taken or called (reception.h, attendance): one row per ticket, whichever of its
// two events comes first.
Status EventEffects::queueTicket(const sync::Delivery& d) {
    const json& p = payloadOf(d);
    const bool called = text(p, "state") == "called";
    FD_ASSIGN(auto* upsert,
              m_db.cached(called ? "INSERT INTO queue_tickets (ticket, store, terminal, number, service,"
                                   " called_at, called_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ticket)"
                                   " DO UPDATE SET called_at = excluded.called_at, called_by = excluded.called_by"
                                 : "INSERT INTO queue_tickets (ticket, store, terminal, number, service,"
                                   " taken_at, taken_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ticket)"
                                   " DO UPDATE SET taken_at = excluded.taken_at, taken_by = excluded.taken_by"));
    return upsert
        ->bindAll(text(p, "ticket"), d.terminal.store, d.terminal.terminal, amount(p, "number"), text(p, "service"),
                  text(d.envelope, "at"), text(d.envelope, "staff"))
        .run();
}

}  // namespace frontdesk::backoffice

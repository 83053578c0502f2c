#include "kiosk/engine.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Result;
using core::Status;

Result<std::unique_ptr<Engine>> Engine::open(core::Database& db, const core::Clock& clock, PaymentAdapter& payments) {
    FD_ASSIGN(auto settings, loadSettings(db));
    std::unique_ptr<Engine> engine(new Engine(db, clock, payments, std::move(settings)));
    FD_ASSIGN(auto* shift, db.cached("SELECT id FROM shifts WHERE closed_at IS NULL"));
    FD_ASSIGN(bool row, shift->step());
    if (row) engine->m_shiftId = shift->text(0);
    shift->reset();
    FD_TRY(engine->reverseOrphanedCardPayments());
    return engine;
}

Status Engine::reverseOrphanedCardPayments() {
    struct Orphan {
        std::string ref, sale;
        std::int64_t amount;
    };
    std::vector<Orphan> orphans;
    {
        FD_ASSIGN(auto* find, m_db.cached("SELECT terminal_ref, sale_id, amount_minor FROM card_authorizations"));
        for (;;) {
            FD_ASSIGN(bool row, find->step());
            if (!row) break;
            orphans.push_back({find->text(0), find->text(1), find->int64(2)});
        }
    }
    for (const auto& orphan : orphans) {
        // A terminal that cannot be reached now keeps the row, and the next start tries again.
        if (!m_payments.reverse(orphan.ref).ok()) continue;
        auto forget = [&]() -> Status {
            FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
            FD_ASSIGN(auto* drop, m_db.cached("DELETE FROM card_authorizations WHERE terminal_ref = ?"));
            FD_TRY(drop->bind(1, orphan.ref).run());
            FD_ASSIGN(auto* note, m_db.cached("INSERT INTO audit (at, staff, action, approved_by, detail)"
                                              " VALUES (?, NULL, ?, NULL, ?)"));
            FD_TRY(note->bindAll(core::formatIso8601(m_clock.now()), "card payment reversed: sale never completed",
                                 jsonText({{"sale", orphan.sale}, {"amount", orphan.amount}, {"terminal_ref", orphan.ref}}))
                       .run());
            return tx->commit();
        };
        // Not being able to write this down must not keep the till from starting: the row stays and
        // the next start reverses again, which a terminal refuses harmlessly for a reversed payment.
        (void)forget();
    }
    return {};
}

Engine::Engine(core::Database& db, const core::Clock& clock, PaymentAdapter& payments, TerminalSettings settings)
    : m_db(db),
      m_clock(clock),
      m_payments(payments),
      m_settings(std::move(settings)),
      m_ids(clock),
      m_catalog(db),
      m_staff(db, clock, m_settings),
      m_outbox(db, clock, m_ids, m_settings) {}

// ---- guards ----

Result<StaffMember> Engine::requireUser() const {
    if (!m_user) return Status(core::ErrorKind::Unauthenticated, "no one is logged in");
    return *m_user;
}

Status Engine::requireShift() const {
    if (!m_shiftId) return core::failedPrecondition("no shift is open: open a shift with a float first");
    return {};
}

Result<std::string> Engine::authorize(Permission permission, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto user, requireUser());
    FD_ASSIGN(auto approver, m_staff.authorize(user, permission, approval));
    if (!approver.empty()) {
        // Every approval is kept, including those of sales later voided.
        FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO audit (at, staff, action, approved_by, detail) VALUES (?, ?, ?, ?, ?)"));
        FD_TRY(stmt->bindAll(core::formatIso8601(m_clock.now()), user.id, permissionName(permission), approver,
                             m_saleId.empty() ? std::string("{}") : jsonText({{"sale", m_saleId}}))
                   .run());
    }
    return approver;
}

Status Engine::requireEditable() const {
    if (!m_tenders.empty()) return core::failedPrecondition("payment has started: complete or void the sale to change it");
    return {};
}

Status Engine::checkCurrency(const Money& amount) const {
    if (!(amount.currency() == m_settings.currency)) {
        return core::invalidArgument("amount is in " + std::string(amount.currency().codeView()) + ", this till takes " +
                                     std::string(m_settings.currency.codeView()));
    }
    // Any amount a person enters (float, tender, paid-in, counted cash) stays within 10^10 minor
    // units, so shift sums of any realistic length cannot overflow.
    constexpr std::int64_t kMaxEnteredMinor = 10'000'000'000;
    if (amount.minor() > kMaxEnteredMinor || amount.minor() < -kMaxEnteredMinor) {
        return core::invalidArgument("amount " + amount.toString() + " is beyond what a till takes");
    }
    return {};
}

void Engine::resetSale() {
    m_cart.clear();
    m_tenders.clear();
    m_rounding = 0;
    m_saleId.clear();
    m_reversed = nlohmann::json::array();
}

Result<std::vector<OutboxEvent>> Engine::pendingEvents(int limit) {
    FD_TRY(authorize(Permission::ViewJournal, std::nullopt).status());
    return m_outbox.pending(limit);
}

// ---- staff ----

Result<StaffMember> Engine::login(const std::string& staffId, const std::string& pin) {
    FD_ASSIGN(auto member, m_staff.authenticate(staffId, pin));
    m_user = member;  // switching cashier keeps the sale in progress; it completes under the new one
    return member;
}

// ---- the sale in progress ----

Result<SaleState> Engine::state() const {
    SaleState s;
    FD_ASSIGN(s.totals, m_cart.price(m_settings.currency, m_settings.tax));
    s.tenders = m_tenders;
    s.rounding = m_rounding;
    for (const auto& t : m_tenders) {
        s.paid += t.amount - t.change;
        s.change += t.change;
    }
    s.remaining = s.totals.gross.minor() + s.rounding - s.paid;
    return s;
}

Result<SaleState> Engine::applyCart(Cart candidate, std::optional<std::size_t> changedLine) {
    // Discounts and overrides were approved for the sale as it was. When someone who could not
    // have given them changes what is being bought, they come off again (the state shows it), so
    // an approval cannot be stretched over other goods or quantities.
    const Role role = m_user ? m_user->role : Role::Cashier;
    if (changedLine) {
        if (!roleAllows(role, Permission::CartDiscount)) candidate.dropCartDiscount();
        if (!roleAllows(role, Permission::LineDiscount)) candidate.dropLineDiscount(*changedLine);
        if (!roleAllows(role, Permission::PriceOverride)) candidate.dropPriceOverride(*changedLine);
    }
    // Price the candidate first: a change that would overflow or break the totals is refused whole.
    FD_TRY(candidate.price(m_settings.currency, m_settings.tax).status());
    if (m_cart.empty() && !candidate.empty()) m_saleId = m_ids.next();
    m_cart = std::move(candidate);
    if (m_cart.empty()) m_saleId.clear();
    return state();
}

Result<SaleState> Engine::addItem(const Item& item, const core::Decimal& qty) {
    FD_TRY(requireShift());
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    FD_TRY(requireEditable());
    Cart candidate = m_cart;
    FD_TRY(candidate.add(item, qty));
    // The line that changed: the last one, or the one the scan merged into.
    std::size_t changed = candidate.lines().size() - 1;
    for (std::size_t i = 0; i < m_cart.lines().size(); ++i) {
        if (!(m_cart.lines()[i].qty == candidate.lines()[i].qty)) changed = i;
    }
    return applyCart(std::move(candidate), changed);
}

Result<SaleState> Engine::scan(const std::string& barcode, const core::Decimal& qty) {
    if (barcode.empty() || barcode.size() > 64) return core::invalidArgument("barcode must be 1 to 64 characters");
    FD_ASSIGN(auto item, m_catalog.byBarcode(barcode));
    return addItem(item, qty);
}

Result<SaleState> Engine::addSku(const std::string& sku, const core::Decimal& qty) {
    FD_ASSIGN(auto item, m_catalog.bySku(sku));
    return addItem(item, qty);
}

Result<SaleState> Engine::setQty(std::size_t line, const core::Decimal& qty) {
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    FD_TRY(requireEditable());
    Cart candidate = m_cart;
    FD_TRY(candidate.setQty(line - 1, qty));
    return applyCart(std::move(candidate), line - 1);
}

Result<SaleState> Engine::removeLine(std::size_t line) {
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    FD_TRY(requireEditable());
    Cart candidate = m_cart;
    FD_TRY(candidate.remove(line - 1));
    // No line is left to drop adjustments from; the sale discount still comes off (index past the end).
    const std::size_t pastEnd = candidate.lines().size();
    return applyCart(std::move(candidate), pastEnd);
}

Result<SaleState> Engine::lineDiscount(std::size_t line, Discount discount, const std::optional<Approval>& approval) {
    FD_TRY(requireEditable());
    FD_ASSIGN(discount.approvedBy, authorize(Permission::LineDiscount, approval));
    Cart candidate = m_cart;
    FD_TRY(candidate.setLineDiscount(line - 1, std::move(discount)));
    return applyCart(std::move(candidate), std::nullopt);
}

Result<SaleState> Engine::cartDiscount(Discount discount, const std::optional<Approval>& approval) {
    FD_TRY(requireEditable());
    FD_ASSIGN(discount.approvedBy, authorize(Permission::CartDiscount, approval));
    Cart candidate = m_cart;
    FD_TRY(candidate.setCartDiscount(std::move(discount)));
    return applyCart(std::move(candidate), std::nullopt);
}

Result<SaleState> Engine::overridePrice(std::size_t line, const Money& unitPrice, const std::optional<Approval>& approval) {
    FD_TRY(checkCurrency(unitPrice));
    FD_TRY(requireEditable());
    FD_ASSIGN(auto approver, authorize(Permission::PriceOverride, approval));
    Cart candidate = m_cart;
    FD_TRY(candidate.overridePrice(line - 1, unitPrice.minor(), approver));
    return applyCart(std::move(candidate), std::nullopt);
}

// ---- payment ----

Result<SaleState> Engine::tenderCash(const Money& amount) {
    FD_TRY(requireShift());
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    FD_TRY(checkCurrency(amount));
    if (!amount.isPositive()) return core::invalidArgument("cash tendered must be positive");
    // Cash finer than the currency's cash step (single Rappen in CHF) cannot be handed over; accepting it
    // would record a sale paid above its due with neither change nor rounding.
    if (amount.minor() % m_settings.currency.cashIncrement != 0) {
        return core::invalidArgument("cash comes in steps of " +
                                     Money(m_settings.currency.cashIncrement, m_settings.currency).toString() +
                                     ", not " + amount.toString());
    }
    if (m_cart.empty()) return core::failedPrecondition("nothing to pay: the sale is empty");
    FD_ASSIGN(auto s, state());
    if (s.remaining <= 0) return core::failedPrecondition("the sale is paid: complete it");
    const Money remaining(s.remaining, m_settings.currency);
    // Cash settles to the currency's cash step (CHF 0.05); the difference is recorded as rounding.
    const Money cashDue = remaining.cashRounded();
    RecordTender tender{"cash", amount.minor(), 0, std::nullopt, {}};
    if (amount >= cashDue) {
        m_rounding += (cashDue - remaining).minor();
        tender.change = (amount - cashDue).minor();
    }
    m_tenders.push_back(tender);
    return state();
}

Result<SaleState> Engine::tenderCard(const std::optional<Money>& requested) {
    FD_TRY(requireShift());
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    if (m_cart.empty()) return core::failedPrecondition("nothing to pay: the sale is empty");
    FD_ASSIGN(auto s, state());
    if (s.remaining <= 0) return core::failedPrecondition("the sale is paid: complete it");
    const Money remaining(s.remaining, m_settings.currency);
    const Money amount = requested.value_or(remaining);
    FD_TRY(checkCurrency(amount));
    if (!amount.isPositive()) return core::invalidArgument("card amount must be positive");
    if (amount > remaining) {
        return core::invalidArgument("card amount " + amount.toString() + " is more than the " + remaining.toString() +
                                     " still due");
    }
    FD_ASSIGN(auto card, m_payments.authorize(amount, m_saleId));
    if (Status valid = validateCardResult(card); !valid.ok()) {
        (void)m_payments.reverse(card.terminalRef);
        return valid;
    }
    // Journal the approval before anything else: if the till dies before the sale completes, the
    // next start finds it and reverses it instead of leaving the customer charged for nothing.
    FD_ASSIGN(auto* journal, m_db.cached("INSERT INTO card_authorizations (terminal_ref, sale_id, amount_minor,"
                                         " card_brand, card_last4, auth_code, at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (Status st = journal->bindAll(card.terminalRef, m_saleId, amount.minor(), card.brand, card.last4, card.authCode,
                                     core::formatIso8601(m_clock.now()))
                        .run();
        !st.ok()) {
        (void)m_payments.reverse(card.terminalRef);
        return st.withContext("the card payment was reversed because it could not be recorded");
    }
    m_tenders.push_back({"card", amount.minor(), 0, std::move(card), {}});
    return state();
}

Result<Committed> Engine::complete() {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(requireShift());
    if (m_cart.empty()) return core::failedPrecondition("nothing to complete: the sale is empty");
    FD_ASSIGN(auto s, state());
    if (s.remaining > 0) {
        return core::failedPrecondition(Money(s.remaining, m_settings.currency).toString() + " is still due");
    }
    SaleRecord record;
    record.id = m_saleId;
    record.shiftId = *m_shiftId;
    record.staff = user.id;
    record.approvedBy = m_cart.cartDiscount().approvedBy;
    record.currency = std::string(m_settings.currency.codeView());
    record.priceVersion = m_settings.priceVersion;
    record.net = s.totals.net.minor();
    record.tax = s.totals.tax.minor();
    record.gross = s.totals.gross.minor();
    record.discount = s.totals.discount.minor();
    record.rounding = s.rounding;
    for (std::size_t i = 0; i < m_cart.lines().size(); ++i) {
        const auto& line = m_cart.lines()[i];
        const auto& priced = s.totals.lines[i];
        record.lines.push_back({line.item.sku, line.item.name, line.qty, line.unitPriceMinor,
                                priced.lineDiscountMinor + priced.cartDiscountMinor, line.item.taxCode,
                                line.item.taxRate, priced.amounts.net.minor(), priced.amounts.tax.minor(),
                                priced.amounts.gross.minor(), std::nullopt, lineApprovers(line)});
    }
    for (const auto& rate : s.totals.byRate) {
        record.byRate.push_back({rate.taxCode, rate.ratePercent, rate.net.minor(), rate.tax.minor(), rate.gross.minor()});
    }
    record.tenders = m_tenders;
    // On failure (disk full, read-only) nothing was written and the sale stays here to retry.
    FD_ASSIGN(auto committed, writeSaleRecord(m_db, m_outbox, m_settings.terminal, record,
                                              core::formatIso8601(m_clock.now())));
    resetSale();
    return committed;
}

// Who approved a line's override and discount: "s1", or "s1,m1" when two people did.
std::string Engine::lineApprovers(const CartLine& line) {
    const std::string& a = line.overrideApprovedBy;
    const std::string& b = line.discount.approvedBy;
    if (a.empty() || a == b) return b;
    return b.empty() ? a : a + "," + b;
}

// ---- park, resume, void ----

Result<std::string> Engine::park(const std::string& label) {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    if (m_cart.empty()) return core::failedPrecondition("nothing to park: the sale is empty");
    FD_TRY(requireEditable());
    const std::string id = m_saleId;
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO parked_sales (id, parked_at, staff, label, cart) VALUES (?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(id, core::formatIso8601(m_clock.now()), user.id, label, jsonText(m_cart.toJson())).run());
    resetSale();
    return id;
}

Result<SaleState> Engine::resume(const std::string& parkedId) {
    FD_TRY(requireShift());
    FD_TRY(authorize(Permission::Sell, std::nullopt).status());
    if (!m_cart.empty()) return core::failedPrecondition("finish or park the current sale before resuming another");
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* find, m_db.cached("SELECT cart FROM parked_sales WHERE id = ?"));
    find->bind(1, parkedId);
    FD_ASSIGN(bool row, find->step());
    if (!row) return core::notFound("no parked sale " + parkedId);
    const std::string text = find->text(0);
    find->reset();
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) return Status(core::ErrorKind::Corrupt, "parked sale " + parkedId + " is not valid JSON");
    FD_ASSIGN(auto cart, Cart::fromJson(json));
    // Prices may have changed while the sale was parked: it resumes at today's catalog prices and
    // tax rates (lines with an approved override keep their price), as the price version it
    // will be recorded with says.
    Cart repriced;
    for (const auto& line : cart.lines()) {
        auto current = m_catalog.bySku(line.item.sku);
        if (!current.ok() && current.status().kind() != core::ErrorKind::NotFound) return current.status();
        const Item item = current.ok() ? *current : line.item;
        FD_TRY(repriced.append(item, line.qty));
        const std::size_t index = repriced.lines().size() - 1;
        if (line.priceOverridden) FD_TRY(repriced.overridePrice(index, line.unitPriceMinor, line.overrideApprovedBy));
        if (line.discount.any()) FD_TRY(repriced.setLineDiscount(index, line.discount));
    }
    if (cart.cartDiscount().any()) FD_TRY(repriced.setCartDiscount(cart.cartDiscount()));
    FD_TRY(repriced.price(m_settings.currency, m_settings.tax).status());
    cart = std::move(repriced);
    FD_ASSIGN(auto* remove, m_db.cached("DELETE FROM parked_sales WHERE id = ?"));
    FD_TRY(remove->bind(1, parkedId).run());
    FD_TRY(tx->commit());
    m_cart = std::move(cart);
    m_saleId = parkedId;
    return state();
}

Result<std::vector<ParkedSale>> Engine::parked() {
    FD_TRY(requireUser().status());
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT id, label, staff, parked_at FROM parked_sales ORDER BY parked_at"));
    std::vector<ParkedSale> list;
    for (;;) {
        FD_ASSIGN(bool row, stmt->step());
        if (!row) break;
        list.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3)});
    }
    return list;
}

Result<OutboxEvent> Engine::voidSale(const std::string& reason, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto user, requireUser());
    if (m_cart.empty() && m_tenders.empty()) return core::failedPrecondition("no sale in progress to void");
    if (reason.empty()) return core::invalidArgument("a void needs a reason");
    FD_ASSIGN(auto approver, authorize(Permission::VoidSale, approval));
    FD_ASSIGN(auto s, state());
    // Give card money back before forgetting the sale; a failed reversal keeps the sale open. What
    // was reversed is remembered until the void commits, so a retried void still reports it.
    for (auto it = m_tenders.begin(); it != m_tenders.end();) {
        if (it->card) {
            if (Status st = m_payments.reverse(it->card->terminalRef); !st.ok()) {
                return st.withContext("card payment " + it->card->terminalRef + " could not be reversed; the sale stays open");
            }
            m_reversed.push_back({{"amount", it->amount}, {"terminal_ref", it->card->terminalRef}});
            FD_ASSIGN(auto* drop, m_db.cached("DELETE FROM card_authorizations WHERE terminal_ref = ?"));
            // If this fails the row stays, and the next start reverses again, which terminals refuse harmlessly.
            (void)drop->bind(1, it->card->terminalRef).run();
            it = m_tenders.erase(it);
        } else {
            ++it;
        }
    }
    const auto at = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO voided_sales (id, shift_id, staff, approved_by, at, reason, gross_minor, lines)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(m_saleId, m_shiftId, user.id, approver, at, reason, s.totals.gross.minor(),
                         static_cast<std::int64_t>(m_cart.lines().size()))
               .run());
    nlohmann::json payload = {{"sale", m_saleId},         {"shift", m_shiftId ? *m_shiftId : ""},
                              {"reason", reason},         {"approved_by", approver},
                              {"currency", std::string(m_settings.currency.codeView())},
                              {"gross", s.totals.gross.minor()}, {"cart", m_cart.toJson()},
                              {"reversed", m_reversed}};
    FD_ASSIGN(auto event, m_outbox.append("sale.voided", user.id, m_saleId, std::move(payload)));
    FD_TRY(tx->commit());
    resetSale();
    return event;
}

}  // namespace frontdesk::kiosk

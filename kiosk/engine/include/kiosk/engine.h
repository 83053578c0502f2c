#pragma once
// Engine: the till without a screen. Staff log in, open a shift, ring up a sale, take payment
// and complete it; refund, park, void, move cash and close the shift with a Z report.
//
// Every operation needs a logged-in staff member and is checked against their role (see
// roleAllows); one the role may not do takes an Approval from someone whose role may, and the
// approver is recorded. Discounts and overrides approved for a sale come off again when someone
// who could not have given them changes the goods or quantities. Completing a
// sale or refund, voiding a sale and every shift or cash event commit their rows and exactly one
// outbox event in one SQLite transaction before the call returns; only then may a receipt be
// printed. An error leaves the engine usable: a failed commit keeps the sale in memory to retry.
//
// Not thread-safe: one thread (the UI's or the headless driver's) calls everything.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/cart.h"
#include "kiosk/catalog.h"
#include "kiosk/outbox.h"
#include "kiosk/payment.h"
#include "kiosk/sale_record.h"
#include "kiosk/shift_report.h"
#include "kiosk/staff.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

// The sale in progress: its priced cart and what has been paid.
struct SaleState {
    CartTotals totals;
    std::vector<RecordTender> tenders;
    std::int64_t rounding = 0;  // cash rounding applied by the settling cash tender
    std::int64_t paid = 0;      // tendered minus change
    std::int64_t remaining = 0; // gross + rounding - paid; <= 0 means fully paid
    std::int64_t change = 0;
};

struct RefundLine {
    std::int64_t line = 0;  // line number on the original receipt
    core::Decimal qty;
};

struct RefundItem {  // refunds without a receipt: sku, quantity and optionally the price paid
    std::string sku;
    core::Decimal qty;
    std::optional<core::Money> unitPrice;  // the price paid, if not the catalog's
};

struct RefundRequest {
    std::string receipt;             // empty for a refund without a receipt
    std::vector<RefundLine> lines;   // with a receipt
    std::vector<RefundItem> items;   // without a receipt
    std::string method;              // "", "cash" or "card"; "" = back to the original method
    std::string reason;
};

struct ParkedSale {
    std::string id, label, staff, parkedAt;
};

class Engine {
public:
    // The database must be provisioned (settings present).
    [[nodiscard]] static core::Result<std::unique_ptr<Engine>> open(core::Database& db, const core::Clock& clock,
                                                                    PaymentAdapter& payments);

    const TerminalSettings& settings() const { return m_settings; }
    Catalog& catalog() { return m_catalog; }
    StaffDirectory& staff() { return m_staff; }
    Outbox& outbox() { return m_outbox; }

    // -- staff
    [[nodiscard]] core::Result<StaffMember> login(const std::string& staffId, const std::string& pin);
    void logout() { m_user.reset(); }
    const std::optional<StaffMember>& user() const { return m_user; }

    // -- shift and cash
    [[nodiscard]] core::Result<std::string> openShift(const core::Money& openingFloat);
    [[nodiscard]] core::Result<ShiftReport> closeShift(const core::Money& countedCash);
    [[nodiscard]] core::Result<ShiftReport> xReport();
    [[nodiscard]] core::Status paidIn(const core::Money& amount, const std::string& reason,
                                      const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Status paidOut(const core::Money& amount, const std::string& reason,
                                       const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Status noSale(const std::string& reason, const std::optional<Approval>& approval = std::nullopt);
    const std::optional<std::string>& shiftId() const { return m_shiftId; }

    // -- the sale in progress (lines are 1-based as shown to the cashier)
    [[nodiscard]] core::Result<SaleState> scan(const std::string& barcode, const core::Decimal& qty);
    [[nodiscard]] core::Result<SaleState> addSku(const std::string& sku, const core::Decimal& qty);
    [[nodiscard]] core::Result<SaleState> setQty(std::size_t line, const core::Decimal& qty);
    [[nodiscard]] core::Result<SaleState> removeLine(std::size_t line);
    [[nodiscard]] core::Result<SaleState> lineDiscount(std::size_t line, Discount discount,
                                                       const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Result<SaleState> cartDiscount(Discount discount,
                                                       const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Result<SaleState> overridePrice(std::size_t line, const core::Money& unitPrice,
                                                        const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Result<SaleState> state() const;
    const Cart& cart() const { return m_cart; }

    // -- payment: cash settles with change and cash rounding; card defaults to what remains
    [[nodiscard]] core::Result<SaleState> tenderCash(const core::Money& amount);
    [[nodiscard]] core::Result<SaleState> tenderCard(const std::optional<core::Money>& amount = std::nullopt);
    // Commits the fully paid sale; returns its receipt number, event and payload.
    [[nodiscard]] core::Result<Committed> complete();

    // -- park, resume, void
    [[nodiscard]] core::Result<std::string> park(const std::string& label);
    [[nodiscard]] core::Result<SaleState> resume(const std::string& parkedId);
    [[nodiscard]] core::Result<std::vector<ParkedSale>> parked();

    // -- the outbox, for supervisors checking what is waiting to be sent
    [[nodiscard]] core::Result<std::vector<OutboxEvent>> pendingEvents(int limit);
    [[nodiscard]] core::Result<OutboxEvent> voidSale(const std::string& reason,
                                                     const std::optional<Approval>& approval = std::nullopt);

    // -- refunds
    [[nodiscard]] core::Result<Committed> refund(const RefundRequest& request,
                                                 const std::optional<Approval>& approval = std::nullopt);

private:
    Engine(core::Database& db, const core::Clock& clock, PaymentAdapter& payments, TerminalSettings settings);

    // Reverses card approvals journaled for sales that never completed (the till died mid-sale).
    core::Status reverseOrphanedCardPayments();
    core::Result<StaffMember> requireUser() const;
    core::Status requireShift() const;
    core::Result<std::string> authorize(Permission permission, const std::optional<Approval>& approval);
    core::Status requireEditable() const;
    core::Result<SaleState> applyCart(Cart candidate, std::optional<std::size_t> changedLine);
    core::Result<SaleState> addItem(const Item& item, const core::Decimal& qty);
    core::Status checkCurrency(const core::Money& amount) const;
    core::Status cashMove(const char* kind, const core::Money& amount, const std::string& reason, Permission permission,
                          const std::optional<Approval>& approval);
    core::Status audit(const std::string& action, const std::string& approvedBy, const nlohmann::json& detail);
    core::Result<SaleRecord> refundRecordFromReceipt(const RefundRequest& request);
    core::Result<SaleRecord> refundRecordWithoutReceipt(const RefundRequest& request);
    struct RefundSources;
    core::Result<RefundSources> refundSources(const std::string& originalSaleId);
    core::Status payRefund(SaleRecord& record, const RefundRequest& request, const std::optional<Approval>& approval);
    core::Status reverseCardRefunds(const SaleRecord& record);
    void resetSale();
    static std::string lineApprovers(const CartLine& line);

    core::Database& m_db;
    const core::Clock& m_clock;
    PaymentAdapter& m_payments;
    TerminalSettings m_settings;
    core::UuidV7Generator m_ids;
    Catalog m_catalog;
    StaffDirectory m_staff;
    Outbox m_outbox;

    std::optional<StaffMember> m_user;
    std::optional<std::string> m_shiftId;
    Cart m_cart;
    std::vector<RecordTender> m_tenders;
    std::int64_t m_rounding = 0;
    std::string m_saleId;  // assigned when the sale starts, so card references name it
    nlohmann::json m_reversed = nlohmann::json::array();  // card payments a pending void reversed
};

}  // namespace frontdesk::kiosk

#pragma once
// Checkout: the sale in progress, from the first scan to its completion, parking or void.
//
// Every operation checks in one order (the user, the open shift, the permission, then its own
// validation) and changes nothing when it fails. A sale begins with its first line: it then
// reads the pricing in force (tax rules and price version) and keeps it to its end, marking the
// SaleBoundary so new master data waits until the sale is over; the completed sale records that
// version. Discounts and overrides approved for a sale come off again when someone whose own role
// could not have given them changes the goods or quantities. Completing writes the sale, its lines
// and tenders and exactly one outbox event in one transaction before the call returns; only then
// may a receipt be printed. A failed commit keeps the sale here to retry.
//
// Card payments are journaled (CardJournal) the moment the terminal approves them; a void gives
// them back first; recover() reverses those of sales lost in a crash. Parked carts live in
// ParkedSales. A member card named for the sale is looked up in the local members table
// (ReceptionDirectory, read-only).
//
// Owned by the Till; holds references to the collaborators the Till owns, which outlive it.
// PaymentAdapter calls block until the terminal answers. Not thread-safe: the till's thread
// calls everything.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/audit_log.h"
#include "kiosk/card_journal.h"
#include "kiosk/cart.h"
#include "kiosk/catalog.h"
#include "kiosk/events.h"
#include "kiosk/outbox.h"
#include "kiosk/parked_sales.h"
#include "kiosk/payment.h"
#include "kiosk/reception_directory.h"
#include "kiosk/sale_boundary.h"
#include "kiosk/sale_record.h"
#include "kiosk/shift_ledger.h"
#include "kiosk/staff_session.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

struct Actor;  // who does an operation (guards.h, private to the engine)

// The sale in progress: its priced cart and what has been paid.
struct SaleState {
    CartTotals totals;
    std::vector<RecordTender> tenders;
    std::int64_t rounding = 0;   // cash rounding applied by the settling cash tender
    std::int64_t paid = 0;       // tendered minus change
    std::int64_t remaining = 0;  // gross + rounding - paid; <= 0 means fully paid
    std::int64_t change = 0;
    SaleCustomer customer;  // whom the sale is for; empty when nobody was named
    // An age-restricted line is in the sale and nobody has confirmed the customer's age yet:
    // payment waits for confirmAge(). ageCheckedBy: who confirmed it ("" until someone did).
    bool ageCheckNeeded = false;
    std::string ageCheckedBy;
};

class Checkout {
public:
    Checkout(const TillContext& context, const ShiftLedger& shifts, Catalog& catalog, PaymentAdapter& payments);
    ~Checkout();
    Checkout(const Checkout&) = delete;
    Checkout& operator=(const Checkout&) = delete;

    // Reverses card approvals journaled for sales that never completed (the till died mid-sale).
    // A terminal that cannot be reached keeps the row for the next start. Call once, at start.
    [[nodiscard]] core::Status recover();

    // -- building the sale (lines are 1-based as shown to the cashier)
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
    bool inProgress() const { return m_pricing.has_value(); }
    // The price version the sale in progress is priced with.
    std::optional<std::int64_t> priceVersion() const;

    // -- whom the sale is for, recorded in its sale.completed event: a customer of the back office
    // (UUIDv7) and/or a membership (typed, or a member card found in the local members table).
    // May be said before the first line; kept until the sale completes, is voided or is parked
    // (it comes back with the parked sale). Needs what selling needs; changes only memory.
    [[nodiscard]] core::Result<SaleState> attachCustomer(const std::string& customerId);
    [[nodiscard]] core::Result<SaleState> attachMember(const std::string& membershipId);
    // The member whose card this is (the scanned text, 1 to Reception::kMaxCardBytes), found in
    // the local members table: NotFound when nobody holds it. The card is not kept.
    [[nodiscard]] core::Result<SaleState> attachMemberCard(const std::string& card);
    [[nodiscard]] core::Result<SaleState> detachCustomer();

    // -- the customer's age, for age-restricted items (Item::ageRestricted): a member of staff
    // confirms it (Permission::AgeCheck; an approval when the logged-in role may not, or at an
    // unattended till) once per sale, before any payment. Audited; the completed sale records who
    // (age_checked_by). Kept until the sale completes, is voided or is parked. FailedPrecondition
    // when nothing in the sale is age-restricted.
    [[nodiscard]] core::Result<SaleState> confirmAge(const std::optional<Approval>& approval = std::nullopt);

    // -- payment: cash settles with change and cash rounding; card defaults to what remains
    [[nodiscard]] core::Result<SaleState> tenderCash(const core::Money& amount);
    [[nodiscard]] core::Result<SaleState> tenderCard(const std::optional<core::Money>& amount = std::nullopt);
    // Both refuse (FailedPrecondition) while the sale needs an age check.
    // Commits the fully paid sale; returns its receipt number, event and payload.
    [[nodiscard]] core::Result<Committed> complete();

    // -- park, resume, void
    [[nodiscard]] core::Result<std::string> park(const std::string& label);
    [[nodiscard]] core::Result<SaleState> resume(const std::string& parkedId);
    [[nodiscard]] core::Result<std::vector<ParkedSale>> parked();
    [[nodiscard]] core::Result<OutboxEvent> voidSale(const std::string& reason,
                                                     const std::optional<Approval>& approval = std::nullopt);
    // A self-service customer walked away: the sale is voided (card payments given back first)
    // with kAbandonedReason and no approval. Only while the session is unattended (what a
    // customer may do there needs no staff); FailedPrecondition at a staffed till, which voids.
    static constexpr const char* kAbandonedReason = "abandoned at the self-service till";
    [[nodiscard]] core::Result<OutboxEvent> abandon();

private:
    struct Approved {
        Permission permission;
        std::string staff, approver;
    };
    core::Status beginSale();
    void endSale();     // the cart is empty again: the customer named stays for the next line
    void finishSale();  // completed, voided or parked: nothing of the sale stays
    core::Status requireEditable() const;
    core::Result<Item> lookup(core::Result<Item> found);
    core::Result<SaleState> addItem(const std::optional<std::string>& barcode, const std::string& sku,
                                    const core::Decimal& qty);
    core::Result<SaleState> applyCart(Cart candidate, std::optional<std::size_t> changedLine,
                                      const std::optional<Approved>& approved = std::nullopt);
    core::Result<SaleState> changeLines(std::size_t line, const std::function<core::Status(Cart&)>& change,
                                        bool lineRemoved);
    core::Result<SaleRecord> buildRecord(const SaleState& state, const std::string& staff,
                                         const std::string& shift) const;
    core::Status reverseCardTenders();
    core::Result<OutboxEvent> voidAs(const Actor& actor, const std::string& reason);
    core::Result<Cart> repriceParked(const Cart& parked);
    core::Result<SaleState> resumeInSale(const std::string& parkedId);
    core::Result<SaleState> setCustomer(const std::function<core::Status(SaleCustomer&)>& change);
    const CartLine* firstAgeRestricted() const;
    core::Status requireAgeChecked() const;

    TillContext m_ctx;
    const ShiftLedger& m_shifts;
    Catalog& m_catalog;
    PaymentAdapter& m_payments;
    CardJournal m_cards;
    ParkedSales m_parked;
    ReceptionDirectory m_members;  // member cards, read-only

    // The sale in progress; all empty between sales.
    std::optional<Pricing> m_pricing;  // set while a sale is open
    std::string m_saleId;              // assigned when the sale begins, so card references name it
    Cart m_cart;
    std::vector<RecordTender> m_tenders;
    std::int64_t m_rounding = 0;
    SaleCustomer m_customer;     // kept across an emptied cart: cleared by complete, void and park
    std::string m_ageCheckedBy;  // likewise: it is the customer's age that was checked
    nlohmann::json m_reversed = nlohmann::json::array();  // card payments a pending void reversed
};

}  // namespace frontdesk::kiosk

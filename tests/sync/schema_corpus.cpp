#include "schema_corpus.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/password.h"
#include "kiosk/refunds.h"
#include "testing/terminal.h"

namespace frontdesk::sync::testing {

namespace {

using namespace frontdesk::kiosk;
using namespace frontdesk::kiosk::testing;

// Each step of a scenario must succeed: the corpus is only as good as the events it holds.
template <typename T>
T must(core::Result<T> result, const char* step) {
    if (!result.ok()) throw std::runtime_error(std::string(step) + ": " + result.status().toString());
    return std::move(result).value();
}

void must(const core::Status& status, const char* step) {
    if (!status.ok()) throw std::runtime_error(std::string(step) + ": " + status.toString());
}

const Approval kSupervisor{"s1", "3333"};
const char* const kCustomer = "01890a5d-ac96-774b-bcce-b302099a8057";
const Approval kManager{"m1", "4444"};

std::vector<nlohmann::json> outbox(Terminal& t) {
    std::vector<nlohmann::json> events;
    for (const auto& text : queryColumn(*t.db, "SELECT envelope FROM outbox ORDER BY seq")) {
        events.push_back(nlohmann::json::parse(text));
    }
    return events;
}

Discount discount(Terminal& t, const char* amount, const char* percent) {
    return must(Discount::make(amount, percent, t.till->settings().currency), "making a discount");
}

// Sales: pieces, a weighed item, line and sale discounts, an override, split card + cash with
// change, and a sale discounted to nothing (no tender at all); for a member (named before the
// first line), for a customer and a member, and for nobody. Returns the receipts of the first two.
std::pair<std::string, std::string> eurSales(Terminal& t) {
    Checkout& co = t.checkout();
    must(co.attachMember("M-100"), "a member's sale");
    must(co.scan(kApple, dec("2")), "scan");
    must(co.scan(kBread, dec("1")), "scan");
    must(co.addSku("W", dec("0.375")), "weighed item");
    must(co.lineDiscount(1, discount(t, "0.10", ""), kSupervisor), "line discount");
    must(co.cartDiscount(discount(t, "", "5"), kSupervisor), "sale discount");
    must(co.tenderCard(eur(300)), "card part");
    must(co.tenderCash(eur(2000)), "cash with change");
    const auto first = must(co.complete(), "complete split sale").receiptNo;

    must(co.scan(kSherry, dec("2")), "scan");
    must(co.attachCustomer(kCustomer), "a customer's sale");
    must(co.attachMember("m_7"), "and their membership");
    must(co.overridePrice(1, eur(899), kManager), "price override");
    must(co.lineDiscount(1, discount(t, "", "10"), kSupervisor), "second approver on the line");
    must(co.confirmAge(), "the buyer's age");
    must(co.tenderCard(), "card");
    const auto second = must(co.complete(), "complete card sale").receiptNo;

    must(co.scan(kBread, dec("1")), "scan");
    must(co.cartDiscount(discount(t, "", "100"), kSupervisor), "everything off");
    must(co.complete(), "complete a sale that came to nothing");
    return {first, second};
}

// Refunds against both receipts (to the card first, in cash with and without approval; each for
// whom its sale was, one naming another member) and one without a receipt at a stated price, for
// a customer.
void eurRefunds(Terminal& t, const std::string& split, const std::string& card) {
    RefundRequest toCardFirst;
    toCardFirst.receipt = split;
    toCardFirst.lines = {{1, dec("1")}, {3, dec("0.2")}};
    must(t.refunds().refund(toCardFirst), "refund back to the card, then cash");

    RefundRequest inCash;
    inCash.receipt = split;
    inCash.lines = {{1, dec("1")}, {2, dec("1")}};
    inCash.method = TenderMethod::Cash;
    inCash.reason = "customer prefers cash";
    must(t.refunds().refund(inCash), "refund the rest in cash");

    RefundRequest card1;
    card1.receipt = card;
    card1.lines = {{1, dec("1")}};
    must(t.refunds().refund(card1), "refund to the card");

    RefundRequest cardInCash;
    cardInCash.receipt = card;
    cardInCash.lines = {{1, dec("1")}};
    cardInCash.method = TenderMethod::Cash;
    cardInCash.customer = {"", "M-200"};
    must(t.refunds().refund(cardInCash, kSupervisor), "refund a card sale in cash");

    RefundRequest noReceipt;
    noReceipt.items = {{"B", dec("2"), std::nullopt}, {"A", dec("1"), eur(150)}};
    noReceipt.reason = "returned without a receipt";
    noReceipt.customer = {kCustomer, ""};
    must(t.refunds().refund(noReceipt, kSupervisor), "refund without a receipt");
}

// Voids (with a card reversal and an approver; by a supervisor on their own authority), cash
// moves and the shift's close.
void eurVoidsAndCash(Terminal& t) {
    Checkout& co = t.checkout();
    must(co.scan(kApple, dec("3")), "scan");
    must(co.lineDiscount(1, discount(t, "0.50", ""), kSupervisor), "line discount");
    must(co.tenderCard(eur(200)), "card part");
    must(co.voidSale("customer changed their mind", kSupervisor), "void with a card reversal");

    must(t.shifts().paidIn(eur(5000), "change from the bank"), "paid in");
    must(t.shifts().paidOut(eur(1500), "window cleaner", kSupervisor), "paid out");
    must(t.shifts().noSale("checking the float", kSupervisor), "no sale");

    t.session().logout();
    must(t.session().login("s1", "3333"), "supervisor login");
    must(co.scan(kBread, dec("2")), "scan");
    must(co.voidSale("scanned by mistake"), "void without an approver");
    must(t.shifts().noSale("drawer jammed"), "no sale without an approver");
    must(t.shifts().close(eur(12345)), "close the shift");
}

// The front desk (with c1 logged in): a booking checked in by its QR code and out by name, a
// member card admitted, a suspended member and a card nobody holds refused, a visitor signed in
// and out, and one whose name is on the block list. The reception tables come from the seed
// (receptionSeed), as they would from the back office's datasets.
const char* const kBooking = "01890a5d-ac96-774b-bcce-b302099a0001";

nlohmann::json receptionSeed() {
    auto seed = standardSeed();  // its clock's day is 2026-11-18
    seed["members"] = {{{"id", "M-100"},
                        {"name", "Robin Example"},
                        {"card_sha256", core::badgeDigest("CARD-100")},
                        {"valid_until", "2099-12-31"},
                        {"status", "active"}},
                       {{"id", "M-200"},
                        {"name", "Sam Suspended"},
                        {"card_sha256", core::badgeDigest("CARD-200")},
                        {"valid_until", "2099-12-31"},
                        {"status", "suspended"}}};
    seed["bookings"] = {{{"id", kBooking},
                         {"name", "Robin Example"},
                         {"resource", "court 2"},
                         {"starts_at", "2026-11-18T12:00:00Z"},
                         {"ends_at", "2026-11-18T13:00:00Z"},
                         {"status", "booked"},
                         {"customer", kCustomer},
                         {"member", "M-100"}}};
    seed["blocklist"] = {{{"id", 1}, {"name", "Sam Spammer"}, {"company", ""}}};
    return seed;
}

void eurReception(Terminal& t) {
    Reception& desk = t.till->reception();
    must(desk.checkInBooking(kBooking), "booking checked in");
    must(desk.checkInCard("CARD-100"), "member card");
    must(desk.checkInCard("CARD-200"), "suspended member");
    must(desk.checkInCard("CARD-999"), "unknown card");
    must(desk.checkOutBooking(kBooking, CheckinMethod::Name), "booking checked out");
    const auto visit = must(desk.visitorIn("Vera Visitor", "Acme", "Max"), "visitor in");
    must(desk.visitorIn("sam spammer", "", ""), "blocked visitor in");
    must(desk.visitorOut(visit.record.visit), "visitor out");
    must(t.till->queue().take("Memberships"), "queue ticket taken");
    must(t.till->queue().take(), "queue ticket without a service");
    must(t.till->queue().callNext(), "queue ticket called");
}

// Punches at the time clock: before anyone logs in, by a member who is not the cashier logged in
// (while a sale is in progress), and out again after the shift's close.
std::vector<nlohmann::json> eurTill() {
    Terminal t(receptionSeed());
    TimeClock& clock = t.till->timeClock();
    must(clock.clockIn("c1", "1111"), "clock in with nobody logged in");
    t.startShift();
    must(t.checkout().scan(kApple, dec("1")), "scan");
    must(clock.clockIn("c2", "2222"), "clock in during c1's sale");
    must(t.checkout().tenderCash(eur(500)), "cash");
    must(t.checkout().complete(), "complete the sale around the punch");
    eurReception(t);
    const auto [split, card] = eurSales(t);
    eurRefunds(t, split, card);
    eurVoidsAndCash(t);
    must(clock.clockOut("c2", "2222"), "clock out");
    must(clock.clockOut("c1", "1111"), "clock out");
    return outbox(t);
}

// CHF: cash is rounded to 0.05, down (5.97 -> 5.95) and up (1.99 -> 2.00), on sales and refunds.
std::vector<nlohmann::json> chfTill() {
    Terminal t(standardSeed({{"terminal", "t-chf"}, {"currency", "CHF"}}));
    t.startShift();
    Checkout& co = t.checkout();
    must(co.scan(kApple, dec("3")), "scan");
    must(co.tenderCash(money(1000, "CHF")), "cash rounded down");
    const auto receipt = must(co.complete(), "complete").receiptNo;
    must(co.scan(kApple, dec("1")), "scan");
    must(co.tenderCash(money(200, "CHF")), "cash rounded up");
    must(co.complete(), "complete");
    RefundRequest refund;
    refund.receipt = receipt;
    refund.lines = {{1, dec("1")}};
    must(t.refunds().refund(refund), "cash refund, rounded");
    must(t.shifts().close(money(10000, "CHF")), "close the shift");
    return outbox(t);
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

DocumentKind kindOfFile(const std::string& file) {
    const auto dashes = file.find("--");
    const std::string kind = file.substr(0, dashes);
    for (DocumentKind k : {DocumentKind::Event, DocumentKind::Ack, DocumentKind::Presence, DocumentKind::Manifest}) {
        if (dashes != std::string::npos && kind == kindName(k)) return k;
    }
    throw std::runtime_error("'" + file + "' is not named <event|ack|presence|manifest>--<name>.json");
}

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" `");
    const auto last = text.find_last_not_of(" `");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// "| `file` | `path` | message part |" rows of the manifest; the header rows are skipped.
std::vector<InvalidDocument> manifestRows(const std::filesystem::path& dir) {
    std::vector<InvalidDocument> rows;
    std::istringstream manifest(readText(dir / "README.md"));
    for (std::string line; std::getline(manifest, line);) {
        if (line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> cells;
        std::istringstream cellsIn(line.substr(1));
        for (std::string cell; std::getline(cellsIn, cell, '|');) cells.push_back(trimmed(cell));
        if (cells.size() < 3) throw std::runtime_error("manifest row has fewer than 3 cells: " + line);
        InvalidDocument row;
        row.file = cells[0];
        row.kind = kindOfFile(row.file);
        row.path = cells[1] == "(root)" ? "" : cells[1];
        row.message = cells[2];
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

const std::vector<nlohmann::json>& engineEvents() {
    static const std::vector<nlohmann::json> events = [] {
        auto all = eurTill();
        for (auto& event : chfTill()) all.push_back(std::move(event));
        return all;
    }();
    return events;
}

const char* kindName(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Event:
            return "event";
        case DocumentKind::Ack:
            return "ack";
        case DocumentKind::Presence:
            return "presence";
        case DocumentKind::Manifest:
            return "manifest";
    }
    return "?";
}

std::vector<SchemaViolation> violationsOf(DocumentKind kind, const nlohmann::json& document) {
    switch (kind) {
        case DocumentKind::Event:
            return eventViolations(document);
        case DocumentKind::Ack:
            return protocolSchemas().violations("ack.schema.json", document);
        case DocumentKind::Presence:
            return protocolSchemas().violations("presence.schema.json", document);
        case DocumentKind::Manifest:
            return protocolSchemas().violations("manifest.schema.json", document);
    }
    return {};
}

std::vector<InvalidDocument> invalidCorpus() {
    const std::filesystem::path dir = FRONTDESK_SYNC_CORPUS_DIR "/invalid";
    auto rows = manifestRows(dir);
    std::set<std::string> named;
    for (auto& row : rows) {
        named.insert(row.file);
        auto parsed = nlohmann::json::parse(readText(dir / row.file), nullptr, false);
        if (parsed.is_discarded()) throw std::runtime_error(row.file + " is not JSON");
        row.document = std::move(parsed);
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        if (file != "README.md" && !named.count(file)) {
            throw std::runtime_error(file + " is in tests/sync/corpus/invalid/ but not in its README.md");
        }
    }
    return rows;
}

}  // namespace frontdesk::sync::testing

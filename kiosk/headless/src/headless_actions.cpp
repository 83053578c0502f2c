// One handler per headless action. A handler reads its fields (headless_fields.h), calls the
// collaborator that owns the operation and returns the JSON answer or the Status to report.
#include "headless_actions.h"

#include <array>
#include <utility>

#include "core/bounded_input.h"
#include "headless_fields.h"
#include "kiosk/headless.h"

namespace frontdesk::kiosk::headless {

using core::Result;
using core::Status;
using nlohmann::json;

std::string staffName(const Context& c) {
    const auto& user = c.till.session().user();
    return user ? user->name : std::string();
}

namespace {

const core::Currency& tillCurrency(Context& c) {
    return c.till.settings().currency;
}

Result<json> saleJson(Context& c, const Result<SaleState>& state) {
    if (!state.ok()) return state.status();
    return saleStateJson(*state, c.till.checkout().cart(), tillCurrency(c));
}

// Opens the cash drawer once a cash movement is committed, when the till has a printer to pulse it.
void openDrawer(Context& c, json& result) {
    if (c.printer && c.printer.drawer) result["drawer"] = c.printer.drawer();
}

// The sale or refund as committed; then the drawer for cash, and its receipt, when the till has a
// printer.
Result<json> committedJson(Context& c, const Result<Committed>& committed) {
    if (!committed.ok()) return committed.status();
    json result{{"receipt", committed->receiptNo},
                {"seq", committed->event.seq},
                {"event", committed->event.id},
                {"payload", committed->payload}};
    if (movesCash(*committed)) openDrawer(c, result);
    if (c.printer) result["print"] = c.printer.sale(*committed, staffName(c), false);
    return result;
}

json reportJson(Context& c, const ShiftReport& report) {
    json result = report.toJson();
    if (c.printer) result["print"] = c.printer.report(report, staffName(c));
    return result;
}

// ---- shifts and cash ----

Result<json> shiftOpen(Context& c, const json& a) {
    FD_ASSIGN(auto amount, money(a, "float", tillCurrency(c)));
    FD_ASSIGN(auto shift, c.till.shifts().open(amount));
    return json{{"shift", shift}};
}

Result<json> shiftClose(Context& c, const json& a) {
    FD_ASSIGN(auto counted, money(a, "counted", tillCurrency(c)));
    FD_ASSIGN(auto report, c.till.shifts().close(counted));
    return reportJson(c, report);
}

Result<json> report(Context& c, const json& a) {
    FD_ASSIGN(auto kind, text(a, "kind", false));
    if (kind == "z") return core::invalidArgument("a Z report comes from shift.close");
    FD_ASSIGN(auto x, c.till.shifts().xReport());
    return reportJson(c, x);
}

Result<json> cashMove(Context& c, const json& a, bool in) {
    FD_ASSIGN(auto amount, money(a, "amount", tillCurrency(c)));
    FD_ASSIGN(auto reason, text(a, "reason"));
    FD_ASSIGN(auto approval, headless::approval(a));
    FD_TRY(in ? c.till.shifts().paidIn(amount, reason, approval) : c.till.shifts().paidOut(amount, reason, approval));
    json result = json::object();
    openDrawer(c, result);
    return result;
}
Result<json> paidIn(Context& c, const json& a) {
    return cashMove(c, a, true);
}
Result<json> paidOut(Context& c, const json& a) {
    return cashMove(c, a, false);
}

Result<json> noSale(Context& c, const json& a) {
    FD_ASSIGN(auto reason, text(a, "reason"));
    FD_ASSIGN(auto approval, headless::approval(a));
    FD_TRY(c.till.shifts().noSale(reason, approval));
    json result = json::object();
    openDrawer(c, result);
    return result;
}

Result<json> scan(Context& c, const json& a) {
    FD_ASSIGN(auto code, text(a, "code"));
    FD_ASSIGN(auto qty, quantity(a));
    return saleJson(c, c.till.checkout().scan(code, qty));
}

Result<json> add(Context& c, const json& a) {
    FD_ASSIGN(auto sku, text(a, "sku"));
    FD_ASSIGN(auto qty, quantity(a));
    return saleJson(c, c.till.checkout().addSku(sku, qty));
}

Result<json> qty(Context& c, const json& a) {
    FD_ASSIGN(auto line, lineNumber(a));
    FD_ASSIGN(auto qty, quantity(a));
    return saleJson(c, c.till.checkout().setQty(line, qty));
}

Result<json> remove(Context& c, const json& a) {
    FD_ASSIGN(auto line, lineNumber(a));
    return saleJson(c, c.till.checkout().removeLine(line));
}

Result<json> discount(Context& c, const json& a) {
    const auto& currency = tillCurrency(c);
    FD_TRY(requireTillCurrency(a, currency, "discounts"));
    FD_ASSIGN(auto amount, text(a, "amount", false));
    FD_ASSIGN(auto percent, text(a, "percent", false));
    FD_ASSIGN(auto discount, Discount::make(amount, percent, currency));
    FD_ASSIGN(auto approval, headless::approval(a));
    if (!a.contains("line")) return saleJson(c, c.till.checkout().cartDiscount(discount, approval));
    FD_ASSIGN(auto line, lineNumber(a));
    return saleJson(c, c.till.checkout().lineDiscount(line, discount, approval));
}

Result<json> price(Context& c, const json& a) {
    FD_ASSIGN(auto line, lineNumber(a));
    FD_ASSIGN(auto unitPrice, money(a, "price", tillCurrency(c)));
    FD_ASSIGN(auto approval, headless::approval(a));
    return saleJson(c, c.till.checkout().overridePrice(line, unitPrice, approval));
}

Result<json> cart(Context& c, const json&) {
    return saleJson(c, c.till.checkout().state());
}

// Whom the sale is for: exactly one of customer (a customer id), member (a membership id) or
// card (a member card, as scanned).
Result<json> attach(Context& c, const json& a) {
    FD_ASSIGN(auto named, exactlyOne(a, {"customer", "member", "card"}));
    Checkout& checkout = c.till.checkout();
    if (named.key == "card") return saleJson(c, checkout.attachMemberCard(named.value));
    if (named.key == "member") return saleJson(c, checkout.attachMember(named.value));
    return saleJson(c, checkout.attachCustomer(named.value));
}

Result<json> detach(Context& c, const json&) {
    return saleJson(c, c.till.checkout().detachCustomer());
}

Result<json> confirmAge(Context& c, const json& a) {
    FD_ASSIGN(auto approval, headless::approval(a));
    return saleJson(c, c.till.checkout().confirmAge(approval));
}

Result<json> abandon(Context& c, const json&) {
    FD_ASSIGN(auto event, c.till.checkout().abandon());
    return json{{"seq", event.seq}, {"event", event.id}};
}

// The till handed to customers, and taken back by a member of staff (who is then logged in).
Result<json> selfServiceStart(Context& c, const json&) {
    FD_TRY(c.till.session().startUnattended());
    return json{{"unattended", true}};
}

Result<json> selfServiceEnd(Context& c, const json& a) {
    FD_ASSIGN(auto who, credential(a));
    FD_ASSIGN(auto member, c.till.session().endUnattended(who));
    return json{{"unattended", false}, {"staff", member.id}, {"name", member.name}};
}

// The simulated condition lasts for this one tender, whatever happens to it.
Result<json> tenderCard(Context& c, const json& a) {
    std::optional<core::Money> amount;
    if (a.contains("amount")) {
        FD_ASSIGN(amount, money(a, "amount", tillCurrency(c)));
    }
    FD_ASSIGN(auto simulate, text(a, "simulate", false));
    if (!simulate.empty() && !c.fake) return core::invalidArgument("'simulate' needs the simulated payment terminal");
    if (!simulate.empty() && simulate != "decline" && simulate != "cancel" && simulate != "timeout" &&
        simulate != "offline") {
        return core::invalidArgument("'simulate' must be decline, cancel, timeout or offline");
    }
    if (simulate == "decline") c.fake->declineNext("insufficient funds");
    if (simulate == "cancel") c.fake->cancelNext();
    if (simulate == "timeout") c.fake->timeOutNext();
    if (simulate == "offline") c.fake->setOffline(true);
    auto state = c.till.checkout().tenderCard(amount);
    if (!simulate.empty()) c.fake->reset();
    return saleJson(c, state);
}

Result<json> tender(Context& c, const json& a) {
    FD_ASSIGN(auto methodKey, text(a, "method"));
    auto method = parseTenderMethod(methodKey);
    if (!method.ok())
        return core::invalidArgument("'method' must be cash or card, not '" + core::excerpt(methodKey) + "'");
    if (*method == TenderMethod::Card) return tenderCard(c, a);
    FD_ASSIGN(auto amount, money(a, "amount", tillCurrency(c)));
    return saleJson(c, c.till.checkout().tenderCash(amount));
}

Result<json> complete(Context& c, const json&) {
    return committedJson(c, c.till.checkout().complete());
}

Result<json> park(Context& c, const json& a) {
    FD_ASSIGN(auto label, text(a, "label", false));
    FD_ASSIGN(auto id, c.till.checkout().park(label));
    return json{{"parked", id}};
}

// Without an id: the most recently parked sale, as a till's "recall last" key does.
Result<json> resume(Context& c, const json& a) {
    FD_ASSIGN(auto id, text(a, "id", false));
    if (id.empty()) {
        FD_ASSIGN(auto list, c.till.checkout().parked());
        if (list.empty()) return core::notFound("no parked sales");
        id = list.back().id;
    }
    return saleJson(c, c.till.checkout().resume(id));
}

Result<json> parked(Context& c, const json&) {
    FD_ASSIGN(auto sales, c.till.checkout().parked());
    json list = json::array();
    for (const auto& p : sales) {
        list.push_back({{"id", p.id}, {"label", p.label}, {"staff", p.staff}, {"parked_at", p.parkedAt}});
    }
    return json{{"parked", list}};
}

Result<json> voidSale(Context& c, const json& a) {
    FD_ASSIGN(auto reason, text(a, "reason"));
    FD_ASSIGN(auto approval, headless::approval(a));
    FD_ASSIGN(auto event, c.till.checkout().voidSale(reason, approval));
    return json{{"seq", event.seq}, {"event", event.id}};
}

Result<RefundRequest> refundRequest(Context& c, const json& a) {
    // Refunds are paid in the till's currency, like every other money action: never booked in
    // another one as if it were the till's.
    FD_TRY(requireTillCurrency(a, tillCurrency(c), "refunds"));
    RefundRequest request;
    FD_ASSIGN(request.receipt, text(a, "receipt", false));
    FD_ASSIGN(auto method, text(a, "method", false));
    if (!method.empty()) {
        auto parsed = parseTenderMethod(method);
        if (!parsed.ok())
            return core::invalidArgument("refund method must be cash or card, not '" + core::excerpt(method) + "'");
        request.method = *parsed;
    }
    FD_ASSIGN(request.reason, text(a, "reason", false));
    FD_ASSIGN(request.customer.customer, text(a, "customer", false));
    FD_ASSIGN(request.customer.member, text(a, "member", false));
    FD_ASSIGN(auto lines, objectList(a, "lines", "refund line"));
    for (const auto& l : lines) {
        FD_ASSIGN(auto line, lineNumber(l));
        FD_ASSIGN(auto qty, quantity(l));
        request.lines.push_back({static_cast<std::int64_t>(line), qty});
    }
    FD_ASSIGN(auto items, objectList(a, "items", "refund item"));
    for (const auto& i : items) {
        RefundItem item;
        FD_ASSIGN(item.sku, text(i, "sku"));
        FD_ASSIGN(item.qty, quantity(i));
        if (i.contains("price")) {
            FD_ASSIGN(item.unitPrice, money(i, "price", tillCurrency(c)));
        }
        request.items.push_back(std::move(item));
    }
    return request;
}

Result<json> refund(Context& c, const json& a) {
    FD_ASSIGN(auto request, refundRequest(c, a));
    FD_ASSIGN(auto approval, headless::approval(a));
    return committedJson(c, c.till.refunds().refund(request, approval));
}

Result<json> lookup(Context& c, const json& a) {
    FD_ASSIGN(auto code, text(a, "code"));
    FD_ASSIGN(auto item, c.till.catalog().byBarcode(code));
    return json{{"sku", item.sku}, {"name", item.name}, {"price", item.priceMinor}, {"tax_code", item.taxCode}};
}

Result<json> search(Context& c, const json& a) {
    FD_ASSIGN(auto prefix, text(a, "prefix"));
    FD_ASSIGN(auto items, c.till.catalog().search(prefix));
    json list = json::array();
    for (const auto& item : items) list.push_back({{"sku", item.sku}, {"name", item.name}, {"price", item.priceMinor}});
    return json{{"items", list}};
}

Result<json> outbox(Context& c, const json&) {
    FD_ASSIGN(auto events, c.till.journal().pending(1000));
    json list = json::array();
    for (const auto& event : events) list.push_back(json::parse(event.envelope, nullptr, false));
    return json{{"events", list}};
}

// The relay's status; with wait_ms (at most a minute), after waiting that long for the outbox to
// drain ("drained" says whether it did).
Result<json> syncStatus(Context& c, const json& a) {
    if (!c.sync.status) {
        return core::failedPrecondition("this till runs without sync: start it with --credentials (and --broker)");
    }
    json answer;
    if (a.contains("wait_ms")) {
        if (!a["wait_ms"].is_number_integer() || a["wait_ms"].get<std::int64_t>() < 0 ||
            a["wait_ms"].get<std::int64_t>() > 60000) {
            return core::invalidArgument("wait_ms must be a whole number of milliseconds, 0 to 60000");
        }
        answer["drained"] = c.sync.waitDrained(std::chrono::milliseconds(a["wait_ms"].get<std::int64_t>()));
    }
    answer["sync"] = c.sync.status();
    return answer;
}

constexpr std::array<std::pair<std::string_view, Handler>, 47> kActions{{{"login", desk::login},
                                                                         {"logout", desk::logout},
                                                                         {"unlock", desk::unlock},
                                                                         {"shift.open", shiftOpen},
                                                                         {"shift.close", shiftClose},
                                                                         {"report", report},
                                                                         {"paid_in", paidIn},
                                                                         {"paid_out", paidOut},
                                                                         {"no_sale", noSale},
                                                                         {"scan", scan},
                                                                         {"add", add},
                                                                         {"qty", qty},
                                                                         {"remove", remove},
                                                                         {"discount", discount},
                                                                         {"price", price},
                                                                         {"cart", cart},
                                                                         {"tender", tender},
                                                                         {"complete", complete},
                                                                         {"park", park},
                                                                         {"resume", resume},
                                                                         {"parked", parked},
                                                                         {"void", voidSale},
                                                                         {"refund", refund},
                                                                         {"lookup", lookup},
                                                                         {"search", search},
                                                                         {"outbox", outbox},
                                                                         {"sync.status", syncStatus},
                                                                         {"clock_in", desk::clockIn},
                                                                         {"clock_out", desk::clockOut},
                                                                         {"clocked_in", desk::clockedIn},
                                                                         {"attach", attach},
                                                                         {"detach", detach},
                                                                         {"confirm_age", confirmAge},
                                                                         {"abandon", abandon},
                                                                         {"self_service.start", selfServiceStart},
                                                                         {"self_service.end", selfServiceEnd},
                                                                         {"checkin", desk::checkin},
                                                                         {"checkout", desk::checkout},
                                                                         {"visitor_in", desk::visitorIn},
                                                                         {"visitor_out", desk::visitorOut},
                                                                         {"visitors_in", desk::visitorsIn},
                                                                         {"bookings_today", desk::bookingsToday},
                                                                         {"queue_take", desk::queueTake},
                                                                         {"queue_call", desk::queueCall},
                                                                         {"queue_waiting", desk::queueWaiting},
                                                                         {"reprint", desk::reprint},
                                                                         {"printer.status", desk::printerStatus}}};

}  // namespace

Handler findAction(std::string_view name) {
    for (const auto& [action, handler] : kActions) {
        if (action == name) return handler;
    }
    return nullptr;
}

}  // namespace frontdesk::kiosk::headless

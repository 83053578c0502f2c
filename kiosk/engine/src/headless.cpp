#include "kiosk/headless.h"
#include "kiosk/json_text.h"

#include <istream>
#include <ostream>

namespace frontdesk::kiosk {

using core::Decimal;
using core::Money;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// A malformed field: reported as invalid_argument naming the field.
struct FieldError {
    Status status;
};

std::string str(const json& a, const char* key, bool required = true) {
    auto it = a.find(key);
    if (it == a.end() || it->is_null()) {
        if (required) throw FieldError{core::invalidArgument(std::string("'") + key + "' is missing")};
        return {};
    }
    if (!it->is_string()) throw FieldError{core::invalidArgument(std::string("'") + key + "' must be a string")};
    return it->get<std::string>();
}

template <typename T>
T must(Result<T> r) {
    if (!r.ok()) throw FieldError{r.status()};
    return std::move(r).value();
}

Decimal decimalField(const json& a, const char* key, const char* fallback) {
    const std::string text = a.contains(key) ? str(a, key) : fallback;
    auto d = Decimal::parse(text);
    if (!d.ok()) throw FieldError{d.status().withContext(key)};
    return *d;
}

// Amounts in scripts are decimal strings in major units ("20.00"), as a cashier types them, in
// the terminal's currency unless the action names another ("currency": "USD"), which the engine
// then refuses: foreign cash is not converted.
Money moneyField(const json& a, const char* key, const core::Currency& terminalCurrency) {
    core::Currency currency = terminalCurrency;
    if (a.contains("currency")) currency = must(core::currencyByCode(str(a, "currency")));
    auto m = Money::parse(str(a, key), currency);
    if (!m.ok()) throw FieldError{m.status().withContext(key)};
    return *m;
}

std::size_t lineField(const json& a) {
    auto it = a.find("line");
    if (it == a.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1) {
        throw FieldError{core::invalidArgument("'line' must be a line number from 1")};
    }
    return static_cast<std::size_t>(it->get<std::int64_t>());
}

std::optional<Approval> approvalField(const json& a) {
    if (!a.contains("approver")) return std::nullopt;
    return Approval{str(a, "approver"), str(a, "approver_pin")};
}

json committedJson(const Committed& c) {
    return {{"receipt", c.receiptNo}, {"seq", c.event.seq}, {"event", c.event.id}, {"payload", c.payload}};
}

}  // namespace

json saleStateJson(const SaleState& s, const Cart& cart, const core::Currency& currency) {
    json lines = json::array();
    for (std::size_t i = 0; i < cart.lines().size(); ++i) {
        const auto& l = cart.lines()[i];
        const auto& p = s.totals.lines[i];
        lines.push_back({{"line", i + 1},
                         {"sku", l.item.sku},
                         {"name", l.item.name},
                         {"qty", l.qty.toString()},
                         {"unit_price", l.unitPriceMinor},
                         {"discount", p.lineDiscountMinor + p.cartDiscountMinor},
                         {"tax_code", l.item.taxCode},
                         {"net", p.amounts.net.minor()},
                         {"tax", p.amounts.tax.minor()},
                         {"gross", p.amounts.gross.minor()},
                         {"age_restricted", l.item.ageRestricted}});
    }
    json tenders = json::array();
    for (const auto& t : s.tenders) {
        json tender = {{"method", t.method}, {"amount", t.amount}, {"change", t.change}};
        if (t.card) {
            tender["brand"] = t.card->brand;
            tender["last4"] = t.card->last4;
        }
        tenders.push_back(std::move(tender));
    }
    return {{"currency", std::string(currency.codeView())},
            {"lines", lines},
            {"tenders", tenders},
            {"totals",
             {{"net", s.totals.net.minor()},
              {"tax", s.totals.tax.minor()},
              {"gross", s.totals.gross.minor()},
              {"discount", s.totals.discount.minor()},
              {"rounding", s.rounding},
              {"paid", s.paid},
              {"remaining", s.remaining},
              {"change", s.change},
              {"display", Money(s.totals.gross.minor() + s.rounding, currency).toString()}}}};
}

json HeadlessDriver::dispatch(const std::string& action, const json& a) {
    Engine& e = m_engine;
    const auto& currency = e.settings().currency;
    auto sale = [&](Result<SaleState> r) -> json {
        return saleStateJson(must(std::move(r)), e.cart(), currency);
    };
    if (action == "login") {
        auto member = must(e.login(str(a, "staff"), str(a, "pin")));
        return {{"staff", member.id}, {"name", member.name}, {"role", roleName(member.role)}};
    }
    if (action == "logout") {
        e.logout();
        return json::object();
    }
    if (action == "shift.open") return {{"shift", must(e.openShift(moneyField(a, "float", currency)))}};
    if (action == "shift.close") return must(e.closeShift(moneyField(a, "counted", currency))).toJson();
    if (action == "report") {
        if (str(a, "kind", false) == "z") throw FieldError{core::invalidArgument("a Z report comes from shift.close")};
        return must(e.xReport()).toJson();
    }
    if (action == "paid_in" || action == "paid_out") {
        const Money amount = moneyField(a, "amount", currency);
        const auto reason = str(a, "reason");
        Status st = action == "paid_in" ? e.paidIn(amount, reason, approvalField(a))
                                        : e.paidOut(amount, reason, approvalField(a));
        if (!st.ok()) throw FieldError{st};
        return json::object();
    }
    if (action == "no_sale") {
        if (Status st = e.noSale(str(a, "reason"), approvalField(a)); !st.ok()) throw FieldError{st};
        return json::object();
    }
    if (action == "scan") return sale(e.scan(str(a, "code"), decimalField(a, "qty", "1")));
    if (action == "add") return sale(e.addSku(str(a, "sku"), decimalField(a, "qty", "1")));
    if (action == "qty") return sale(e.setQty(lineField(a), decimalField(a, "qty", "1")));
    if (action == "remove") return sale(e.removeLine(lineField(a)));
    if (action == "discount") {
        if (a.contains("currency") && str(a, "currency") != currency.codeView()) {
            throw FieldError{core::invalidArgument("discounts are in the till's currency " +
                                                   std::string(currency.codeView()) + ", not " + str(a, "currency"))};
        }
        auto discount = must(Discount::make(str(a, "amount", false), str(a, "percent", false), currency));
        if (a.contains("line")) return sale(e.lineDiscount(lineField(a), discount, approvalField(a)));
        return sale(e.cartDiscount(discount, approvalField(a)));
    }
    if (action == "price") return sale(e.overridePrice(lineField(a), moneyField(a, "price", currency), approvalField(a)));
    if (action == "cart") return sale(e.state());
    if (action == "tender") {
        const auto method = str(a, "method");
        if (method == "cash") return sale(e.tenderCash(moneyField(a, "amount", currency)));
        if (method == "card") {
            std::optional<Money> amount;
            if (a.contains("amount")) amount = moneyField(a, "amount", currency);
            const auto simulate = str(a, "simulate", false);
            if (!simulate.empty() && !m_fake) {
                throw FieldError{core::invalidArgument("'simulate' needs the simulated payment terminal")};
            }
            if (!simulate.empty() && simulate != "decline" && simulate != "offline") {
                throw FieldError{core::invalidArgument("'simulate' must be decline or offline")};
            }
            // The simulated condition lasts for this one tender, whatever happens to it.
            struct Simulation {
                FakePaymentAdapter* fake;
                ~Simulation() {
                    if (fake) fake->reset();
                }
            } simulation{simulate.empty() ? nullptr : m_fake};
            if (simulate == "decline") m_fake->declineNext("insufficient funds");
            if (simulate == "offline") m_fake->setOffline(true);
            return sale(e.tenderCard(amount));
        }
        throw FieldError{core::invalidArgument("'method' must be cash or card, not '" + method + "'")};
    }
    if (action == "complete") return committedJson(must(e.complete()));
    if (action == "park") return {{"parked", must(e.park(str(a, "label", false)))}};
    if (action == "resume") {
        // Without an id: the most recently parked sale, as a till's "recall last" key does.
        std::string id = str(a, "id", false);
        if (id.empty()) {
            auto list = must(e.parked());
            if (list.empty()) throw FieldError{core::notFound("no parked sales")};
            id = list.back().id;
        }
        return sale(e.resume(id));
    }
    if (action == "parked") {
        json list = json::array();
        for (const auto& p : must(e.parked())) {
            list.push_back({{"id", p.id}, {"label", p.label}, {"staff", p.staff}, {"parked_at", p.parkedAt}});
        }
        return {{"parked", list}};
    }
    if (action == "void") {
        auto event = must(e.voidSale(str(a, "reason"), approvalField(a)));
        return {{"seq", event.seq}, {"event", event.id}};
    }
    if (action == "refund") {
        RefundRequest request;
        request.receipt = str(a, "receipt", false);
        request.method = str(a, "method", false);
        request.reason = str(a, "reason", false);
        if (auto it = a.find("lines"); it != a.end()) {
            if (!it->is_array()) throw FieldError{core::invalidArgument("'lines' must be a list")};
            for (const auto& l : *it) {
                if (!l.is_object()) throw FieldError{core::invalidArgument("each refund line must be an object")};
                request.lines.push_back({static_cast<std::int64_t>(lineField(l)), decimalField(l, "qty", "1")});
            }
        }
        if (auto it = a.find("items"); it != a.end()) {
            if (!it->is_array()) throw FieldError{core::invalidArgument("'items' must be a list")};
            for (const auto& i : *it) {
                if (!i.is_object()) throw FieldError{core::invalidArgument("each refund item must be an object")};
                RefundItem item{str(i, "sku"), decimalField(i, "qty", "1"), std::nullopt};
                if (i.contains("price")) item.unitPrice = moneyField(i, "price", currency);
                request.items.push_back(std::move(item));
            }
        }
        return committedJson(must(e.refund(request, approvalField(a))));
    }
    if (action == "lookup") {
        auto item = must(e.catalog().byBarcode(str(a, "code")));
        return {{"sku", item.sku}, {"name", item.name}, {"price", item.priceMinor}, {"tax_code", item.taxCode}};
    }
    if (action == "search") {
        json list = json::array();
        for (const auto& item : must(e.catalog().search(str(a, "prefix")))) {
            list.push_back({{"sku", item.sku}, {"name", item.name}, {"price", item.priceMinor}});
        }
        return {{"items", list}};
    }
    if (action == "outbox") {
        json list = json::array();
        for (const auto& ev : must(e.pendingEvents(1000))) {
            list.push_back(json::parse(ev.envelope));
        }
        return {{"events", list}};
    }
    throw FieldError{core::invalidArgument("unknown action '" + action + "'")};
}

json HeadlessDriver::handle(const std::string& line) {
    json request = json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        // The line is not echoed: it may hold a PIN.
        return {{"ok", false}, {"error", "invalid_argument"}, {"message", "not a JSON object (" +
                                                                             std::to_string(line.size()) + " bytes)"}};
    }
    std::string action = "?";
    try {
        action = str(request, "action");
        json result = dispatch(action, request);
        result["ok"] = true;
        result["action"] = action;
        return result;
    } catch (const FieldError& error) {
        return {{"ok", false},
                {"action", action},
                {"error", core::errorKindName(error.status.kind())},
                {"message", error.status.message()}};
    } catch (const json::exception& error) {
        return {{"ok", false}, {"action", action}, {"error", "invalid_argument"}, {"message", error.what()}};
    }
}

int HeadlessDriver::run(std::istream& in, std::ostream& out, bool pretty) {
    int failures = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        json result;
        try {
            result = handle(line);
        } catch (const std::exception& error) {
            // handle() reports every input error itself; this is the last guard for the session.
            result = {{"ok", false}, {"error", "internal"}, {"message", error.what()}};
        }
        if (!result.value("ok", false)) ++failures;
        if (pretty) {
            out << describeResult(json::parse(line, nullptr, false), result, m_engine.settings().currency) << '\n';
        } else {
            out << jsonText(result) << '\n';
        }
        out << std::flush;
    }
    return failures;
}

}  // namespace frontdesk::kiosk

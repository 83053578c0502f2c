#include "kiosk/headless.h"

#include <istream>
#include <ostream>

#include "core/bounded_input.h"
#include "headless_actions.h"
#include "headless_fields.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Status;
using nlohmann::json;

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
        json tender = {{"method", tenderMethodKey(t.method)}, {"amount", t.amount}, {"change", t.change}};
        if (t.card) {
            tender["brand"] = t.card->brand;
            tender["last4"] = t.card->last4;
        }
        tenders.push_back(std::move(tender));
    }
    json state = {{"currency", std::string(currency.codeView())},
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
    // As in the sale's event: present only when named.
    if (!s.customer.customer.empty()) state["customer"] = s.customer.customer;
    if (!s.customer.member.empty()) state["member"] = s.customer.member;
    state["age_check_needed"] = s.ageCheckNeeded;
    if (!s.ageCheckedBy.empty()) state["age_checked_by"] = s.ageCheckedBy;
    return state;
}

namespace {

json failure(const std::string& action, const Status& status) {
    return {{"ok", false},
            {"action", action},
            {"error", core::errorKindName(status.kind())},
            {"message", status.message()}};
}

}  // namespace

json HeadlessDriver::handle(const std::string& line) {
    if (Status bounded = core::checkJsonBounds(line, kMaxLineBytes, kMaxDepth, "the line"); !bounded.ok()) {
        return failure("?", bounded);
    }
    json request = json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        // The line is not echoed: it may hold a PIN.
        return failure("?", core::invalidArgument("not a JSON object (" + std::to_string(line.size()) + " bytes)"));
    }
    auto name = headless::text(request, "action");
    // An answer names its action; an unknown name is quoted only in part.
    const std::string action = name.ok() ? core::excerpt(*name) : "?";
    if (!name.ok()) return failure(action, name.status());
    const headless::Handler handler = headless::findAction(*name);
    if (!handler) return failure(action, core::invalidArgument("unknown action '" + action + "'"));
    headless::Context context{m_till, m_fake, m_sync, m_printer};
    auto result = handler(context, request);
    if (!result.ok()) return failure(action, result.status());
    json answer = std::move(result).value();
    answer["ok"] = true;
    answer["action"] = action;
    return answer;
}

int HeadlessDriver::run(std::istream& in, std::ostream& out, bool pretty) {
    int failures = 0;
    std::string line;
    for (;;) {
        auto more = core::readLineBounded(in, line, kMaxLineBytes);
        if (more.ok() && !*more) break;
        if (more.ok() && (line.empty() || line[0] == '#')) continue;
        json result;
        try {
            result = more.ok() ? handle(line) : failure("?", more.status());
        } catch (const std::exception& error) {
            // handle() reports every input error itself; this is the last guard for the session.
            result = failure("?", Status(core::ErrorKind::Internal, error.what()));
        }
        if (!result.value("ok", false)) ++failures;
        if (pretty) {
            const json request =
                more.ok() && result.value("action", "?") != "?" ? json::parse(line, nullptr, false) : json();
            out << describeResult(request, result, m_till.settings().currency) << '\n';
        } else {
            out << jsonText(result) << '\n';
        }
        out << std::flush;
    }
    return failures;
}

}  // namespace frontdesk::kiosk

// Human-readable rendering of headless results, for the demo and for installers at a console.
#include <sstream>

#include "kiosk/headless.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using nlohmann::json;

namespace {

std::string money(const json& minor, const core::Currency& currency) {
    if (!minor.is_number_integer()) return "?";
    return core::Money(minor.get<std::int64_t>(), currency).toString();
}

std::string field(const json& j, const char* key) {
    if (!j.contains(key)) return "";
    return j[key].is_string() ? j[key].get<std::string>() : jsonText(j[key]);
}

void describeSale(std::ostringstream& out, const json& r, const core::Currency& c) {
    const auto& t = r["totals"];
    out << r["lines"].size() << " line(s), total " << money(t["gross"], c);
    if (t["discount"].get<std::int64_t>() != 0) out << " after " << money(t["discount"], c) << " discount";
    if (t["rounding"].get<std::int64_t>() != 0) out << ", cash rounding " << money(t["rounding"], c);
    if (t["paid"].get<std::int64_t>() != 0) out << ", paid " << money(t["paid"], c);
    if (t["remaining"].get<std::int64_t>() > 0) out << ", due " << money(t["remaining"], c);
    if (t["change"].get<std::int64_t>() != 0) out << ", change " << money(t["change"], c);
    if (!r["lines"].empty()) {
        const auto& last = r["lines"].back();
        out << "\n      last line " << field(last, "line") << ": " << field(last, "name") << " x " << field(last, "qty")
            << " = " << money(last["gross"], c);
    }
}

void describeCommitted(std::ostringstream& out, const json& r, const core::Currency& c) {
    const auto& p = r["payload"];
    out << "receipt " << field(r, "receipt") << " committed with outbox seq " << field(r, "seq") << ": "
        << money(p["totals"]["gross"], c) << " (tax " << money(p["totals"]["tax"], c) << ")";
    for (const auto& rate : p["tax_breakdown"]) {
        out << "\n      " << field(rate, "tax_code") << " " << field(rate, "rate") << "%: net " << money(rate["net"], c)
            << ", tax " << money(rate["tax"], c) << ", gross " << money(rate["gross"], c);
    }
    for (const auto& t : p["tenders"]) {
        out << "\n      " << field(t, "method") << " " << money(t["amount"], c);
        if (t.contains("last4")) out << " (" << field(t, "brand") << " ****" << field(t, "last4") << ")";
        if (t["change"].get<std::int64_t>() != 0) out << ", change " << money(t["change"], c);
    }
}

void describeReport(std::ostringstream& out, const json& r, const core::Currency& c) {
    out << r["sales"] << " sale(s) " << money(r["sales_gross"], c) << ", " << r["refunds"] << " refund(s) "
        << money(r["refunds_gross"], c) << ", " << r["voids"] << " void(s), " << r["no_sales"]
        << " no-sale(s), paid in " << money(r["paid_in"], c) << ", paid out " << money(r["paid_out"], c)
        << ", expected cash " << money(r["expected_cash"], c);
    if (r.contains("counted_cash")) {
        out << ", counted " << money(r["counted_cash"], c) << ", variance " << money(r["variance"], c);
    }
    for (const auto& rate : r["by_rate"]) {
        out << "\n      " << field(rate, "kind") << " " << field(rate, "tax_code") << ": net " << money(rate["net"], c)
            << ", tax " << money(rate["tax"], c) << ", gross " << money(rate["gross"], c);
    }
    for (const auto& t : r["by_tender"]) {
        out << "\n      " << field(t, "kind") << " " << field(t, "method") << ": " << t["count"] << " x, "
            << money(t["amount"], c);
    }
}

// "in: admitted, Robin Example (active), Robin Example: court 2 from 2026-12-01T11:00:00.000Z", or
// "in: REFUSED (expired), Eve Expired (expired)".
void describeCheckin(std::ostringstream& out, const json& r) {
    const bool admitted = field(r, "outcome") == "admitted";
    out << field(r, "direction") << ": " << (admitted ? "admitted" : "REFUSED (" + field(r, "reason") + ")");
    const json& details = r["details"];
    if (details.contains("member")) {
        out << ", " << field(details["member"], "name") << " (" << field(details["member"], "state") << ")";
    } else if (r.contains("member")) {
        out << ", member " << field(r, "member");
    }
    if (details.contains("booking")) {
        const json& b = details["booking"];
        out << ", " << field(b, "name") << ": " << field(b, "resource") << " from " << field(b, "starts_at");
    }
}

}  // namespace

std::string describeResult(const json& request, const json& result, const core::Currency& currency) {
    std::ostringstream out;
    const std::string action = field(result, "action");
    const bool ok = result.value("ok", false);
    out << (ok ? "OK    " : "NO    ") << (action.empty() ? "?" : action);
    if (request.is_object()) {
        for (const char* key : {"code", "sku", "qty", "percent", "amount", "method", "receipt"}) {
            if (request.contains(key) && !(key == std::string("qty") && action == "scan" && field(request, key) == "1")) {
                out << " " << key << "=" << field(request, key);
            }
        }
    }
    out << "\n      ";
    if (!ok) {
        out << field(result, "error") << ": " << field(result, "message");
    } else if (result.contains("totals") && result.contains("lines")) {
        describeSale(out, result, currency);
    } else if (result.contains("payload") && result.contains("receipt")) {
        describeCommitted(out, result, currency);
    } else if (result.contains("expected_cash")) {
        describeReport(out, result, currency);
    } else if (result.contains("checkin") && result.contains("outcome")) {
        describeCheckin(out, result);
    } else if (action == "visitor_in") {
        out << field(result, "name") << " signed in"
            << (result.value("blocked", false) ? " (ALERT: on the block list)" : "");
    } else if (action == "login") {
        out << field(result, "name") << " (" << field(result, "role") << ")";
    } else if (action == "shift.open") {
        out << "shift " << field(result, "shift");
    } else if (action == "reprint") {
        out << "copy of receipt " << field(result, "receipt");
    } else {
        json rest = result;
        rest.erase("ok");
        rest.erase("action");
        out << (rest.empty() ? "done" : jsonText(rest));
    }
    // What the printer did with the receipt, report or badge, when the till has one.
    if (ok && result.contains("print") && result["print"].is_object()) {
        out << "\n      printer: " << field(result["print"], "message");
    }
    return out.str();
}

}  // namespace frontdesk::kiosk

// The back office's Z report of a shift beside the terminal's (sales_reports.h, zReport).
#include <map>
#include <optional>
#include <vector>

#include "backoffice/backoffice_db.h"
#include "backoffice/reconciliation.h"
#include "backoffice/sales_reports.h"
#include "payload_fields.h"
#include "read_transaction.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

enum class Side { BackOffice, Terminal };

// The figures of both sides by name, listed in the order of the terminal's Z report: the shift's
// totals, the groups per rate and per tender (by name), the cash.
class Figures {
public:
    void add(Side side, const std::string& figure, bool count, std::int64_t value) {
        Sides& s = m_figures[figure];
        s.count = count;
        auto& v = side == Side::BackOffice ? s.backOffice : s.terminal;
        v = v.value_or(0) + value;
    }
    // A figure only the terminal counts: shown, never compared.
    void terminalOnly(const std::string& figure, std::optional<std::int64_t> value) {
        m_terminalOnly.push_back({{"figure", figure},
                                  {"unit", "count"},
                                  {"back_office", nullptr},
                                  {"terminal", orNull(value)},
                                  {"matches", nullptr}});
    }

    // Fills the report's figures, matches and differences. Without the terminal's report nothing
    // matches; with it, a figure one side lacks is 0 there.
    void into(json& report, bool received) const {
        std::vector<std::string> names(std::begin(kScalars), std::begin(kScalars) + kLeading);
        for (const auto& [name, sides] : m_figures) {
            if (name.rfind("by_", 0) == 0) names.push_back(name);
        }
        names.insert(names.end(), std::begin(kScalars) + kLeading, std::end(kScalars));
        json figures = json::array(), differences = json::array();
        for (const auto& name : names) {
            const auto it = m_figures.find(name);
            const Sides s = it == m_figures.end() ? Sides{} : it->second;
            const std::int64_t ours = s.backOffice.value_or(0), theirs = s.terminal.value_or(0);
            const bool same = received && theirs == ours;
            if (received && !same) differences.push_back(name);
            figures.push_back({{"figure", name},
                               {"unit", s.count ? "count" : "amount"},
                               {"back_office", ours},
                               {"terminal", received ? json(theirs) : json()},
                               {"matches", same}});
        }
        for (const auto& f : m_terminalOnly) figures.push_back(f);
        report["figures"] = std::move(figures);
        report["matches"] = received && differences.empty();
        report["differences"] = std::move(differences);
    }

private:
    struct Sides {
        bool count = false;
        std::optional<std::int64_t> backOffice, terminal;
    };
    // The shift's own figures; the groups go after the first kLeading of them.
    static constexpr const char* kScalars[] = {"float",         "sales",         "refunds",  "sales_gross",
                                               "refunds_gross", "discounts",     "rounding", "paid_in",
                                               "paid_out",      "expected_cash", "variance"};
    static constexpr std::size_t kLeading = 7;

    std::map<std::string, Sides> m_figures;
    std::vector<json> m_terminalOnly;
};

std::string rateFigure(const std::string& kind, const std::string& code, const std::string& rate, const char* what) {
    return "by_rate/" + kind + "/" + code + "/" + rate + "/" + what;
}
std::string tenderFigure(const std::string& kind, const std::string& method, const char* what) {
    return "by_tender/" + kind + "/" + method + "/" + what;
}

// What the events the back office took in add up to for the shift.
Status backOfficeFigures(core::Database& db, const ShiftFigures& shift, Figures& f) {
    const auto add = [&](const std::string& figure, bool count, std::int64_t value) {
        f.add(Side::BackOffice, figure, count, value);
    };
    add("float", false, shift.drawerFloat);
    for (const char* zero : {"sales", "refunds"}) add(zero, true, 0);
    for (const char* zero : {"sales_gross", "refunds_gross", "discounts", "rounding", "paid_in", "paid_out"})
        add(zero, false, 0);
    FD_ASSIGN(auto* sales, db.cached("SELECT kind, count(*), sum(gross_minor), sum(discount_minor), sum(rounding_minor)"
                                     " FROM sales WHERE shift = ? GROUP BY kind"));
    FD_TRY(sales->bind(1, shift.shift).forEachRow([&](const core::Statement& r) {
        const bool sale = r.text(0) == "sale";
        add(sale ? "sales" : "refunds", true, r.int64(1));
        add(sale ? "sales_gross" : "refunds_gross", false, r.int64(2));
        if (sale) add("discounts", false, r.int64(3));
        add("rounding", false, sale ? r.int64(4) : -r.int64(4));
    }));
    FD_ASSIGN(auto* rates,
              db.cached("SELECT s.kind, v.tax_code, v.rate, sum(v.net_minor), sum(v.tax_minor), sum(v.gross_minor)"
                        " FROM sales s JOIN sale_rates v ON v.event_id = s.event_id WHERE s.shift = ?"
                        " GROUP BY s.kind, v.tax_code, v.rate"));
    FD_TRY(rates->bind(1, shift.shift).forEachRow([&](const core::Statement& r) {
        int column = 3;
        for (const char* what : {"net", "tax", "gross"})
            add(rateFigure(r.text(0), r.text(1), r.text(2), what), false, r.int64(column++));
    }));
    FD_ASSIGN(auto* tenders, db.cached("SELECT s.kind, v.method, count(*), sum(v.amount_minor - v.change_minor)"
                                       " FROM sales s JOIN sale_tenders v ON v.event_id = s.event_id WHERE s.shift = ?"
                                       " GROUP BY s.kind, v.method"));
    FD_TRY(tenders->bind(1, shift.shift).forEachRow([&](const core::Statement& r) {
        add(tenderFigure(r.text(0), r.text(1), "count"), true, r.int64(2));
        add(tenderFigure(r.text(0), r.text(1), "amount"), false, r.int64(3));
    }));
    FD_ASSIGN(auto* moves, db.cached("SELECT kind, sum(amount_minor) FROM cash_moves WHERE shift = ? GROUP BY kind"));
    FD_TRY(
        moves->bind(1, shift.shift).forEachRow([&](const core::Statement& r) { add(r.text(0), false, r.int64(1)); }));
    add("expected_cash", false, shift.expected);
    add("variance", false, shift.variance.value_or(0));
    return {};
}

// The terminal's Z report, as the shift.closed payload holds it.
void terminalFigures(const json& z, Figures& f) {
    using fields::amount;
    using fields::text;
    const auto add = [&](const std::string& figure, bool count, std::int64_t value) {
        f.add(Side::Terminal, figure, count, value);
    };
    for (const char* count : {"sales", "refunds"}) add(count, true, amount(z, count));
    for (const char* figure : {"float", "sales_gross", "refunds_gross", "discounts", "rounding", "paid_in", "paid_out",
                               "expected_cash", "variance"}) {
        add(figure, false, amount(z, figure));
    }
    for (const auto& r : fields::list(z, "by_rate")) {
        for (const char* what : {"net", "tax", "gross"}) {
            add(rateFigure(text(r, "kind"), text(r, "tax_code"), text(r, "rate"), what), false, amount(r, what));
        }
    }
    for (const auto& t : fields::list(z, "by_tender")) {
        add(tenderFigure(text(t, "kind"), text(t, "method"), "count"), true, amount(t, "count"));
        add(tenderFigure(text(t, "kind"), text(t, "method"), "amount"), false, amount(t, "amount"));
    }
}


}  // namespace

Result<json> zReport(core::Database& db, const std::string& shift) {
    ReadTransaction read(db);
    FD_ASSIGN(ShiftFigures s, shiftFigures(db, shift));
    FD_ASSIGN(auto store, loadStore(db, s.store));
    std::optional<json> z;
    FD_ASSIGN(auto* kept, db.cached("SELECT body FROM z_reports WHERE shift = ?"));
    FD_TRY(
        kept->bind(1, shift).forEachRow([&](const core::Statement& r) { z = json::parse(r.text(0), nullptr, false); }));
    if (z && !z->is_object()) z.reset();
    std::optional<std::string> openedBy;
    FD_ASSIGN(auto* opener, db.cached("SELECT opened_by FROM shifts WHERE id = ?"));
    FD_TRY(opener->bind(1, shift).forEachRow([&](const core::Statement& r) { openedBy = r.optionalText(0); }));

    Figures figures;
    FD_TRY(backOfficeFigures(db, s, figures));
    if (z) terminalFigures(*z, figures);
    for (const char* only : {"voids", "no_sales"}) {
        figures.terminalOnly(only, z ? std::optional(fields::amount(*z, only)) : std::nullopt);
    }
    json report{{"shift", s.shift},
                {"store", s.store},
                {"terminal", s.terminal},
                {"currency", store.currency},
                {"opened_by", orNull(openedBy)},
                {"opened_at", orNull(s.openedAt)},
                {"closed_at", orNull(s.closedAt)},
                {"status", s.status},
                {"terminal_received", z.has_value()},
                {"counted_cash", orNull(s.counted)},
                {"gaps", s.gaps},
                {"dead_letters", s.deadLetters}};
    figures.into(report, z.has_value());
    return report;
}

}  // namespace frontdesk::backoffice

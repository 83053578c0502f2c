// The HTTP API's accounting and sales reports and the Z report (docs/backoffice.md, "Reports"):
// JSON, or CSV with ?format=csv.
#include "backoffice/report_csv.h"
#include "backoffice/sales_reports.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

using ToCsv = Result<std::string> (*)(const json&);

// The report as ?format= asks: json (the default) or csv (text/csv). The format is checked before
// the report is made.
Result<Reply> answer(const Call& c, ToCsv toCsv, const std::function<Result<json>()>& make) {
    const std::string format = c.queryText("format");
    if (!format.empty() && format != "json" && format != "csv") return core::invalidArgument("format: json or csv");
    FD_ASSIGN(json report, make());
    if (format != "csv") return Reply{std::move(report)};
    FD_ASSIGN(std::string text, toCsv(report));
    return Reply::plain(std::move(text), "text/csv; charset=utf-8");
}

}  // namespace

void reportRoutes(Router& r) {
    r.route("GET", "/api/v1/stores/([^/]+)/journal", Role::Clerk, [](Call& c) {
        return answer(c, journalCsv,
                      [&] { return journalReport(c.db, c.path(1), c.queryText("from"), c.queryText("to")); });
    });
    for (const auto& g : kSalesGroupings) {
        const std::string pattern = std::string("/api/v1/stores/([^/]+)/sales/") + g.name;
        r.route("GET", pattern.c_str(), Role::Clerk, [grouping = g.grouping](Call& c) {
            return answer(c, salesCsv, [&] {
                return salesReport(c.db, grouping, c.path(1), c.queryText("from"), c.queryText("to"));
            });
        });
    }
    r.route("GET", "/api/v1/shifts/([^/]+)/z", Role::Clerk,
            [](Call& c) { return answer(c, zReportCsv, [&] { return zReport(c.db, c.path(1)); }); });
}

}  // namespace frontdesk::backoffice

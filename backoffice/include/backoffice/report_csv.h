#pragma once
// The reports as CSV, for spreadsheets (docs/backoffice.md, "Reports"): RFC 4180 (fields separated
// by commas, lines ending in CRLF, a field holding a comma, a double quote or a line break written
// in double quotes with its quotes doubled), a header row naming the columns, then one row per line
// of the report: a journal entry's lines a row each, the trial balance's accounts a row each. No
// totals row. Amounts are decimal text in the currency's major units ("12.34", "-0.50"; "1234" in
// JPY), never floating point. A text field that begins with =, +, - or @ gets an apostrophe in
// front, so that a spreadsheet shows it as text rather than running it as a formula (a memo is
// free text a cashier typed).
//
// Each takes the JSON its report function returned; InvalidArgument for a currency the ISO 4217
// table does not know.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace frontdesk::backoffice {

// trialBalanceReport (reports.h): currency, account, name, kind, debit, credit, balance.
[[nodiscard]] core::Result<std::string> trialBalanceCsv(const nlohmann::json& report);
// journalReport: entry, at, currency, source, event_id, memo, account, name, debit, credit.
[[nodiscard]] core::Result<std::string> journalCsv(const nlohmann::json& report);
// salesReport: its columns, in order (the report lists them).
[[nodiscard]] core::Result<std::string> salesCsv(const nlohmann::json& report);
// zReport: figure, unit, back_office, terminal, matches.
[[nodiscard]] core::Result<std::string> zReportCsv(const nlohmann::json& report);

// One field as RFC 4180 writes it: in double quotes, its quotes doubled, when it holds a comma,
// a double quote, CR or LF; as it is otherwise.
[[nodiscard]] std::string csvField(std::string_view text);

}  // namespace frontdesk::backoffice

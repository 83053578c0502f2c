#include "backoffice/report_csv.h"

#include <vector>

#include "core/money.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// How a column's values are written. OfRow: as the row's "unit" says (a Z report's figures are
// counts and amounts in one column).
enum class Unit { Text, Count, Amount, Flag, OfRow };

struct Column {
    std::string key;
    Unit unit;
};

Unit unitNamed(const std::string& name) {
    if (name == "count") return Unit::Count;
    if (name == "amount") return Unit::Amount;
    return Unit::Text;
}

// Text a spreadsheet would take for a formula is written as text.
std::string textCell(const json& v) {
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) text.insert(0, "'");
    return csvField(text);
}

// A table written row by row; amounts in the row's "currency", or the table's.
class CsvTable {
public:
    CsvTable(std::vector<Column> columns, std::string currency)
        : m_columns(std::move(columns)), m_currency(std::move(currency)) {
        for (std::size_t i = 0; i < m_columns.size(); ++i) m_text += (i ? "," : "") + csvField(m_columns[i].key);
        m_text += "\r\n";
    }

    Status add(const json& row) {
        std::string line;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const Column& c = m_columns[i];
            const Unit unit = c.unit == Unit::OfRow ? unitNamed(row.value("unit", "")) : c.unit;
            FD_ASSIGN(std::string cell, this->cell(row.contains(c.key) ? row.at(c.key) : json(), unit,
                                                   row.value("currency", m_currency)));
            line += (i ? "," : "") + cell;
        }
        m_text += line + "\r\n";
        return {};
    }
    std::string text() && { return std::move(m_text); }

private:
    Result<std::string> cell(const json& v, Unit unit, const std::string& currency) {
        if (v.is_null()) return std::string();
        switch (unit) {
            case Unit::Count:
                return std::to_string(v.get<std::int64_t>());
            case Unit::Flag:
                return std::string(v.get<bool>() ? "true" : "false");
            case Unit::Amount: {
                // toString() writes every minor digit ("0.50 EUR", where amount() writes "0.5").
                FD_ASSIGN(auto c, core::currencyByCode(currency));
                const std::string text = core::Money(v.get<std::int64_t>(), c).toString();
                return text.substr(0, text.rfind(' '));
            }
            case Unit::Text:
            case Unit::OfRow:
                break;
        }
        return textCell(v);
    }

    std::vector<Column> m_columns;
    std::string m_currency;
    std::string m_text;
};

}  // namespace

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

Result<std::string> trialBalanceCsv(const json& report) {
    CsvTable table({{"currency", Unit::Text},
                    {"account", Unit::Text},
                    {"name", Unit::Text},
                    {"kind", Unit::Text},
                    {"debit", Unit::Amount},
                    {"credit", Unit::Amount},
                    {"balance", Unit::Amount}},
                   "");
    for (const auto& currency : report.value("currencies", json::array())) {
        for (json account : currency.value("accounts", json::array())) {
            account["currency"] = currency.value("currency", "");
            FD_TRY(table.add(account));
        }
    }
    return std::move(table).text();
}

Result<std::string> journalCsv(const json& report) {
    CsvTable table({{"entry", Unit::Count},
                    {"at", Unit::Text},
                    {"currency", Unit::Text},
                    {"source", Unit::Text},
                    {"event_id", Unit::Text},
                    {"memo", Unit::Text},
                    {"account", Unit::Text},
                    {"name", Unit::Text},
                    {"debit", Unit::Amount},
                    {"credit", Unit::Amount}},
                   report.value("currency", ""));
    for (const auto& entry : report.value("entries", json::array())) {
        for (json line : entry.value("lines", json::array())) {
            line["entry"] = entry.value("id", std::int64_t{0});
            for (const char* key : {"at", "currency", "source", "event_id", "memo"}) line[key] = entry.value(key, "");
            FD_TRY(table.add(line));
        }
    }
    return std::move(table).text();
}

Result<std::string> salesCsv(const json& report) {
    std::vector<Column> columns;
    for (const auto& c : report.value("columns", json::array())) {
        columns.push_back({c.value("name", ""), unitNamed(c.value("unit", ""))});
    }
    CsvTable table(std::move(columns), report.value("currency", ""));
    for (const auto& row : report.value("rows", json::array())) FD_TRY(table.add(row));
    return std::move(table).text();
}

Result<std::string> zReportCsv(const json& report) {
    CsvTable table({{"figure", Unit::Text},
                    {"unit", Unit::Text},
                    {"back_office", Unit::OfRow},
                    {"terminal", Unit::OfRow},
                    {"matches", Unit::Flag}},
                   report.value("currency", ""));
    for (const auto& figure : report.value("figures", json::array())) FD_TRY(table.add(figure));
    return std::move(table).text();
}

}  // namespace frontdesk::backoffice

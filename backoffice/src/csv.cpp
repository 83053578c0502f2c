#include "backoffice/csv.h"

#include <algorithm>

namespace frontdesk::backoffice {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool blank(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

}  // namespace

int CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (lower(header[i]) == lower(name)) return static_cast<int>(i);
    }
    return -1;
}

core::Result<CsvTable> parseCsv(std::string_view text) {
    if (text.size() > kMaxCsvBytes) {
        return core::invalidArgument("the file is larger than " + std::to_string(kMaxCsvBytes >> 20) + " MiB");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvTable table;
    std::vector<std::string> fields(1);
    int line = 1;
    int rowStart = 1;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field just closed: only a separator may follow
    const auto endRow = [&] {
        if (!blank(fields)) {
            if (table.header.empty()) {
                table.header = std::move(fields);
            } else {
                table.rows.push_back({rowStart, std::move(fields)});
            }
        }
        fields.assign(1, std::string());
        afterQuote = false;
        rowStart = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& field = fields.back();
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
                continue;
            }
            if (c == '\n') ++line;
            field += c;
        } else if (c == ',') {
            fields.emplace_back();
            afterQuote = false;
            continue;
        } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            if (c == '\r') ++i;
            ++line;
            endRow();
            continue;
        } else if (afterQuote) {
            return core::invalidArgument("line " + std::to_string(line) + ": text after a closing quote");
        } else if (c == '"' && field.empty()) {
            quoted = true;
            continue;
        } else {
            field += c;
        }
        if (fields.back().size() > kMaxCsvFieldBytes) {
            return core::invalidArgument("line " + std::to_string(line) + ": a field is longer than " +
                                         std::to_string(kMaxCsvFieldBytes) + " bytes");
        }
    }
    if (quoted) return core::invalidArgument("line " + std::to_string(rowStart) + ": a quoted field is never closed");
    endRow();
    if (table.header.empty()) return core::invalidArgument("the file has no header row");
    return table;
}

}  // namespace frontdesk::backoffice

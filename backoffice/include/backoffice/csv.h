#pragma once
// CSV as RFC 4180 writes it (what spreadsheets export): fields separated by commas, a field in
// double quotes may hold commas, line breaks and doubled quotes; lines end in CRLF or LF; a UTF-8
// byte order mark at the start is skipped. The first row names the columns.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::backoffice {

struct CsvRow {
    int line = 0;  // where the row starts in the file, from 1
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows;  // blank lines left out
    // The index of a column by its name (case-insensitive), or -1.
    [[nodiscard]] int column(std::string_view name) const;
};

inline constexpr std::size_t kMaxCsvBytes = 256u << 20;
inline constexpr std::size_t kMaxCsvFieldBytes = 64 * 1024;

// InvalidArgument naming the line for a quote left open, text after a closing quote, a field
// beyond kMaxCsvFieldBytes, a file beyond kMaxCsvBytes, or a file with no header.
[[nodiscard]] core::Result<CsvTable> parseCsv(std::string_view text);

}  // namespace frontdesk::backoffice

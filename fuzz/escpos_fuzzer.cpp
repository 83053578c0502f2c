// Fuzz target: peripherals::EscPosInterpreter, what the printer simulator reads from its socket
// and `frontdesk-tool escpos render` from a file.
//
// Properties:
//   - no input crashes it, reads out of bounds or hangs (ASan + UBSan, libFuzzer's timeout);
//   - it takes every byte: after finish() its offset is the input's size;
//   - the input fed in two pieces, split where its first byte says, reads as the same receipts.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "firmware_config/printer_profile.h"
#include "fuzz_check.h"
#include "peripherals/escpos_interpreter.h"

namespace {

const frontdesk::firmware_config::PrinterProfile& profile() {
    static const auto parsed = frontdesk::firmware_config::parsePrinterProfile(
        R"({"format": 1, "model": "Fuzz", "vendor": "Fuzz", "paper_mm": 80, "dots_per_line": 512, "dpi": 180,
            "fonts": [{"name": "A", "columns": 42, "width_dots": 12, "height_dots": 24}],
            "code_pages": [{"name": "CP437", "number": 0}, {"name": "CP858", "number": 19}, {"name": "CP866", "number": 17}],
            "qr_native": true, "barcodes": true, "cuts": ["full", "partial"], "drawer_kick": true,
            "realtime_status": true, "auto_status_back": true})",
        "fuzz");
    return *parsed;
}

std::vector<std::vector<std::string>> read(std::string_view bytes, std::size_t split) {
    std::vector<std::vector<std::string>> receipts;
    frontdesk::peripherals::EscPosInterpreter::Events events;
    events.receipt = [&](frontdesk::peripherals::Receipt r) { receipts.push_back(r.text()); };
    events.realtimeStatus = [](int) { return std::uint8_t{0x12}; };
    events.statusRequest = [](int) { return std::uint8_t{0}; };
    events.reply = [](std::string) {};
    frontdesk::peripherals::EscPosInterpreter interpreter(profile(), events);
    interpreter.feed(bytes.substr(0, split));
    interpreter.feed(bytes.substr(split));
    interpreter.finish();
    FUZZ_CHECK(interpreter.offset() == bytes.size(),
               "offset " + std::to_string(interpreter.offset()) + " of " + std::to_string(bytes.size()));
    return receipts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    FUZZ_CHECK(read(bytes, 0) == read(bytes, split), "split at " + std::to_string(split) + " reads differently");
    return 0;
}

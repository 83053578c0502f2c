#include "firmware_config/printer_profile.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"

namespace frontdesk::firmware_config {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxProfileBytes = 64 * 1024;
constexpr int kMaxProfileDepth = 4;  // profile, fonts / code_pages / usb, their objects
constexpr int kProfileFormat = 1;

// Field errors name the profile and the field, as the installer reads them.
class Fields {
public:
    Fields(const json& j, std::string id) : m_json(j), m_id(std::move(id)) {}

    Status invalid(const std::string& field, const std::string& what) const {
        return core::invalidArgument(m_id + ": " + field + ": " + what);
    }
    Result<std::string> text(const json& j, const std::string& field, const char* key, bool required = true) const {
        if (!j.contains(key)) {
            if (required) return invalid(field, "required");
            return std::string();
        }
        if (!j[key].is_string() || j[key].get<std::string>().empty() || j[key].get<std::string>().size() > 100) {
            return invalid(field, "must be text of 1 to 100 bytes");
        }
        return j[key].get<std::string>();
    }
    Result<int> integer(const json& j, const std::string& field, const char* key, int min, int max) const {
        if (!j.contains(key)) return invalid(field, "required");
        if (!j[key].is_number_integer() || j[key].get<std::int64_t>() < min || j[key].get<std::int64_t>() > max) {
            return invalid(field, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        }
        return j[key].get<int>();
    }
    Result<bool> flag(const json& j, const std::string& field, const char* key) const {
        if (!j.contains(key)) return false;
        if (!j[key].is_boolean()) return invalid(field, "must be true or false");
        return j[key].get<bool>();
    }
    Result<std::uint16_t> hex16(const json& j, const std::string& field, const char* key) const {
        FD_ASSIGN(auto text, this->text(j, field, key));
        if (text.size() != 4 || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
            return invalid(field, "must be 4 hex digits, like \"04b8\"");
        }
        return static_cast<std::uint16_t>(std::stoul(text, nullptr, 16));
    }
    const json& root() const { return m_json; }

private:
    const json& m_json;
    std::string m_id;
};

Result<std::vector<PrinterFont>> fonts(const Fields& f, int dotsPerLine) {
    const json& j = f.root();
    if (!j.contains("fonts") || !j["fonts"].is_array() || j["fonts"].empty() || j["fonts"].size() > 4) {
        return f.invalid("fonts", "must list 1 to 4 fonts, the default first");
    }
    std::vector<PrinterFont> out;
    for (std::size_t i = 0; i < j["fonts"].size(); ++i) {
        const json& font = j["fonts"][i];
        const std::string field = "fonts[" + std::to_string(i) + "]";
        if (!font.is_object()) return f.invalid(field, "must be an object");
        PrinterFont pf;
        FD_ASSIGN(pf.name, f.text(font, field + ".name", "name"));
        FD_ASSIGN(pf.columns, f.integer(font, field + ".columns", "columns", 8, 96));
        FD_ASSIGN(pf.widthDots, f.integer(font, field + ".width_dots", "width_dots", 4, 48));
        FD_ASSIGN(pf.heightDots, f.integer(font, field + ".height_dots", "height_dots", 8, 96));
        if (pf.columns * pf.widthDots > dotsPerLine) {
            return f.invalid(field + ".columns", std::to_string(pf.columns) + " columns of " +
                                                     std::to_string(pf.widthDots) + " dots do not fit " +
                                                     std::to_string(dotsPerLine) + " dots per line");
        }
        out.push_back(std::move(pf));
    }
    return out;
}

Result<std::vector<CodePage>> codePages(const Fields& f) {
    const json& j = f.root();
    if (!j.contains("code_pages") || !j["code_pages"].is_array() || j["code_pages"].empty()) {
        return f.invalid("code_pages", "must list the code pages the model selects with ESC t, at least one");
    }
    std::vector<CodePage> out;
    std::set<std::string> names;
    std::set<int> numbers;
    for (std::size_t i = 0; i < j["code_pages"].size(); ++i) {
        const json& page = j["code_pages"][i];
        const std::string field = "code_pages[" + std::to_string(i) + "]";
        if (!page.is_object()) return f.invalid(field, "must be an object with name and number");
        CodePage cp;
        FD_ASSIGN(cp.name, f.text(page, field + ".name", "name"));
        FD_ASSIGN(cp.number, f.integer(page, field + ".number", "number", 0, 255));
        const auto& known = knownCodePages();
        if (std::find(known.begin(), known.end(), cp.name) == known.end()) {
            std::string list;
            for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            return f.invalid(field + ".name",
                             "unknown code page '" + core::excerpt(cp.name) + "' (known: " + list + ")");
        }
        if (!names.insert(cp.name).second) return f.invalid(field + ".name", cp.name + " is listed twice");
        if (!numbers.insert(cp.number).second) {
            return f.invalid(field + ".number", std::to_string(cp.number) + " is given to two code pages");
        }
        out.push_back(std::move(cp));
    }
    return out;
}

Result<std::vector<CutKind>> cuts(const Fields& f) {
    const json& j = f.root();
    std::vector<CutKind> out;
    if (!j.contains("cuts")) return out;
    if (!j["cuts"].is_array()) return f.invalid("cuts", "must be a list of \"full\" and \"partial\"");
    for (const auto& cut : j["cuts"]) {
        if (cut == "full") {
            out.push_back(CutKind::Full);
        } else if (cut == "partial") {
            out.push_back(CutKind::Partial);
        } else {
            return f.invalid("cuts", "must be a list of \"full\" and \"partial\", not " + core::excerpt(cut.dump()));
        }
    }
    return out;
}

}  // namespace

const std::vector<std::string_view>& knownCodePages() {
    static const std::vector<std::string_view> pages = {"CP437", "CP737", "CP850", "CP852", "CP858", "CP866", "CP1252"};
    return pages;
}

bool PrinterProfile::canCut(CutKind kind) const {
    return std::find(cuts.begin(), cuts.end(), kind) != cuts.end();
}

std::optional<int> PrinterProfile::codePageNumber(std::string_view name) const {
    for (const auto& page : codePages) {
        if (page.name == name) return page.number;
    }
    return std::nullopt;
}

Result<PrinterProfile> parsePrinterProfile(std::string_view text, const std::string& id) {
    FD_TRY(core::checkJsonBounds(text, kMaxProfileBytes, kMaxProfileDepth, id));
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return core::invalidArgument(id + ": not a JSON object");
    const Fields f(j, id);
    FD_ASSIGN(int format, f.integer(j, "format", "format", 1, 1000));
    if (format != kProfileFormat) {
        return f.invalid(
            "format", "this build reads format " + std::to_string(kProfileFormat) + ", not " + std::to_string(format));
    }
    PrinterProfile p;
    p.id = id;
    FD_ASSIGN(p.model, f.text(j, "model", "model"));
    FD_ASSIGN(p.vendor, f.text(j, "vendor", "vendor"));
    FD_ASSIGN(p.paperMm, f.integer(j, "paper_mm", "paper_mm", 40, 120));
    FD_ASSIGN(p.dotsPerLine, f.integer(j, "dots_per_line", "dots_per_line", 200, 1000));
    if (p.dotsPerLine % 8 != 0)
        return f.invalid("dots_per_line", "must be a multiple of 8 (raster rows are whole bytes)");
    FD_ASSIGN(p.dpi, f.integer(j, "dpi", "dpi", 100, 400));
    FD_ASSIGN(p.fonts, fonts(f, p.dotsPerLine));
    FD_ASSIGN(p.codePages, codePages(f));
    FD_ASSIGN(p.cuts, cuts(f));
    FD_ASSIGN(p.qrNative, f.flag(j, "qr_native", "qr_native"));
    FD_ASSIGN(p.barcodes, f.flag(j, "barcodes", "barcodes"));
    FD_ASSIGN(p.drawerKick, f.flag(j, "drawer_kick", "drawer_kick"));
    FD_ASSIGN(p.realtimeStatus, f.flag(j, "realtime_status", "realtime_status"));
    FD_ASSIGN(p.autoStatusBack, f.flag(j, "auto_status_back", "auto_status_back"));
    if (j.contains("usb")) {
        const json& usb = j["usb"];
        if (!usb.is_object()) return f.invalid("usb", "must be an object with vendor_id and product_id");
        FD_ASSIGN(p.usbVendorId, f.hex16(usb, "usb.vendor_id", "vendor_id"));
        FD_ASSIGN(p.usbProductId, f.hex16(usb, "usb.product_id", "product_id"));
    }
    static const std::set<std::string> kKeys = {"format",
                                                "model",
                                                "vendor",
                                                "paper_mm",
                                                "dots_per_line",
                                                "dpi",
                                                "fonts",
                                                "code_pages",
                                                "cuts",
                                                "qr_native",
                                                "barcodes",
                                                "drawer_kick",
                                                "realtime_status",
                                                "auto_status_back",
                                                "usb",
                                                "notes"};
    for (const auto& [key, value] : j.items()) {
        if (!kKeys.count(key)) return f.invalid(core::excerpt(key), "unknown field (a typo?)");
    }
    return p;
}

Result<PrinterProfile> loadPrinterProfile(const std::filesystem::path& file) {
    FD_ASSIGN(auto text, core::readFileBounded(file.string(), kMaxProfileBytes, "printer profile"));
    return parsePrinterProfile(text, file.stem().string());
}

const PrinterProfile* PrinterProfiles::find(std::string_view id) const {
    for (const auto& p : profiles) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

Result<PrinterProfiles> loadPrinterProfiles(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json") files.push_back(it->path());
    }
    if (ec) return core::Status(core::ErrorKind::NotFound, "printer profiles in " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    PrinterProfiles out;
    for (const auto& file : files) {
        auto profile = loadPrinterProfile(file);
        if (profile.ok()) {
            out.profiles.push_back(std::move(profile).value());
        } else {
            out.refused.push_back(profile.status().message());  // it names the profile
        }
    }
    return out;
}

std::filesystem::path shippedPrinterProfilesDir() {
    if (const char* dir = std::getenv("FRONTDESK_PRINTERS"); dir && *dir) return dir;
    return FRONTDESK_PRINTER_PROFILES_DIR;
}

}  // namespace frontdesk::firmware_config

// Printer profiles: every shipped one loads and says what its model can do; a bad one is refused
// with the field named, and a folder keeps its good profiles and lists the refused.
#include "firmware_config/printer_profile.h"

#include <fstream>

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace frontdesk::firmware_config {
namespace {

constexpr const char* kGood = R"({
  "format": 1, "model": "Test 80", "vendor": "Acme", "paper_mm": 80, "dots_per_line": 512, "dpi": 180,
  "fonts": [{"name": "Font A", "columns": 42, "width_dots": 12, "height_dots": 24}],
  "code_pages": [{"name": "CP437", "number": 0}, {"name": "CP858", "number": 19}],
  "cuts": ["partial"], "qr_native": true, "barcodes": true, "drawer_kick": true,
  "realtime_status": true, "auto_status_back": false, "usb": {"vendor_id": "04b8", "product_id": "0202"}
})";

TEST(PrinterProfile, EveryShippedProfileLoadsWithItsModelsFacts) {
    auto loaded = loadPrinterProfiles(shippedPrinterProfilesDir());
    ASSERT_TRUE(loaded.ok()) << loaded.status().toString();
    EXPECT_TRUE(loaded->refused.empty()) << loaded->refused.front();
    for (const char* id :
         {"epson-tm-t88v", "epson-tm-t88vi", "epson-tm-t20", "epson-tm-m30", "generic-58mm", "generic-80mm"}) {
        EXPECT_NE(loaded->find(id), nullptr) << id;
    }
    const PrinterProfile* t88 = loaded->find("epson-tm-t88v");
    ASSERT_NE(t88, nullptr);
    EXPECT_EQ(t88->model, "Epson TM-T88V");
    EXPECT_EQ(t88->dotsPerLine, 512);
    EXPECT_EQ(t88->columns(), 42);
    EXPECT_EQ(t88->codePageNumber("CP858"), 19);
    EXPECT_EQ(t88->usbVendorId, 0x04b8);
    EXPECT_TRUE(t88->canCut(CutKind::Partial));
    const PrinterProfile* small = loaded->find("generic-58mm");
    ASSERT_NE(small, nullptr);
    EXPECT_EQ(small->columns(), 32);
    EXPECT_EQ(small->dotsPerLine, 384);
    EXPECT_TRUE(small->cuts.empty());
    EXPECT_FALSE(small->qrNative);
    EXPECT_EQ(loaded->find("generic-80mm")->columns(), 48);
}

TEST(PrinterProfile, AGoodProfileReadsEveryField) {
    auto p = parsePrinterProfile(kGood, "test-80");
    ASSERT_TRUE(p.ok()) << p.status().toString();
    EXPECT_EQ(p->id, "test-80");
    EXPECT_EQ(p->vendor, "Acme");
    EXPECT_EQ(p->paperMm, 80);
    EXPECT_EQ(p->dpi, 180);
    ASSERT_EQ(p->codePages.size(), 2u);
    EXPECT_EQ(p->codePages[0].name, "CP437");
    EXPECT_TRUE(p->qrNative);
    EXPECT_TRUE(p->realtimeStatus);
    EXPECT_FALSE(p->autoStatusBack);
    EXPECT_FALSE(p->canCut(CutKind::Full));
    EXPECT_EQ(p->usbProductId, 0x0202);
}

// Each bad profile: the change to the good one, and what the error must name.
struct BadCase {
    const char* name;
    const char* from;
    const char* to;
    const char* error;
};

TEST(PrinterProfile, ABadProfileIsRefusedNamingTheField) {
    const BadCase cases[] = {
        {"not json", "{", "[", "test-80: not a JSON object"},
        {"format", "\"format\": 1", "\"format\": 2", "test-80: format: this build reads format 1, not 2"},
        {"no model", "\"model\": \"Test 80\", ", "", "test-80: model: required"},
        {"dots not bytes", "\"dots_per_line\": 512", "\"dots_per_line\": 510",
         "dots_per_line: must be a multiple of 8"},
        {"dpi", "\"dpi\": 180", "\"dpi\": 18", "dpi: must be a whole number from 100 to 400"},
        {"columns too wide", "\"columns\": 42", "\"columns\": 48",
         "fonts[0].columns: 48 columns of 12 dots do not fit 512"},
        {"no fonts", "\"fonts\": [{\"name\": \"Font A\", \"columns\": 42, \"width_dots\": 12, \"height_dots\": 24}]",
         "\"fonts\": []", "fonts: must list 1 to 4 fonts"},
        {"unknown page", "\"CP858\"", "\"CP932\"", "code_pages[1].name: unknown code page 'CP932' (known: CP437"},
        {"page twice", "\"CP858\"", "\"CP437\"", "code_pages[1].name: CP437 is listed twice"},
        {"number twice", "\"number\": 19", "\"number\": 0", "code_pages[1].number: 0 is given to two code pages"},
        {"cut", "[\"partial\"]", "[\"half\"]", "cuts: must be a list of \"full\" and \"partial\""},
        {"flag", "\"qr_native\": true", "\"qr_native\": \"yes\"", "qr_native: must be true or false"},
        {"usb id", "\"04b8\"", "\"4b8\"", "usb.vendor_id: must be 4 hex digits"},
        {"typo", "\"drawer_kick\"", "\"drawer_kik\"", "drawer_kik: unknown field (a typo?)"},
    };
    for (const auto& c : cases) {
        std::string text = kGood;
        const auto at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.name;
        text.replace(at, std::string(c.from).size(), c.to);
        auto p = parsePrinterProfile(text, "test-80");
        ASSERT_FALSE(p.ok()) << c.name;
        EXPECT_EQ(p.status().kind(), core::ErrorKind::InvalidArgument) << c.name;
        EXPECT_NE(p.status().message().find(c.error), std::string::npos) << c.name << ": " << p.status().message();
    }
}

TEST(PrinterProfile, AFolderKeepsItsGoodProfilesAndListsTheRefused) {
    kiosk::testing::TempDir dir;
    std::ofstream(dir.file("good.json")) << kGood;
    std::ofstream(dir.file("broken.json")) << "{\"format\": 1}";
    std::ofstream(dir.file("notes.txt")) << "not a profile";
    auto loaded = loadPrinterProfiles(dir.path());
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->profiles.size(), 1u);
    EXPECT_EQ(loaded->profiles[0].id, "good");
    ASSERT_EQ(loaded->refused.size(), 1u);
    EXPECT_EQ(loaded->refused[0], "broken: model: required");
    EXPECT_FALSE(loadPrinterProfiles(dir.file("missing")).ok());
    EXPECT_EQ(loadPrinterProfile(dir.file("missing.json")).status().kind(), core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace frontdesk::firmware_config

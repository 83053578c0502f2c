// The front desk's printed documents, filled from what the engine committed, encoded for real
// printer models and read back the way the simulator prints them: the text a customer sees, and
// the codes the refund flow and the visitor desk scan.
#include "kiosk/receipts/receipt_documents.h"

#include <gtest/gtest.h>

#include "peripherals/codes.h"
#include "peripherals/escpos_encoder.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals/receipt_renderer.h"
#include "peripherals_test_support.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::receipts {
namespace {

using namespace frontdesk::kiosk::testing;
using peripherals::EscPosEncoder;
using peripherals::EscPosInterpreter;

StoreHeader cafe() {
    StoreHeader h;
    h.name = "Frontdesk Cafe";
    h.address = {"1 Main Street", "10115 Berlin"};
    h.vatId = "DE123456789";
    h.footer = "Thank you!";
    return h;
}

struct Printed {
    std::vector<std::string> lines;
    std::vector<std::string> codes;  // decoded from the rendered picture
    std::string text() const { return peripherals::testing::joined(lines); }
};

// Encodes for the model, interprets the bytes like the printer, renders and decodes the picture.
Printed print(const peripherals::Document& d, const std::string& model = "epson-tm-t88v") {
    const auto& profile = peripherals::testing::profile(model);
    auto raster = peripherals::TextRaster::open();
    if (!raster.ok()) throw std::runtime_error(raster.status().toString());
    auto bytes = EscPosEncoder(profile, raster->get()).encode(d);
    if (!bytes.ok()) throw std::runtime_error(bytes.status().toString());
    Printed out;
    auto renderer = peripherals::ReceiptRenderer::open(profile);
    if (!renderer.ok()) throw std::runtime_error(renderer.status().toString());
    EscPosInterpreter::Events e;
    e.receipt = [&](peripherals::Receipt r) {
        for (auto& l : r.text()) out.lines.push_back(l);
        for (auto& c : peripherals::testing::decodeCodes((*renderer)->render(r))) out.codes.push_back(c);
    };
    EscPosInterpreter interpreter(profile, std::move(e));
    interpreter.feed(*bytes);
    interpreter.finish();
    return out;
}

// A label and a value as an 80 mm printer's 42 columns set them.
std::string cols(const std::string& left, const std::string& right) {
    return left + std::string(42 - left.size() - right.size(), ' ') + right;
}

bool has(const Printed& p, const std::string& line) {
    return std::find(p.lines.begin(), p.lines.end(), line) != p.lines.end();
}

class ReceiptDocumentsTest : public ::testing::Test {
protected:
    ReceiptDocumentsTest() : t(standardSeed()) { t.startShift(); }
    ReceiptContext context(ReceiptLanguage language = ReceiptLanguage::English) {
        ReceiptContext c = contextOf(t.till->settings(), language);
        c.header = cafe();
        c.staffName = "Casey Cashier";
        return c;
    }
    // 2 x A (1.99) + B (0.50): 4.48, paid 3.00 by card and the rest in cash from 5.00.
    Committed sale() {
        EXPECT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
        EXPECT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
        EXPECT_TRUE(t.checkout().tenderCard(eur(300)).ok());
        EXPECT_TRUE(t.checkout().tenderCash(eur(500)).ok());
        auto done = t.checkout().complete();
        EXPECT_TRUE(done.ok()) << done.status().toString();
        return *done;
    }
    Terminal t;
};

TEST_F(ReceiptDocumentsTest, ASaleReceiptCarriesTheStoreTheLinesTaxTendersAndScannableCodes) {
    const Committed c = sale();
    const Printed p = print(saleReceipt(context(), c));
    const std::string text = p.text();
    for (const std::string& line :
         {std::string("Frontdesk Cafe"), std::string("1 Main Street"), std::string("10115 Berlin"),
          std::string("VAT id: DE123456789"), cols("Cashier", "Casey Cashier"), cols("Till", "s1-t1"),
          cols("Date", "2026-11-18 11:06 UTC"), cols("Apple juice", "3.98"), std::string("2 x 1.99"),
          cols("Bread roll", "0.50"), cols("Total", "EUR 4.48"), cols("Card VISA **** 4242", "3.00"),
          cols("Cash", "5.00"), cols("Change", "3.52"), std::string("Thank you!")}) {
        EXPECT_TRUE(has(p, line)) << "missing: " << line << "\n" << text;
    }
    EXPECT_TRUE(has(p, cols("Receipt", c.receiptNo))) << text;
    // One line per tax rate: the net it applies to and the tax.
    EXPECT_TRUE(has(p, cols("VAT 19% net 3.34", "0.64"))) << text;
    EXPECT_TRUE(has(p, cols("VAT 7% net 0.47", "0.03"))) << text;
    // The refund flow scans either code and finds this receipt.
    EXPECT_EQ(p.codes, (std::vector<std::string>{"QRCode:" + c.receiptNo, "Code128:" + c.receiptNo}));
    // Brand and last four only: no card number anywhere on paper.
    EXPECT_EQ(text.find("4242 4242"), std::string::npos);
}

TEST_F(ReceiptDocumentsTest, TheReceiptForTheScreenIsThePapersTextWithoutItsCodes) {
    const Committed c = sale();
    auto text = receiptText(context(), c);
    ASSERT_TRUE(text.ok()) << text.status().toString();
    EXPECT_EQ(text->rfind("Frontdesk Cafe\n", 0), 0u) << *text;
    EXPECT_NE(text->find("Receipt" + std::string(32 - 7 - c.receiptNo.size(), ' ') + c.receiptNo), std::string::npos)
        << *text;
    EXPECT_NE(text->find("Total"), std::string::npos);
    EXPECT_NE(text->find("EUR 4.48"), std::string::npos);
    EXPECT_EQ(text->find("[QR"), std::string::npos) << "the paper's codes are left out";
    EXPECT_EQ(text->find("[Code"), std::string::npos);
    EXPECT_EQ(text->find(" \n"), std::string::npos) << "no trailing spaces";
    EXPECT_EQ(text->find("\n\n\n"), std::string::npos) << "no run of empty lines";
    EXPECT_LE(text->size(), peripherals::kMaxQrBytes);
}

TEST_F(ReceiptDocumentsTest, AReceiptTooLongForAQrCodeIsRefusedForTheScreen) {
    for (int i = 0; i < 60; ++i) {
        ASSERT_TRUE(t.checkout().addSku("W", dec(("0." + std::to_string(100 + i)).c_str())).ok());
    }
    ASSERT_TRUE(t.checkout().tenderCard().ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    auto text = receiptText(context(), *done);
    EXPECT_EQ(text.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(text.status().message().find("print it instead"), std::string::npos);
}

TEST_F(ReceiptDocumentsTest, ARefundSlipSaysRefundAndNamesTheOriginalReceipt) {
    const Committed original = sale();
    RefundRequest request;
    request.receipt = original.receiptNo;
    request.lines = {{1, dec("1")}};
    auto refund = t.refunds().refund(request);
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    const Printed p = print(saleReceipt(context(), *refund));
    EXPECT_TRUE(has(p, "REFUND")) << p.text();
    EXPECT_TRUE(has(p, cols("Original receipt", original.receiptNo))) << p.text();
    EXPECT_TRUE(has(p, cols("Refunded", "EUR 1.99"))) << p.text();
    EXPECT_EQ(p.codes.front(), "QRCode:" + refund->receiptNo);
}

TEST_F(ReceiptDocumentsTest, ACopyIsMarkedAsOneAndReadsTheSameAsTheOriginal) {
    const Committed c = sale();
    auto copy = t.till->history().receiptCopy(c.receiptNo);
    ASSERT_TRUE(copy.ok()) << copy.status().toString();
    EXPECT_EQ(copy->staffName, "Cass");  // the seed's name for c1
    ReceiptContext marked = context();
    marked.copy = true;
    const Printed original = print(saleReceipt(context(), c));
    const Printed again = print(saleReceipt(marked, copy->committed));
    ASSERT_FALSE(again.lines.empty());
    EXPECT_EQ(again.lines.front(), "*** COPY ***");
    EXPECT_EQ(std::vector<std::string>(again.lines.begin() + 1, again.lines.end()), original.lines);
    EXPECT_EQ(t.till->history().receiptCopy("t1-999999").status().kind(), core::ErrorKind::NotFound);
}

TEST_F(ReceiptDocumentsTest, XAndZReportsShowTheShiftsFigures) {
    sale();
    auto x = t.shifts().xReport();
    ASSERT_TRUE(x.ok());
    const Printed px = print(shiftReport(context(), *x));
    EXPECT_TRUE(has(px, "X REPORT")) << px.text();
    EXPECT_TRUE(has(px, cols("Sales", "1  4.48"))) << px.text();
    EXPECT_TRUE(has(px, cols("Expected cash", "101.48"))) << px.text();
    auto z = t.shifts().close(eur(10000));
    ASSERT_TRUE(z.ok());
    const Printed pz = print(shiftReport(context(), *z));
    EXPECT_TRUE(has(pz, "Z REPORT")) << pz.text();
    EXPECT_TRUE(has(pz, cols("Counted cash", "100.00"))) << pz.text();
    EXPECT_TRUE(has(pz, cols("Variance", "-1.48"))) << pz.text();
}

TEST_F(ReceiptDocumentsTest, AVisitorBadgeCarriesTheNameAndAQrCodeToSignOut) {
    auto visit = t.till->reception().visitorIn("Robin Example", "Acme Ltd", "Alex");
    ASSERT_TRUE(visit.ok()) << visit.status().toString();
    const Printed p = print(visitorBadge(context(), *visit));
    EXPECT_TRUE(has(p, "VISITOR")) << p.text();
    EXPECT_TRUE(has(p, "Robin Example")) << p.text();
    EXPECT_TRUE(has(p, "Acme Ltd")) << p.text();
    EXPECT_EQ(p.codes, std::vector<std::string>{"QRCode:" + visit->record.visit});
}

TEST_F(ReceiptDocumentsTest, AQueueTicketShowsItsNumberLarge) {
    Ticket ticket;
    ticket.number = 42;
    ticket.service = "Memberships";
    ticket.takenAt = "2026-12-01T09:30:00Z";
    ticket.ahead = 3;
    const Printed p = print(queueTicket(context(), ticket));
    EXPECT_TRUE(has(p, "42")) << p.text();
    EXPECT_TRUE(has(p, "Memberships")) << p.text();
    EXPECT_TRUE(has(p, cols("Waiting before you", "3"))) << p.text();
}

TEST_F(ReceiptDocumentsTest, APersianReceiptIsDrawnRightToLeftAndItsCodesStillScan) {
    const Committed c = sale();
    ReceiptContext fa = context(ReceiptLanguage::Persian);
    fa.header.name = "کافه فرانت‌دسک";
    const peripherals::Document d = saleReceipt(fa, c);
    for (const char* model : {"epson-tm-t88v", "generic-58mm"}) {
        const Printed p = print(d, model);
        // Persian labels have no code page on these models: those lines are drawn, shaped.
        int drawn = 0;
        for (const auto& line : p.lines) drawn += line.rfind("[image ", 0) == 0;
        EXPECT_GE(drawn, 8) << model << "\n" << p.text();
        EXPECT_EQ(p.codes, (std::vector<std::string>{"QRCode:" + c.receiptNo, "Code128:" + c.receiptNo})) << model;
    }
    EXPECT_EQ(parseReceiptLanguage("fa").value(), ReceiptLanguage::Persian);
    EXPECT_EQ(parseReceiptLanguage("de").status().message(), "receipt language 'de': en or fa");
}

TEST(ReceiptDocuments, ADamagedPayloadPrintsWhatItCanAndNeverThrows) {
    Committed c;
    c.receiptNo = "t1-000009";
    c.event.type = EventType::SaleCompleted;
    c.event.at = "not a time";
    c.payload = nlohmann::json::parse(R"({"lines": [{"name": "Tea", "gross": "x"}, 7], "totals": [],
                                          "tenders": {"method": "cash"}})");
    ReceiptContext ctx;
    ctx.currency = *core::currencyByCode("EUR");
    const Printed p = print(saleReceipt(ctx, c));
    EXPECT_TRUE(has(p, cols("Tea", "0.00"))) << p.text();
    EXPECT_TRUE(has(p, cols("Date", "not a time"))) << p.text();
}

TEST(ReceiptDocuments, ADiscountedLineShowsTheDiscountUnderIt) {
    Committed c;
    c.receiptNo = "t1-000010";
    c.event.type = EventType::SaleCompleted;
    c.payload = nlohmann::json::parse(R"({"lines": [{"name": "Mug", "qty": "2", "unit_price": 600, "discount": 100,
                                          "gross": 1100}], "totals": {"due": 1100}})");
    ReceiptContext ctx;
    ctx.currency = *core::currencyByCode("EUR");
    const Printed p = print(saleReceipt(ctx, c));
    EXPECT_TRUE(has(p, cols("Mug", "11.00"))) << p.text();
    EXPECT_TRUE(has(p, "2 x 6.00")) << p.text();
    EXPECT_TRUE(has(p, cols("Discount", "-1.00"))) << p.text();
}

}  // namespace
}  // namespace frontdesk::kiosk::receipts

// The ESC/POS interpreter: what the encoder writes reads back as the document's printed text on
// every shipped model (the round trip), in pieces of any size; status requests are answered;
// bad input is skipped with its offset and never stops it.
#include <random>

#include <gtest/gtest.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals_test_support.h"

namespace frontdesk::peripherals {
namespace {

using testing::operator""_bytes;

// Everything the interpreter reported, for assertions.
struct Seen {
    std::vector<Receipt> receipts;
    std::vector<std::pair<std::size_t, std::string>> skipped;
    std::string replies;
    std::vector<int> pulses;
    int recovers = 0;
    EscPosInterpreter::Events events() {
        EscPosInterpreter::Events e;
        e.receipt = [this](Receipt r) { receipts.push_back(std::move(r)); };
        e.realtimeStatus = [](int n) { return static_cast<std::uint8_t>(0x12 | (n == 4 ? 0x0C : 0)); };
        e.statusRequest = [](int) { return std::uint8_t{0x00}; };
        e.reply = [this](std::string bytes) { replies += bytes; };
        e.drawerPulse = [this](int pin) { pulses.push_back(pin); };
        e.recover = [this] { ++recovers; };
        e.skipped = [this](std::size_t offset, std::string what) { skipped.emplace_back(offset, std::move(what)); };
        return e;
    }
};

Document sampleReceipt() {
    TextStyle bold;
    bold.bold = true;
    TextStyle big;
    big.doubleWidth = big.doubleHeight = true;
    Document d;
    d.text("Frontdesk Café", bold, Align::Center)
        .text("Hauptstraße 1, 10115 Berlin", {}, Align::Center)
        .separator()
        .columns("2 x Apple juice, cloudy, organic", "3.98")
        .columns("Brötchen", "0.50")
        .columns("Кофе", "€ 2,50")
        .separator(U'=')
        .text("TOTAL € 6.98", big, Align::End)
        .feed(1)
        .barcode(BarcodeKind::Code128, "R-s1-t1-000042")
        .qr("fd:receipt:01890a5d-ac96-774b-bcce-b302099a0001", 4)
        .text("Thank you – see you soon!")
        .cut();
    return d;
}

TEST(EscPosInterpreter, WhatTheEncoderWritesReadsBackAsThePrintedTextOnEveryModel) {
    const auto loaded = firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir());
    ASSERT_TRUE(loaded.ok());
    auto raster = TextRaster::open();
    ASSERT_TRUE(raster.ok()) << raster.status().toString();
    const Document d = sampleReceipt();
    for (const auto& profile : loaded->profiles) {
        SCOPED_TRACE(profile.id);
        const EscPosEncoder encoder(profile, raster->get());
        auto bytes = encoder.encode(d);
        ASSERT_TRUE(bytes.ok()) << bytes.status().toString();
        Seen seen;
        EscPosInterpreter interpreter(profile, seen.events());
        interpreter.feed(*bytes);
        interpreter.finish();
        EXPECT_TRUE(seen.skipped.empty()) << seen.skipped.front().second << " at " << seen.skipped.front().first;
        ASSERT_EQ(seen.receipts.size(), 1u);
        EXPECT_EQ(seen.receipts[0].cut, !profile.cuts.empty());
        EXPECT_EQ(seen.receipts[0].text(), encoder.printedText(d));
    }
}

TEST(EscPosInterpreter, TheEuroAndCyrillicSurviveTheRoundTripWhereAPageHasThem) {
    const auto& t88 = testing::profile("epson-tm-t88v");
    const EscPosEncoder encoder(t88, nullptr);
    Document d;
    d.text("5 € Ж é Ω").cut();
    Seen seen;
    EscPosInterpreter interpreter(t88, seen.events());
    interpreter.feed(*encoder.encode(d));
    ASSERT_EQ(seen.receipts.size(), 1u);
    EXPECT_EQ(seen.receipts[0].text(), (std::vector<std::string>{"5 € Ж é Ω"}));
}

TEST(EscPosInterpreter, AStreamFedInPiecesOfAnySizeReadsTheSame) {
    const auto& profile = testing::profile("epson-tm-t20");
    const std::string bytes =
        *EscPosEncoder(profile, nullptr).encode(Document(sampleReceipt()).text("x").cut().text("second").cut());
    Seen whole;
    {
        EscPosInterpreter interpreter(profile, whole.events());
        interpreter.feed(bytes);
    }
    for (std::size_t piece : {1u, 2u, 3u, 7u, 64u}) {
        Seen pieces;
        EscPosInterpreter interpreter(profile, pieces.events());
        for (std::size_t at = 0; at < bytes.size(); at += piece)
            interpreter.feed(std::string_view(bytes).substr(at, piece));
        ASSERT_EQ(pieces.receipts.size(), 3u) << piece;
        EXPECT_EQ(pieces.receipts[0].text(), whole.receipts[0].text()) << piece;
        EXPECT_EQ(pieces.receipts[1].text(), (std::vector<std::string>{"x"})) << piece;
        EXPECT_EQ(pieces.receipts[2].text(), (std::vector<std::string>{"second"})) << piece;
        EXPECT_EQ(interpreter.offset(), bytes.size());
    }
}

TEST(EscPosInterpreter, StatusRequestsAreAnsweredAndTheDrawerPulseIsSeen) {
    const auto& profile = testing::profile("epson-tm-t88v");
    Seen seen;
    EscPosInterpreter interpreter(profile, seen.events());
    interpreter.feed("\x10\x04\x01\x10\x04\x04\x1d\x72\x01"_bytes);
    EXPECT_EQ(testing::hex(seen.replies), "12 1e 00");
    interpreter.feed(EscPosEncoder::drawerKick(1) + "\x10\x05\x02"_bytes);
    EXPECT_EQ(seen.pulses, (std::vector<int>{1}));
    EXPECT_EQ(seen.recovers, 1);
}

TEST(EscPosInterpreter, UnknownAndMalformedCommandsAreSkippedWithTheirOffset) {
    const auto& profile = testing::profile("epson-tm-t88v");
    Seen seen;
    EscPosInterpreter interpreter(profile, seen.events());
    // ESC ~ is no command; ESC t 99 no page of this model; GS v 0 declares 65535 x 65535 bytes.
    interpreter.feed(
        "ab\x1b~cd\x1b\x74\x63"
        "e\n"_bytes);
    interpreter.feed(
        "\x1d\x76\x30\x00\xff\xff\xff\xff"
        "f\n"_bytes);
    interpreter.feed("\x1d\x56\x42\x03"_bytes);
    ASSERT_EQ(seen.skipped.size(), 3u);
    EXPECT_EQ(seen.skipped[0], (std::pair<std::size_t, std::string>{2, "unknown command ESC ~"}));
    EXPECT_EQ(seen.skipped[1].first, 6u);
    EXPECT_EQ(seen.skipped[1].second, "ESC t 99: no such code page on Epson TM-T88V");
    EXPECT_EQ(seen.skipped[2].first, 11u);
    EXPECT_NE(seen.skipped[2].second.find("is refused"), std::string::npos);
    ASSERT_EQ(seen.receipts.size(), 1u);
    EXPECT_EQ(seen.receipts[0].text(), (std::vector<std::string>{"abcde", "f"}));
}

TEST(EscPosInterpreter, RandomBytesNeverStopIt) {
    const auto& profile = testing::profile("generic-58mm");
    std::mt19937 rng(20261201);
    for (int round = 0; round < 200; ++round) {
        std::string bytes(static_cast<std::size_t>(rng() % 4000), '\0');
        for (auto& b : bytes) {
            // Mostly command bytes, so the parser's branches are taken.
            const unsigned r = rng() % 8;
            b = static_cast<char>(r == 0 ? 0x1b : r == 1 ? 0x1d : r == 2 ? 0x10 : r == 3 ? 0x0a : rng() % 256);
        }
        Seen seen;
        EscPosInterpreter interpreter(profile, seen.events());
        for (std::size_t at = 0; at < bytes.size(); at += 97) interpreter.feed(std::string_view(bytes).substr(at, 97));
        interpreter.finish();
        EXPECT_EQ(interpreter.offset(), bytes.size());
    }
}

}  // namespace
}  // namespace frontdesk::peripherals

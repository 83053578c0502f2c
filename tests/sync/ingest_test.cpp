// The consumer side: messages decoded into deliveries, and each event taking effect exactly once
// however often it arrives, with dead letters for what cannot be applied.
#include "sync/delivery.h"
#include "sync/ingest_ledger.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace frontdesk::sync {
namespace {

using nlohmann::json;

const TerminalAddress kT1{"s1", "t1"};

std::string uuid(int n) {
    char text[37];
    std::snprintf(text, sizeof text, "0193a0c2-7b1e-7c3a-9f00-%012d", n);
    return text;
}

json envelope(std::int64_t seq, const std::string& type = "sale.completed") {
    return {{"id", uuid(static_cast<int>(seq))}, {"type", type}, {"v", 1}, {"store", "s1"}, {"terminal", "t1"},
            {"seq", seq}, {"at", "2026-11-27T10:00:00.000Z"}, {"staff", "e1"}, {"payload", {{"gross", 100}}}};
}

TEST(Deliveries, OneEnvelopeOrAListInSeqOrder) {
    auto one = decodeDeliveries(kT1, envelope(7).dump());
    ASSERT_EQ(one.size(), 1u);
    EXPECT_TRUE(one[0].valid()) << one[0].problem;
    EXPECT_EQ(one[0].seq, 7);
    EXPECT_EQ(one[0].id, uuid(7));
    EXPECT_EQ(one[0].type, "sale.completed");
    auto many = decodeDeliveries(kT1, json::array({envelope(1), envelope(2), envelope(3)}).dump());
    ASSERT_EQ(many.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(many[static_cast<std::size_t>(i)].seq, i + 1);
}

TEST(Deliveries, WhatCannotBeAppliedCarriesItsReason) {
    json otherTerminal = envelope(1);
    otherTerminal["terminal"] = "t2";
    json noId = envelope(2);
    noId.erase("id");
    json zeroSeq = envelope(3);
    zeroSeq["seq"] = 0;
    const std::pair<std::string, std::string> cases[] = {
        {otherTerminal.dump(), "not those of the topic s1/t1"},
        {noId.dump(), "'id' is not a UUIDv7"},
        {zeroSeq.dump(), "'seq' is not an integer of 1 or more"},
        {"{\"id\": ", "not JSON"},
        {"[]", "an empty list"},
        {"[1]", "must be a JSON object"},
        {std::string(40, '[') + std::string(40, ']'), "deeper than"},
    };
    for (const auto& [payload, why] : cases) {
        auto deliveries = decodeDeliveries(kT1, payload);
        ASSERT_EQ(deliveries.size(), 1u) << payload;
        EXPECT_FALSE(deliveries[0].valid()) << payload;
        EXPECT_NE(deliveries[0].problem.find(why), std::string::npos) << payload << ": " << deliveries[0].problem;
        EXPECT_FALSE(deliveries[0].raw.empty());
    }
    auto checked = decodeDeliveries(kT1, envelope(1).dump(), [](const json&) { return std::string("schema says no"); });
    EXPECT_EQ(checked[0].problem, "schema says no");
    // The protocol's own check: this envelope's payload is not a sale's.
    auto bySchema = decodeDeliveries(kT1, envelope(1).dump(), &schemaProblem);
    EXPECT_NE(bySchema[0].problem.find("/payload"), std::string::npos) << bySchema[0].problem;
}

// A back-office database with the ledger's tables and one effect table.
struct BackOffice {
    BackOffice() {
        static const core::Schema schema{0x46444254, "test back office",
                                         {{1, IngestLedger::schemaSql()},
                                          {2, "CREATE TABLE effects (event_id TEXT NOT NULL, gross INTEGER NOT NULL);"}}};
        auto opened = core::Database::open(":memory:", schema);
        if (!opened.ok()) throw std::runtime_error(opened.status().toString());
        db = std::move(opened).value();
        ledger = std::make_unique<IngestLedger>(*db, clock);
    }
    core::Result<Ack> receive(const json& message) {
        return ledger->ingest(kT1, decodeDeliveries(kT1, message.dump()), [this](const Delivery& d) -> core::Status {
            FD_TRY(db->exec("INSERT INTO effects VALUES ('" + d.id + "', 1)"));
            if (d.type == "refuse.me") return core::invalidArgument("unknown tax code VAT99");
            if (d.type == "disk.full") return core::Status(core::ErrorKind::DiskFull, "no room");
            return {};
        });
    }
    std::int64_t count(const std::string& sql) {
        auto stmt = db->prepare(sql);
        std::int64_t n = -1;
        (void)stmt->firstRow([&](const core::Statement& row) { n = row.int64(0); }, "");
        return n;
    }
    core::FakeClock clock{core::TimePoint{}};
    std::unique_ptr<core::Database> db;
    std::unique_ptr<IngestLedger> ledger;
};

TEST(IngestLedger, EachEventTakesEffectOnceHoweverOftenItArrives) {
    BackOffice office;
    auto first = office.receive(json::array({envelope(1), envelope(2)}));
    ASSERT_TRUE(first.ok()) << first.status().toString();
    EXPECT_EQ(first->upto, 2);
    EXPECT_EQ(first->accepted, (std::vector<std::string>{uuid(1), uuid(2)}));
    auto again = office.receive(json::array({envelope(1), envelope(2), envelope(3)}));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->upto, 3);
    EXPECT_EQ(again->accepted.size(), 3u) << "duplicates are acked again";
    EXPECT_EQ(office.count("SELECT count(*) FROM effects"), 3);
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_events WHERE outcome = 'applied'"), 3);
}

TEST(IngestLedger, AGapHoldsUptoBackUntilItIsFilled) {
    BackOffice office;
    ASSERT_EQ(office.receive(envelope(1))->upto, 1);
    ASSERT_EQ(office.receive(envelope(4))->upto, 1);
    ASSERT_EQ(office.receive(envelope(6))->upto, 1);
    auto gaps = office.ledger->gaps(kT1);
    ASSERT_TRUE(gaps.ok()) << gaps.status().toString();
    ASSERT_EQ(gaps->size(), 2u);
    EXPECT_EQ((*gaps)[0].from, 2);
    EXPECT_EQ((*gaps)[0].to, 3);
    EXPECT_EQ((*gaps)[1].from, 5);
    EXPECT_EQ((*gaps)[1].to, 5);
    ASSERT_EQ(office.receive(json::array({envelope(2), envelope(3)}))->upto, 4);
    ASSERT_EQ(office.receive(envelope(5))->upto, 6);
    EXPECT_TRUE(office.ledger->gaps(kT1)->empty());
    auto progress = office.ledger->progress(kT1);
    EXPECT_EQ(progress->upto, 6);
    EXPECT_EQ(progress->highest, 6);
    EXPECT_TRUE(progress->lastSeen.has_value());
}

TEST(IngestLedger, AMissingFirstEventIsAGapToo) {
    BackOffice office;
    ASSERT_EQ(office.receive(envelope(3))->upto, 0);
    auto gaps = office.ledger->gaps(kT1);
    ASSERT_EQ(gaps->size(), 1u);
    EXPECT_EQ((*gaps)[0].from, 1);
    EXPECT_EQ((*gaps)[0].to, 2);
}

TEST(IngestLedger, AnEventThatCannotBeAppliedIsDeadLetteredUndoneAndStillHandled) {
    BackOffice office;
    auto ack = office.receive(json::array({envelope(1), envelope(2, "refuse.me"), envelope(3)}));
    ASSERT_TRUE(ack.ok()) << ack.status().toString();
    EXPECT_EQ(ack->upto, 3);
    ASSERT_EQ(ack->rejected.size(), 1u);
    EXPECT_EQ(ack->rejected[0], (RejectedEvent{uuid(2), 2, "unknown tax code VAT99"}));
    EXPECT_EQ(office.count("SELECT count(*) FROM effects"), 2) << "the refused event's own write is undone";
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter' AND raw LIKE '%refuse.me%'"), 1);
    // Sent again, it is a duplicate: no second dead letter, no effect.
    ASSERT_TRUE(office.receive(envelope(2, "refuse.me")).ok());
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_events"), 3);
}

TEST(IngestLedger, AnInvalidEnvelopeIsDeadLetteredAndNeverDropped) {
    BackOffice office;
    json foreign = envelope(1);
    foreign["terminal"] = "t2";
    auto ack = office.receive(foreign);
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->upto, 1) << "handled, as a dead letter";
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter'"), 1);
    auto garbage = office.ledger->ingest(kT1, decodeDeliveries(kT1, "not json"), nullptr);
    ASSERT_TRUE(garbage.ok());
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_unplaced WHERE raw = 'not json' AND reason = 'not JSON'"), 1);
    EXPECT_EQ(office.count("SELECT count(*) FROM effects"), 0);
}

TEST(IngestLedger, ASeqReusedByAnotherIdIsKeptApartAndDoesNotReplaceTheFirst) {
    BackOffice office;
    ASSERT_TRUE(office.receive(envelope(1)).ok());
    json impostor = envelope(1);
    impostor["id"] = uuid(99);
    auto ack = office.receive(impostor);
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(office.count("SELECT count(*) FROM effects"), 1);
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_unplaced WHERE reason LIKE 'seq 1 is taken%'"), 1);
}

TEST(IngestLedger, AStorageFailureKeepsNothingAndSendsNoAck) {
    BackOffice office;
    auto failed = office.receive(json::array({envelope(1), envelope(2, "disk.full")}));
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().kind(), core::ErrorKind::DiskFull);
    EXPECT_EQ(office.count("SELECT count(*) FROM effects"), 0);
    EXPECT_EQ(office.count("SELECT count(*) FROM ingest_events"), 0);
    ASSERT_EQ(office.receive(envelope(1))->upto, 1) << "the terminal's resend is applied";
}

}  // namespace
}  // namespace frontdesk::sync

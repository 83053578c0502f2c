// Master data that replaces a table whole: the members, bookings and blocklist datasets the
// reception desk reads, and the staff dataset. A version, kept as chunks, becomes the table's
// contents in one transaction and its version is remembered across a restart; a bad record is
// quarantined with its reason and the valid ones applied; a bad header, a damaged chunk or a
// staff version naming nobody refuses the version and leaves the table as it was.
#include <gtest/gtest.h>

#include "core/password.h"
#include "kiosk/master_data.h"
#include "kiosk/outbox_source.h"
#include "sync/dataset.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk {
namespace {

using nlohmann::json;
using testing::queryColumn;
using testing::queryInt;
using testing::queryText;

constexpr const char* kRecordsCustomer = "01890a5d-ac96-774b-bcce-b302099a8057";
constexpr const char* kRecordsCourt = "01890a5d-ac96-774b-bcce-b302099a0001";
constexpr const char* kRecordsLater = "01890a5d-ac96-774b-bcce-b302099a0002";

// A dataset body as the back office cuts it: the header, then one line per record.
std::string body(const std::string& dataset, std::int64_t version, const std::vector<json>& records,
                 const std::string& store = "s1") {
    std::string text = json{{"kind", dataset}, {"version", version}, {"store", store}}.dump() + "\n";
    for (const auto& r : records) text += r.dump() + "\n";
    return text;
}

json member(const std::string& id, const std::string& validUntil = "2027-06-30", const std::string& status = "active") {
    return {{"kind", "member"},          {"id", id},         {"name", "Member " + id},
            {"valid_until", validUntil}, {"status", status}, {"visits_90_days", 2}};
}

json booking(const char* id, const std::string& startsAt, const std::string& status = "booked") {
    return {{"kind", "booking"},       {"id", id},
            {"name", "Robin Example"}, {"resource", "court 2"},
            {"starts_at", startsAt},   {"ends_at", "2026-11-18T23:00:00Z"},
            {"status", status},        {"customer", kRecordsCustomer},
            {"member", "M-100"}};
}

json staffMember(const std::string& id, const std::string& role, const std::string& pin) {
    return {{"kind", "member"},
            {"id", id},
            {"name", "Staff " + id},
            {"role", role},
            {"pin_hash", *core::hashSecret(pin, core::HashStrength::Minimum)}};
}

class RecordDatasets : public ::testing::Test {
protected:
    RecordDatasets() {
        auto opened = MasterData::open(t.db->path(), t.clock, t.till->boundary());
        if (!opened.ok()) throw std::runtime_error(opened.status().toString());
        data = std::move(opened).value();
    }

    sync::DatasetManifest store(const std::string& dataset, std::int64_t version, const std::string& text) {
        auto v = sync::makeDatasetVersion(dataset, version, text, 1024);
        EXPECT_TRUE(v.ok()) << v.status().toString();
        for (std::size_t i = 0; i < v->chunks.size(); ++i) {
            EXPECT_TRUE(data->storeChunk(v->manifest, static_cast<std::int64_t>(i), v->chunks[i]).ok());
        }
        return v->manifest;
    }
    core::Status apply(const std::string& dataset, std::int64_t version, const std::vector<json>& records) {
        return data->applyNow(store(dataset, version, body(dataset, version, records)));
    }
    std::int64_t running(const std::string& dataset) { return data->runningVersion(dataset)->value_or(-1); }
    std::int64_t rows(const std::string& table) { return queryInt(*t.db, "SELECT count(*) FROM " + table); }
    std::vector<std::string> reasons(const std::string& source) {
        return queryColumn(*t.db, "SELECT reason FROM quarantine WHERE source = '" + source + "' ORDER BY id");
    }

    testing::Terminal t;
    std::unique_ptr<MasterData> data;
};

// ---- members ----

TEST_F(RecordDatasets, AMembersVersionReplacesTheTableAndItsVersionIsRememberedAcrossARestart) {
    EXPECT_EQ(running("members"), 0);
    json carded = member("M-100");
    carded["card_sha256"] = core::badgeDigest("CARD-100");
    carded["last_visit"] = "2026-11-01T09:00:00Z";
    ASSERT_TRUE(apply("members", 1, {carded, member("M-200", "2027-01-31", "suspended"), member("m_3")}).ok())
        << data->status().toJson().dump();
    EXPECT_EQ(rows("members"), 3);
    EXPECT_EQ(queryText(*t.db, "SELECT card_sha256 FROM members WHERE id = 'M-100'"), core::badgeDigest("CARD-100"));
    EXPECT_EQ(queryText(*t.db, "SELECT last_visit FROM members WHERE id = 'M-100'"), "2026-11-01T09:00:00.000Z");
    EXPECT_EQ(queryInt(*t.db, "SELECT visits_90_days FROM members WHERE id = 'm_3'"), 2);
    EXPECT_EQ(running("members"), 1);
    const auto status = data->status().toJson()["members"];
    EXPECT_EQ(status["state"], "applied");
    EXPECT_EQ(status["version"], 1);
    EXPECT_EQ(status["records"], 3);
    EXPECT_EQ(rows("dataset_chunks"), 0);

    // The card finds its member at the desk.
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    auto in = t.till->reception().checkInCard("CARD-100");
    ASSERT_TRUE(in.ok()) << in.status().toString();
    EXPECT_TRUE(in->admitted());

    // A version is the whole list: who is not in it is gone.
    ASSERT_TRUE(apply("members", 2, {member("M-200")}).ok());
    EXPECT_EQ(queryColumn(*t.db, "SELECT id || ' ' || status FROM members"), std::vector<std::string>{"M-200 active"});
    // An older or the same version again changes nothing.
    ASSERT_TRUE(apply("members", 1, {member("M-100")}).ok());
    EXPECT_EQ(rows("members"), 1);

    auto reopened = MasterData::open(t.db->path(), t.clock, t.till->boundary());
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(*(*reopened)->runningVersion("members"), std::optional<std::int64_t>(2));
    auto source = OutboxSource::open(t.db->path(), t.clock);
    ASSERT_TRUE(source.ok());
    auto versions = (*source)->datasetVersions();
    ASSERT_TRUE(versions.ok());
    EXPECT_EQ(*versions, (std::map<std::string, std::int64_t>{
                             {"blocklist", 0}, {"bookings", 0}, {"catalog", 7}, {"members", 2}, {"staff", 0}}));
}

TEST_F(RecordDatasets, BadMemberRecordsAreQuarantinedWithTheirReasonsAndEveryValidOneApplied) {
    json twiceCarded = member("M-5");
    twiceCarded["card_sha256"] = core::badgeDigest("CARD-1");
    json carded = member("M-1");
    carded["card_sha256"] = core::badgeDigest("CARD-1");
    json badCard = member("M-6");
    badCard["card_sha256"] = "CARD-6";
    std::string text = body("members", 3,
                            {carded,
                             member("M 2"),
                             member("M-3", "2027-13-01"),
                             member("M-4", "2027-01-01", "expired"),
                             member("M-1"),
                             twiceCarded,
                             badCard,
                             {{"kind", "booking"}, {"id", "x"}},
                             member("M-7")});
    text += "{not json\n";
    ASSERT_TRUE(data->applyNow(store("members", 3, text)).ok()) << data->status().toJson().dump();
    EXPECT_EQ(queryColumn(*t.db, "SELECT id FROM members ORDER BY id"), (std::vector<std::string>{"M-1", "M-7"}));
    EXPECT_EQ(data->status().records.at("members").quarantined, 8);
    const auto why = reasons("dataset:members:3");
    ASSERT_EQ(why.size(), 8u);
    EXPECT_NE(why[0].find("members record 'M 2': 'id' must be a membership id"), std::string::npos) << why[0];
    EXPECT_NE(why[1].find("'valid_until' must be a day as YYYY-MM-DD, not '2027-13-01'"), std::string::npos) << why[1];
    EXPECT_NE(why[2].find("'status' must be one of active, suspended, not 'expired'"), std::string::npos) << why[2];
    EXPECT_NE(why[3].find("member 'M-1' appears twice"), std::string::npos) << why[3];
    EXPECT_NE(why[4].find("its card is member M-1's already"), std::string::npos) << why[4];
    EXPECT_NE(why[5].find("'card_sha256' must be 64 lower-case hex digits"), std::string::npos) << why[5];
    EXPECT_NE(why[6].find("line 9: unknown kind 'booking'"), std::string::npos) << why[6];
    EXPECT_NE(why[7].find("line 11 is not valid JSON"), std::string::npos) << why[7];
}

TEST_F(RecordDatasets, AWrongHeaderOrADamagedChunkRefusesTheVersionAndTheTableStaysAsItWas) {
    ASSERT_TRUE(apply("members", 1, {member("M-100")}).ok());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {body("members", 2, {member("M-9")}, "s2"),
         "members version 2 refused: it is for store s2, this terminal is in s1"},
        {body("members", 9, {member("M-9")}),
         "members version 2 refused: its header names version 9, not the manifest's"},
        {body("bookings", 2, {member("M-9")}),
         "members version 2 refused: line 1 must be the header {\"kind\": \"members\", ...}"},
        {member("M-9").dump() + "\n", "members version 2 refused: line 1 must be the header"},
        {"", "members version 2 refused: it has no header line"},
    };
    for (const auto& [text, expected] : cases) {
        auto v = sync::makeDatasetVersion("members", 2, text.empty() ? std::string("\n") : text, 1024);
        ASSERT_TRUE(v.ok());
        ASSERT_TRUE(data->storeChunk(v->manifest, 0, v->chunks[0]).ok());
        core::Status refused = data->applyNow(v->manifest);
        ASSERT_FALSE(refused.ok()) << expected;
        EXPECT_EQ(refused.kind(), core::ErrorKind::InvalidArgument);
        EXPECT_NE(refused.message().find(expected), std::string::npos) << refused.message();
        EXPECT_EQ(data->status().records.at("members").state, "refused");
        EXPECT_EQ(rows("dataset_chunks"), 0) << "a refused version's chunks are let go";
    }
    auto v = sync::makeDatasetVersion("members", 3, body("members", 3, {member("M-9")}), 1024);
    ASSERT_TRUE(v.ok());
    std::string damaged = v->chunks[0];
    damaged[5] ^= 0x20;
    ASSERT_TRUE(data->storeChunk(v->manifest, 0, damaged).ok());
    core::Status corrupt = data->applyNow(v->manifest);
    EXPECT_NE(corrupt.message().find("chunk 0 of members version 3 does not match its SHA-256"), std::string::npos)
        << corrupt.message();
    EXPECT_EQ(queryColumn(*t.db, "SELECT id FROM members"), std::vector<std::string>{"M-100"});
    EXPECT_EQ(running("members"), 1);
    EXPECT_EQ(reasons("dataset:members").size(), 6u);
}

TEST_F(RecordDatasets, AVersionWaitingToBeAppliedKeepsItsChunksWhileAnotherDatasetArrives) {
    const auto members = store("members", 1, body("members", 1, {member("M-1")}));
    const auto blocklist = store("blocklist", 1, body("blocklist", 1, {}));
    ASSERT_TRUE(data->complete(members).ok());  // queued: the applier thread is not started
    ASSERT_TRUE(data->complete(blocklist).ok());
    const auto members2 = store("members", 2, body("members", 2, {member("M-2")}));
    EXPECT_EQ(data->storedChunks(blocklist)->size(), 1u) << "another dataset's chunks are not touched";
    EXPECT_EQ(data->storedChunks(members)->size(), 1u) << "the version waiting keeps its chunks";
    ASSERT_TRUE(data->applyNow(members2).ok());
    ASSERT_TRUE(data->applyNow(blocklist).ok());
    EXPECT_EQ(running("members"), 2);
    EXPECT_EQ(running("blocklist"), 1);
}

// ---- bookings and the block list ----

TEST_F(RecordDatasets, BookingsAreReplacedButWhatThisDeskAdmittedSinceStays) {
    ASSERT_TRUE(apply("bookings", 1,
                      {booking(kRecordsCourt, "2026-11-18T12:00:00Z"), booking(kRecordsLater, "2026-11-18T18:00:00Z")})
                    .ok())
        << data->status().toJson().dump();
    EXPECT_EQ(queryText(*t.db, std::string("SELECT starts_at FROM bookings WHERE id = '") + kRecordsCourt + "'"),
              "2026-11-18T12:00:00.000Z");
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.till->reception().checkInBooking(kRecordsCourt).ok());
    ASSERT_TRUE(t.till->reception().checkInBooking(kRecordsLater).ok());
    ASSERT_TRUE(t.till->reception().checkOutBooking(kRecordsLater).ok());

    // Cut before the back office had those check-ins: both still "booked" there.
    ASSERT_TRUE(apply("bookings", 2,
                      {booking(kRecordsCourt, "2026-11-18T12:00:00Z"), booking(kRecordsLater, "2026-11-18T18:00:00Z")})
                    .ok());
    EXPECT_EQ(queryColumn(*t.db, "SELECT status FROM bookings ORDER BY starts_at"),
              (std::vector<std::string>{"checked_in", "completed"}));
    auto again = t.till->reception().checkInBooking(kRecordsCourt);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->record.refusal, "already_in");

    json noEnd = booking("01890a5d-ac96-774b-bcce-b302099a0003", "2026-11-19T12:00:00Z");  // ends before it starts
    json cancelled = booking("01890a5d-ac96-774b-bcce-b302099a0004", "2026-11-18T12:00:00Z", "cancelled");
    json notUuid = booking("B-5", "2026-11-18T12:00:00Z");
    ASSERT_TRUE(apply("bookings", 3, {noEnd, cancelled, notUuid}).ok());
    EXPECT_EQ(rows("bookings"), 0);
    const auto why = reasons("dataset:bookings:3");
    ASSERT_EQ(why.size(), 3u);
    EXPECT_NE(why[0].find("'ends_at' must be after 'starts_at'"), std::string::npos) << why[0];
    EXPECT_NE(why[1].find("'status' must be one of booked, checked_in, completed, not 'cancelled'"), std::string::npos);
    EXPECT_NE(why[2].find("'id' must be a UUIDv7"), std::string::npos) << why[2];
}

TEST_F(RecordDatasets, TheBlockListIsMatchedByNameWhateverItsCaseAndSpaces) {
    ASSERT_TRUE(apply("blocklist", 1,
                      {{{"kind", "blocked"}, {"id", 7}, {"name", "Sam  Spammer "}, {"company", "Spam Ltd"}},
                       {{"kind", "blocked"}, {"id", 8}, {"name", "   "}, {"company", ""}},
                       {{"kind", "blocked"}, {"id", "9"}, {"name", "Nine"}, {"company", ""}}})
                    .ok());
    EXPECT_EQ(queryColumn(*t.db, "SELECT name_key FROM blocklist"), std::vector<std::string>{"sam spammer"});
    EXPECT_EQ(reasons("dataset:blocklist:1").size(), 2u);
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    auto visitor = t.till->reception().visitorIn("SAM SPAMMER", "", "");
    ASSERT_TRUE(visitor.ok());
    EXPECT_TRUE(visitor->record.blocked);
    ASSERT_TRUE(apply("blocklist", 2, {}).ok());  // lifted
    EXPECT_FALSE(t.till->reception().visitorIn("Sam Spammer", "", "")->record.blocked);
}

// ---- staff ----

TEST_F(RecordDatasets, AStaffVersionAddsUpdatesAndRemovesStaffAndKeepsTheLockoutOfThoseWhoStay) {
    // c1 has two wrong PINs counted (three lock).
    ASSERT_FALSE(t.session().login("c1", "0000").ok());
    ASSERT_FALSE(t.session().login("c1", "0001").ok());
    ASSERT_FALSE(t.session().login("c2", "0000").ok());
    const std::string c1Hash = queryText(*t.db, "SELECT pin_hash FROM staff WHERE id = 'c1'");
    json c1 = staffMember("c1", "supervisor", "1111");
    c1["pin_hash"] = c1Hash;  // the same PIN: the count stays
    json r1 = staffMember("r1", "receptionist", "5555");
    r1["badge_sha256"] = core::badgeDigest("B-0001");
    ASSERT_TRUE(
        apply("staff", 1, {c1, staffMember("c2", "cashier", "2299"), staffMember("m1", "manager", "4444"), r1}).ok())
        << data->status().toJson().dump();
    EXPECT_EQ(queryColumn(*t.db, "SELECT id || ' ' || role FROM staff ORDER BY id"),
              (std::vector<std::string>{"c1 supervisor", "c2 cashier", "m1 manager", "r1 receptionist"}));
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c1'"), 2) << "same PIN: the count stays";
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c2'"), 0) << "a new PIN starts afresh";
    EXPECT_EQ(queryText(*t.db, "SELECT badge_sha256 FROM staff WHERE id = 'r1'"), core::badgeDigest("B-0001"));
    EXPECT_EQ(running("staff"), 1);

    EXPECT_EQ(t.session().login("s1", "3333").status().kind(), core::ErrorKind::Unauthenticated) << "s1 was removed";
    EXPECT_FALSE(t.session().login("c2", "2222").ok());
    EXPECT_TRUE(t.session().login("c2", "2299").ok());
    auto receptionist = t.session().login("r1", "5555");
    ASSERT_TRUE(receptionist.ok()) << receptionist.status().toString();
    EXPECT_EQ(receptionist->role, Role::Receptionist);
    EXPECT_EQ(t.session().login("c1", "0002").status().kind(), core::ErrorKind::Locked) << "the third wrong PIN locks";
}

TEST_F(RecordDatasets, AStaffRecordTheTerminalCannotTakeIsQuarantinedWithoutItsHash) {
    json unknownRole = staffMember("k1", "clerk", "1234");
    json badHash = staffMember("k2", "cashier", "1234");
    badHash["pin_hash"] = "$2b$10$abcdefghijk";
    json badBadge = staffMember("k3", "cashier", "1234");
    badBadge["badge_sha256"] = "B-0001";
    ASSERT_TRUE(apply("staff", 1, {staffMember("m1", "manager", "4444"), unknownRole, badHash, badBadge}).ok())
        << data->status().toJson().dump();
    EXPECT_EQ(queryColumn(*t.db, "SELECT id FROM staff"), std::vector<std::string>{"m1"});
    const auto why = reasons("dataset:staff:1");
    ASSERT_EQ(why.size(), 3u);
    EXPECT_NE(why[0].find("staff record 'k1': unknown role 'clerk' (cashier, supervisor, manager or receptionist)"),
              std::string::npos)
        << why[0];
    EXPECT_NE(why[1].find("'pin_hash'"), std::string::npos) << why[1];
    EXPECT_NE(why[2].find("'badge_sha256' must be 64 lower-case hex digits"), std::string::npos) << why[2];
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE raw LIKE '%argon2%' OR raw LIKE '%$2b$%'"), 0);
}

TEST_F(RecordDatasets, AStaffVersionNamingNobodyTheTerminalCanTakeIsRefused) {
    core::Status refused = apply("staff", 1, {staffMember("k1", "clerk", "1234")});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("staff version 1 refused: it names no staff member this terminal can take"),
              std::string::npos)
        << refused.message();
    EXPECT_EQ(rows("staff"), 4);
    EXPECT_EQ(running("staff"), 0);
    EXPECT_TRUE(reasons("dataset:staff:1").empty()) << "nothing of a refused version is kept but why";
}

// ---- the seed ----

TEST(RecordSeed, ASeedMayProvisionMembersBookingsAndTheBlockListWithTheSameRules) {
    json seed = testing::standardSeed();
    seed["members"] = {member("M-100"), member("M 2")};
    // json::array: a braced list of one json would be that json itself with some compilers.
    seed["bookings"] = json::array({booking(kRecordsCourt, "2026-11-18T12:00:00Z")});
    seed["blocklist"] = json::array({json{{"id", 7}, {"name", "Sam Spammer"}, {"company", ""}}});
    seed["staff"].push_back({{"id", "r1"}, {"name", "Rey"}, {"role", "receptionist"}, {"pin", "5555"}});
    testing::Terminal t(seed);
    EXPECT_EQ(queryColumn(*t.db, "SELECT id FROM members"), std::vector<std::string>{"M-100"});
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM bookings"), 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM blocklist WHERE name_key = 'sam spammer'"), 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE source = 'seed:member' AND item_key = 'M 2'"), 1);
    EXPECT_EQ(queryText(*t.db, "SELECT role FROM staff WHERE id = 'r1'"), "receptionist");
}

}  // namespace
}  // namespace frontdesk::kiosk

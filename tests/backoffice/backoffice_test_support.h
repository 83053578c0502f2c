#pragma once
// What the back-office tests share: a fresh back-office database serving store s1 in EUR with
// the standard seed's tax rules (inclusive, per line, half up), and a real till's events taken in.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "backoffice/backoffice_db.h"
#include "backoffice/effects.h"
#include "sync/ingest_ledger.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice::testing {

inline std::unique_ptr<core::Database> openStoreS1(const kiosk::testing::TempDir& dir) {
    auto opened = openBackOfficeDb(dir.file("bo.db"), true);
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    if (core::Status saved = saveStore(**opened, {"s1", "EUR", {}}); !saved.ok()) throw std::runtime_error(saved.toString());
    return std::move(opened).value();
}

// The seqs of the till's outbox after `after`, in order.
inline std::vector<std::int64_t> seqsAfter(core::Database& till, std::int64_t after = 0) {
    std::vector<std::int64_t> seqs;
    for (auto seq = after + 1; seq <= kiosk::testing::queryInt(till, "SELECT coalesce(max(seq), 0) FROM outbox"); ++seq) {
        seqs.push_back(seq);
    }
    return seqs;
}

// The till's events with these seqs (each changed by `tamper` first, when given), decoded as the
// consumer decodes them, through the ingest ledger and the effects, as one message: the ack.
inline core::Result<sync::Ack> ingestSeqs(core::Database& backOffice, sync::IngestLedger& ledger, core::Database& till,
                                          const std::vector<std::int64_t>& seqs,
                                          const std::function<void(nlohmann::json&)>& tamper = {}) {
    std::vector<sync::Delivery> deliveries;
    for (auto seq : seqs) {
        auto envelope = kiosk::testing::envelope(till, seq);
        if (tamper) tamper(envelope);
        auto decoded = sync::decodeDeliveries({"s1", "t1"}, envelope.dump(), &sync::schemaProblem);
        deliveries.insert(deliveries.end(), decoded.begin(), decoded.end());
    }
    EventEffects effects(backOffice);
    return ledger.ingest({"s1", "t1"}, deliveries, [&](const sync::Delivery& d) { return effects.apply(d); });
}

// The lines of a dataset version the back office cut for the terminals (version 0: the newest).
inline std::vector<nlohmann::json> datasetLines(core::Database& db, const std::string& dataset, std::int64_t version = 0) {
    auto stmt = db.prepare("SELECT body FROM dataset_versions WHERE dataset = ? AND (?2 = 0 OR version = ?2)"
                           " ORDER BY version DESC LIMIT 1");
    if (!stmt.ok()) throw std::runtime_error(stmt.status().toString());
    std::string body;
    if (!stmt->bindAll(dataset, version).forEachRow([&](const core::Statement& r) { body = r.text(0); }).ok()) {
        throw std::runtime_error("reading dataset " + dataset);
    }
    std::vector<nlohmann::json> lines;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// Debits less credits of an account over the whole ledger.
inline std::int64_t accountBalance(core::Database& db, const std::string& account) {
    return kiosk::testing::queryInt(
        db, "SELECT coalesce(sum(debit_minor) - sum(credit_minor), 0) FROM journal_lines WHERE account = '" + account + "'");
}

// A real till whose events the test takes into a back office of its own (store s1): the fixture
// of the tests over a till's day. The derived fixture rings up its day in its constructor and
// keeps the closed shift's id in `shift`.
class TillIntoBackOffice : public ::testing::Test {
protected:
    static void must(bool ok) {
        if (!ok) throw std::runtime_error("the till refused a step of the set-up");
    }
    // The till's events with these seqs into the back office; each must take effect.
    void ingest(const std::vector<std::int64_t>& seqs) {
        auto ack = ingestSeqs(*db, ledger, *t.db, seqs);
        ASSERT_TRUE(ack.ok()) << ack.status().toString();
        ASSERT_TRUE(ack->rejected.empty()) << ack->rejected.front().reason;
    }
    std::int64_t balance(const std::string& account) { return accountBalance(*db, account); }

    kiosk::testing::Terminal t;
    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = openStoreS1(dir);
    core::FakeClock clock{*core::parseIso8601("2026-12-01T08:00:00Z")};
    sync::IngestLedger ledger{*db, clock};
    std::string shift;
};

}  // namespace frontdesk::backoffice::testing

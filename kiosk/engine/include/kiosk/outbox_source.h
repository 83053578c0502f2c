#pragma once
// The terminal's outbox as the sync relay sees it (sync::EventSource): events read in seq order
// and marked synced when the back office acknowledges them.
//
// It has a database connection of its own on the terminal file, opened here, used only from the
// relay's thread, so that the relay reads and marks while the till commits on its own connection
// (WAL). Marking synced is one short transaction; it never touches anything a sale writes.

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "sync/event_source.h"

namespace frontdesk::kiosk {

class OutboxSource final : public sync::EventSource {
public:
    // Opens the provisioned terminal database at path (never creates one).
    static core::Result<std::unique_ptr<OutboxSource>> open(const std::string& path, const core::Clock& clock);

    core::Result<std::vector<sync::PendingEvent>> eventsAfter(std::int64_t after, std::size_t limit) override;
    core::Status acknowledge(std::int64_t upto) override;
    core::Result<std::int64_t> acknowledgedUpTo() override;
    core::Result<sync::OutboxDepth> depth() override;
    core::Result<std::map<std::string, std::int64_t>> datasetVersions() override;
    core::Result<std::int64_t> nextBirthSeq() override;

private:
    OutboxSource(std::unique_ptr<core::Database> db, const core::Clock& clock) : m_db(std::move(db)), m_clock(clock) {}
    core::Result<std::int64_t> lastSeq();

    std::unique_ptr<core::Database> m_db;
    const core::Clock& m_clock;
};

}  // namespace frontdesk::kiosk

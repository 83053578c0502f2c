#pragma once
// TillContext: what every collaborator that records something shares: the database, the clock,
// the id generator, the terminal's settings, who is logged in, the outbox, the audit log and the
// sale boundary. The Till owns all of them and hands the same context to each collaborator; every
// reference outlives the collaborators that hold it. Same thread as the Database (the boundary
// alone is thread-safe).

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/audit_log.h"
#include "kiosk/outbox.h"
#include "kiosk/sale_boundary.h"
#include "kiosk/staff_session.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

struct TillContext {
    core::Database& db;
    const core::Clock& clock;
    core::UuidV7Generator& ids;
    const TerminalSettings& settings;
    const StaffSession& session;
    Outbox& outbox;
    AuditLog& audit;
    SaleBoundary& boundary;
};

}  // namespace frontdesk::kiosk

#include "kiosk/event_journal.h"

namespace frontdesk::kiosk {

core::Result<std::vector<OutboxEvent>> EventJournal::pending(int limit) {
    FD_ASSIGN(auto user, m_session.requireUser());
    FD_TRY(m_session.authorize(user, Permission::ViewJournal, std::nullopt).status());
    return m_outbox.pending(limit);
}

}  // namespace frontdesk::kiosk

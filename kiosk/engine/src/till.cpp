#include "kiosk/till.h"

namespace frontdesk::kiosk {

core::Result<std::unique_ptr<Till>> Till::open(core::Database& db, const core::Clock& clock, PaymentAdapter& payments) {
    FD_ASSIGN(auto settings, loadSettings(db));
    std::unique_ptr<Till> till(new Till(db, clock, payments, std::move(settings)));
    FD_TRY(till->m_shifts.load());
    FD_TRY(till->m_checkout.recover());
    return till;
}

Till::Till(core::Database& db, const core::Clock& clock, PaymentAdapter& payments, TerminalSettings settings)
    : m_settings(std::move(settings)),
      m_ids(clock),
      m_catalog(db),
      m_audit(db, clock),
      m_outbox(db, clock, m_ids, m_settings.store, m_settings.terminal),
      m_directory(db, clock, m_settings),
      m_session(db, m_directory, m_audit),
      m_context{db, clock, m_ids, m_settings, m_session, m_outbox, m_audit, m_boundary},
      m_shifts(m_context),
      m_checkout(m_context, m_shifts, m_catalog, payments),
      m_refunds(m_context, m_shifts, m_catalog, payments),
      m_journal(m_outbox, m_session),
      m_timeClock(m_context, m_directory),
      m_reception(m_context),
      m_queue(m_context),
      m_history(db) {}

}  // namespace frontdesk::kiosk

#include "kiosk/app/till_access.h"

#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk::app {

QString TillAccess::busyRefusal() const {
    if (!m_fault.isEmpty()) return m_fault;
    if (m_checking) return tr("One moment: the till is checking its records");
    return tr("Finish the card payment first: the terminal is waiting for the card");
}

bool TillAccess::checkDatabase(const std::string& path) {
    // Read-only, and no other work on the till meanwhile: the check reads the file as the till's
    // own connection left it.
    m_checking = true;  // before run(), which says busyChanged
    const bool started = run(
        this,
        [path](Till&) {
            return openTerminalDb(
                       path,
                       core::OpenOptions{.integrity = core::IntegrityCheck::Quick, .readOnly = true, .create = false})
                .status();
        },
        [this](const core::Status& checked) {
            m_checking = false;
            if (!checked.ok()) {
                m_fault = tr("The till's records are damaged (%1): nothing more can be recorded on this till. "
                             "Call support")
                              .arg(QString::fromStdString(checked.message()));
            }
            emit busyChanged();
        });
    if (!started) m_checking = false;
    return started;
}

}  // namespace frontdesk::kiosk::app

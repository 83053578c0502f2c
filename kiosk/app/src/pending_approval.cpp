#include "kiosk/app/pending_approval.h"

namespace frontdesk::kiosk::app {

namespace {

// Refusals another approver could answer: the approver given may not (wrong PIN, locked out, a
// role without the right).
bool anotherApproverMayHelp(core::ErrorKind kind) {
    return kind == core::ErrorKind::PermissionDenied || kind == core::ErrorKind::Unauthenticated ||
           kind == core::ErrorKind::Locked;
}

}  // namespace

void PendingApproval::set(Attempt attempt, const QString& request, const QString& message) {
    m_attempt = std::move(attempt);
    m_request = request;
    m_message = message;
    emit changed();
}

bool PendingApproval::run(const QString& what, Attempt attempt) {
    if (waiting()) set({}, {}, {});
    const core::Status done = attempt(std::nullopt);
    if (done.ok()) return true;
    if (done.kind() == core::ErrorKind::PermissionDenied) set(std::move(attempt), what, {});
    return false;
}

bool PendingApproval::approve(const QString& staffId, const QString& pin) {
    return approveWith(Approval{staffId.trimmed().toStdString(), pin.toStdString()});
}

bool PendingApproval::approveBadge(const QString& badge) {
    return approveWith(Approval::ofBadge(badge.trimmed().toStdString()));
}

bool PendingApproval::approveWith(const Approval& approval) {
    if (!waiting() || m_access.busy()) return false;
    const core::Status done = m_attempt(approval);
    if (done.ok()) {
        set({}, {}, {});
        return true;
    }
    if (anotherApproverMayHelp(done.kind())) {
        set(std::move(m_attempt), m_request, QString::fromStdString(done.message()));  // the dialog stays, saying why
    } else {
        set({}, {}, {});  // refused for another reason: the view model has said it
    }
    return false;
}

void PendingApproval::cancel() {
    if (!waiting()) return;
    set({}, {}, {});
    emit cancelled();
}

}  // namespace frontdesk::kiosk::app

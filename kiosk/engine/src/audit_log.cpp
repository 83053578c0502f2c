#include "kiosk/audit_log.h"

#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Status;

std::string_view systemActionKey(SystemAction action) {
    switch (action) {
        case SystemAction::OrphanedCardReversed:
            return "card_payment_reversed";
    }
    return "?";
}

std::string_view staffActionKey(StaffAction action) {
    switch (action) {
        case StaffAction::UnattendedStarted:
            return "unattended_started";
        case StaffAction::UnattendedEnded:
            return "unattended_ended";
    }
    return "?";
}

Status AuditLog::write(std::string_view action, const std::optional<std::string>& staff,
                       const std::optional<std::string>& approver, const nlohmann::json& detail) {
    FD_ASSIGN(auto* stmt,
              m_db.cached("INSERT INTO audit (at, staff, action, approved_by, detail) VALUES (?, ?, ?, ?, ?)"));
    return stmt->bindAll(core::formatIso8601(m_clock.now()), staff, action, approver, jsonText(detail)).run();
}

Status AuditLog::approval(Permission permission, const std::string& staff, const std::string& approver,
                          const nlohmann::json& detail) {
    return write(permissionKey(permission), staff, approver, detail);
}

Status AuditLog::approvalNow(Permission permission, const std::string& staff, const std::string& approver,
                             const nlohmann::json& detail) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(approval(permission, staff, approver, detail));
    return tx->commit();
}

Status AuditLog::staffNow(StaffAction action, const std::string& staff, const nlohmann::json& detail) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(write(staffActionKey(action), staff, std::nullopt, detail));
    return tx->commit();
}

Status AuditLog::system(SystemAction action, const nlohmann::json& detail) {
    return write(systemActionKey(action), std::nullopt, std::nullopt, detail);
}

}  // namespace frontdesk::kiosk

#pragma once
// AuditLog: who approved what, and what the till did on its own, for the back office and for a
// manager reading the terminal.
//
// Every write runs inside the transaction of the operation it records, and the operation calls
// it only once it has succeeded: a refused or rolled-back operation leaves no audit row. An
// operation that changes only memory (a discount on the sale in progress) writes its row in a
// transaction of its own and is refused if the row cannot be written, so an approval is never
// used without being recorded. Actions are stable keys (permissionKey), never display text.
//
// Owned by the Till; same thread as its Database.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "kiosk/staff.h"

namespace frontdesk::kiosk {

// What the till records on its own, with no staff member acting.
enum class SystemAction {
    OrphanedCardReversed,  // "card_payment_reversed": a card approval whose sale never completed
};
[[nodiscard]] std::string_view systemActionKey(SystemAction action);

// What a member of staff did to the till itself, outside any sale.
enum class StaffAction {
    UnattendedStarted,  // "unattended_started": the till handed to customers (self-service)
    UnattendedEnded,    // "unattended_ended": a member of staff took it back
};
[[nodiscard]] std::string_view staffActionKey(StaffAction action);

class AuditLog {
public:
    AuditLog(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // `approver` approved `permission` for `staff`. Call inside the operation's transaction.
    [[nodiscard]] core::Status approval(Permission permission, const std::string& staff, const std::string& approver,
                                        const nlohmann::json& detail);
    // The same, in a transaction of its own, for operations that change only memory.
    [[nodiscard]] core::Status approvalNow(Permission permission, const std::string& staff, const std::string& approver,
                                           const nlohmann::json& detail);
    // A member of staff's action on the till, in a transaction of its own.
    [[nodiscard]] core::Status staffNow(StaffAction action, const std::string& staff, const nlohmann::json& detail);
    // Something the till did on its own. Call inside the operation's transaction.
    [[nodiscard]] core::Status system(SystemAction action, const nlohmann::json& detail);

private:
    core::Status write(std::string_view action, const std::optional<std::string>& staff,
                       const std::optional<std::string>& approver, const nlohmann::json& detail);
    core::Database& m_db;
    const core::Clock& m_clock;
};

}  // namespace frontdesk::kiosk

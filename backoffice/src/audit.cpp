#include "backoffice/audit.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

Status audit(core::Database& db, const AuditRecord& r) {
    FD_ASSIGN(auto* stmt, db.cached("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)"));
    return stmt->bindAll(r.at, r.actor, r.action, r.subject, r.detail.dump()).run();
}

Result<json> auditReport(core::Database& db, const std::string& subject, int limit) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT id, at, actor, action, subject, detail FROM audit_log"
                                    " WHERE ?1 = '' OR subject = ?1 ORDER BY id DESC LIMIT ?2"));
    json rows = json::array();
    FD_TRY(stmt->bindAll(subject, limit).forEachRow([&](const core::Statement& row) {
        rows.push_back({{"id", row.int64(0)},
                        {"at", row.text(1)},
                        {"actor", row.text(2)},
                        {"action", row.text(3)},
                        {"subject", row.text(4)},
                        {"detail", json::parse(row.text(5), nullptr, false)}});
    }));
    return json{{"audit", rows}};
}

}  // namespace frontdesk::backoffice

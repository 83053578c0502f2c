#include "kiosk/card_journal.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Status CardJournal::record(const std::string& saleId, std::int64_t amount, const CardResult& card,
                           const std::string& at) {
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO card_authorizations (terminal_ref, sale_id, amount_minor,"
                                      " card_brand, card_last4, auth_code, at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return stmt->bindAll(card.terminalRef, saleId, amount, card.brand, card.last4, card.authCode, at).run();
}

Status CardJournal::forget(const std::string& terminalRef) {
    FD_ASSIGN(auto* stmt, m_db.cached("DELETE FROM card_authorizations WHERE terminal_ref = ?"));
    return stmt->bind(1, terminalRef).run();
}

Status CardJournal::settle(const std::string& saleId) {
    FD_ASSIGN(auto* stmt, m_db.cached("DELETE FROM card_authorizations WHERE sale_id = ?"));
    return stmt->bind(1, saleId).run();
}

Result<std::vector<JournaledCard>> CardJournal::all() {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT terminal_ref, sale_id, amount_minor FROM card_authorizations"));
    std::vector<JournaledCard> cards;
    FD_TRY(stmt->forEachRow(
        [&](const core::Statement& row) { cards.push_back({row.text(0), row.text(1), row.int64(2)}); }));
    return cards;
}

}  // namespace frontdesk::kiosk

#pragma once
// CardJournal: approved card payments whose sale has not completed yet.
//
// Checkout records an approval the moment the payment terminal gives it, before anything else,
// and removes it when the sale completes (in the completing transaction) or once a void has
// reversed it. A row still here when the till starts is an approval whose sale was lost (the
// till died mid-sale); Checkout::recover reverses it. Brand, last 4, authorization code and the
// terminal reference only: never a card number.
//
// Owned by Checkout; same thread as its Database.

#include <cstdint>
#include <string>
#include <vector>

#include "core/database.h"
#include "kiosk/payment.h"

namespace frontdesk::kiosk {

struct JournaledCard {
    std::string terminalRef, saleId;
    std::int64_t amount = 0;
};

class CardJournal {
public:
    explicit CardJournal(core::Database& db) : m_db(db) {}
    CardJournal(const CardJournal&) = delete;
    CardJournal& operator=(const CardJournal&) = delete;

    [[nodiscard]] core::Status record(const std::string& saleId, std::int64_t amount, const CardResult& card,
                                      const std::string& at);
    // The approval was reversed at the terminal.
    [[nodiscard]] core::Status forget(const std::string& terminalRef);
    // The sale now records its card payments (inside the completing transaction).
    [[nodiscard]] core::Status settle(const std::string& saleId);
    [[nodiscard]] core::Result<std::vector<JournaledCard>> all();

private:
    core::Database& m_db;
};

}  // namespace frontdesk::kiosk

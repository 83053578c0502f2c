#pragma once
// Reconciling what the terminals sent, shift by shift (docs/backoffice.md, "Reconciliation").
//
// For a shift the back office computes the cash that should be in the drawer from the events it
// took in (float + cash sales - cash refunds + paid in - paid out) and sets it against the cash
// counted at the close: the variance. It also shows the terminal's own expected figure (from its
// Z report: the two differ only if events are missing or were dead-lettered), the card total, and
// the terminal's missing events and dead letters.
//
// Reconciling a closed shift posts one entry: the counted cash back to the safe, the expected cash
// out of the drawer, the difference to cash over/short; and records who did it, when and why. A
// shift whose terminal has missing events (a gap in its seqs) is reconciled only with an override
// reason. A shift can instead be marked disputed, with a note; a disputed shift can still be
// reconciled later. Nothing is reconciled twice.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/database.h"

namespace frontdesk::backoffice {

struct ShiftFigures {
    std::string shift, store, terminal;
    std::optional<std::string> openedAt, closedAt;
    std::int64_t drawerFloat = 0;
    std::int64_t cashIn = 0, cashOut = 0, card = 0;
    std::int64_t expected = 0;                   // float + cash in - cash out
    std::optional<std::int64_t> terminalExpected, counted;
    std::optional<std::int64_t> variance;        // counted - expected, once closed
    std::string status;                          // open, closed, reconciled, disputed
    std::vector<std::string> gaps;               // the terminal's missing seqs, "5-7"
    std::int64_t deadLetters = 0;                // the terminal's

    nlohmann::json toJson() const;
};

[[nodiscard]] core::Result<ShiftFigures> shiftFigures(core::Database& db, const std::string& shift);
// Every shift, newest first.
[[nodiscard]] core::Result<nlohmann::json> shiftsReport(core::Database& db);

struct Reconciliation {
    std::string shift;
    std::string by;        // who reconciles (a back-office user)
    std::string note;
    std::string overrideReason;  // required when the terminal has missing events
    std::string at;        // ISO 8601 UTC
};

// FailedPrecondition for a shift not closed, already reconciled, or with missing events and no
// override reason; NotFound for an unknown shift. Posts the entry and records it, in one
// transaction.
[[nodiscard]] core::Result<ShiftFigures> reconcileShift(core::Database& db, const Reconciliation& r);
[[nodiscard]] core::Result<ShiftFigures> disputeShift(core::Database& db, const Reconciliation& r);

}  // namespace frontdesk::backoffice

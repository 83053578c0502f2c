#pragma once
// The closed sets of values the till records, each with the stable key it is stored and sent
// under. Keys never change once released: the back office and old databases read them.

#include <string_view>

#include "core/status.h"

namespace frontdesk::kiosk {

enum class SaleKind { Sale, Refund };
enum class TenderMethod { Cash, Card };
enum class CashMoveKind { PaidIn, PaidOut, NoSale };
// Reception: which way someone passed the desk, and how they were identified (a booking's QR
// code, a member card, a membership id typed, a booking picked by name from the day's list).
enum class CheckinDirection { In, Out };
enum class CheckinMethod { Qr, Card, MemberId, Name };
// A queue ticket: taken (waiting), then called to the desk.
enum class QueueState { Taken, Called };

[[nodiscard]] std::string_view saleKindKey(SaleKind kind);                       // "sale", "refund"
[[nodiscard]] std::string_view tenderMethodKey(TenderMethod method);             // "cash", "card"
[[nodiscard]] std::string_view cashMoveKindKey(CashMoveKind kind);               // "paid_in", "paid_out", "no_sale"
[[nodiscard]] std::string_view checkinDirectionKey(CheckinDirection direction);  // "in", "out"
[[nodiscard]] std::string_view checkinMethodKey(CheckinMethod method);           // "qr", "card", "member_id", "name"
[[nodiscard]] std::string_view queueStateKey(QueueState state);                  // "taken", "called"

[[nodiscard]] core::Result<SaleKind> parseSaleKind(std::string_view key);
[[nodiscard]] core::Result<TenderMethod> parseTenderMethod(std::string_view key);
[[nodiscard]] core::Result<CashMoveKind> parseCashMoveKind(std::string_view key);
[[nodiscard]] core::Result<CheckinMethod> parseCheckinMethod(std::string_view key);

}  // namespace frontdesk::kiosk

#include "kiosk/kinds.h"

#include <array>
#include <string>
#include <utility>

#include "core/bounded_input.h"

namespace frontdesk::kiosk {

namespace {

// One table per set: the key lookups and the parsers read the same pairs.
constexpr std::array<std::pair<SaleKind, std::string_view>, 2> kSaleKinds{{
    {SaleKind::Sale, "sale"},
    {SaleKind::Refund, "refund"},
}};
constexpr std::array<std::pair<TenderMethod, std::string_view>, 2> kTenderMethods{{
    {TenderMethod::Cash, "cash"},
    {TenderMethod::Card, "card"},
}};
constexpr std::array<std::pair<CashMoveKind, std::string_view>, 3> kCashMoveKinds{{
    {CashMoveKind::PaidIn, "paid_in"},
    {CashMoveKind::PaidOut, "paid_out"},
    {CashMoveKind::NoSale, "no_sale"},
}};
constexpr std::array<std::pair<CheckinDirection, std::string_view>, 2> kCheckinDirections{{
    {CheckinDirection::In, "in"},
    {CheckinDirection::Out, "out"},
}};
constexpr std::array<std::pair<CheckinMethod, std::string_view>, 4> kCheckinMethods{{
    {CheckinMethod::Qr, "qr"},
    {CheckinMethod::Card, "card"},
    {CheckinMethod::MemberId, "member_id"},
    {CheckinMethod::Name, "name"},
}};
constexpr std::array<std::pair<QueueState, std::string_view>, 2> kQueueStates{{
    {QueueState::Taken, "taken"},
    {QueueState::Called, "called"},
}};

template <typename Enum, std::size_t N>
std::string_view keyOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, key] : table) {
        if (v == value) return key;
    }
    return "?";
}

template <typename Enum, std::size_t N>
core::Result<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view key,
                         const char* what) {
    for (const auto& [v, k] : table) {
        if (k == key) return v;
    }
    std::string known;
    for (const auto& [v, k] : table) known += (known.empty() ? "" : ", ") + std::string(k);
    return core::invalidArgument(std::string(what) + " must be one of " + known + ", not '" + core::excerpt(key) + "'");
}

}  // namespace

std::string_view saleKindKey(SaleKind kind) {
    return keyOf(kSaleKinds, kind);
}
std::string_view tenderMethodKey(TenderMethod method) {
    return keyOf(kTenderMethods, method);
}
std::string_view cashMoveKindKey(CashMoveKind kind) {
    return keyOf(kCashMoveKinds, kind);
}
std::string_view checkinDirectionKey(CheckinDirection direction) {
    return keyOf(kCheckinDirections, direction);
}
std::string_view checkinMethodKey(CheckinMethod method) {
    return keyOf(kCheckinMethods, method);
}
std::string_view queueStateKey(QueueState state) {
    return keyOf(kQueueStates, state);
}

core::Result<SaleKind> parseSaleKind(std::string_view key) {
    return parse(kSaleKinds, key, "sale kind");
}
core::Result<TenderMethod> parseTenderMethod(std::string_view key) {
    return parse(kTenderMethods, key, "method");
}
core::Result<CashMoveKind> parseCashMoveKind(std::string_view key) {
    return parse(kCashMoveKinds, key, "cash move kind");
}
core::Result<CheckinMethod> parseCheckinMethod(std::string_view key) {
    return parse(kCheckinMethods, key, "method");
}

}  // namespace frontdesk::kiosk

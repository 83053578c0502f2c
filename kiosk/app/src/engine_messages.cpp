// The engine's fixed sentences that reach the screens, for Qt Linguist: the English is the key
// (engineText translates with it), so each must be the engine's text exactly.
// tests/kiosk-app/engine_text_test.cpp checks that every one is still in the engine's sources.
#include "kiosk/app/engine_messages.h"

#include <QtGlobal>

namespace frontdesk::kiosk::app {

namespace {
const char* const kMessages[] = {
    // staff
    QT_TRANSLATE_NOOP("Engine", "wrong staff id or PIN"),
    QT_TRANSLATE_NOOP("Engine", "this badge is not a member of staff's"),
    QT_TRANSLATE_NOOP("Engine", "no one is logged in"),
    QT_TRANSLATE_NOOP("Engine", "staff cannot approve their own operation"),
    QT_TRANSLATE_NOOP("Engine", "this till is not in self-service"),
    // the sale
    QT_TRANSLATE_NOOP("Engine", "a sale holds at most 500 lines"),
    QT_TRANSLATE_NOOP("Engine", "no sale in progress"),
    QT_TRANSLATE_NOOP("Engine", "no sale in progress to void"),
    QT_TRANSLATE_NOOP("Engine", "the sale has no lines to discount"),
    QT_TRANSLATE_NOOP("Engine", "payment has started: complete or void the sale to change it"),
    QT_TRANSLATE_NOOP("Engine", "nothing to park: the sale is empty"),
    QT_TRANSLATE_NOOP("Engine", "finish or park the current sale before resuming another"),
    QT_TRANSLATE_NOOP("Engine", "nothing in this sale is age-restricted"),
    QT_TRANSLATE_NOOP("Engine", "nothing to pay: the sale is empty"),
    QT_TRANSLATE_NOOP("Engine", "the sale is paid: complete it"),
    QT_TRANSLATE_NOOP("Engine", "nothing to complete: the sale is empty"),
    QT_TRANSLATE_NOOP("Engine", "only a self-service till abandons a sale; a member of staff voids it"),
    QT_TRANSLATE_NOOP("Engine", "a discount needs exactly one of amount or percent"),
    QT_TRANSLATE_NOOP("Engine", "discount amount must be positive"),
    QT_TRANSLATE_NOOP("Engine", "price cannot be negative"),
    QT_TRANSLATE_NOOP("Engine", "unit price is out of range"),
    QT_TRANSLATE_NOOP("Engine", "barcode must be 1 to 64 characters"),
    QT_TRANSLATE_NOOP("Engine", "search needs at least one character"),
    // payment
    QT_TRANSLATE_NOOP("Engine", "cash tendered must be positive"),
    QT_TRANSLATE_NOOP("Engine", "card amount must be positive"),
    QT_TRANSLATE_NOOP("Engine", "payment terminal offline"),
    // refunds
    QT_TRANSLATE_NOOP("Engine", "a sale is in progress: complete, park or void it before a refund"),
    QT_TRANSLATE_NOOP("Engine", "a refund without a receipt is paid in cash"),
    QT_TRANSLATE_NOOP("Engine", "card refund amount must be positive"),
    QT_TRANSLATE_NOOP("Engine", "name the items to refund"),
    QT_TRANSLATE_NOOP("Engine", "name the receipt lines to refund"),
    // the shift
    QT_TRANSLATE_NOOP("Engine", "no shift is open: open a shift with a float first"),
    QT_TRANSLATE_NOOP("Engine", "a sale is in progress: complete, park or void it before closing the shift"),
    QT_TRANSLATE_NOOP("Engine", "the opening float cannot be negative"),
    QT_TRANSLATE_NOOP("Engine", "counted cash cannot be negative"),
    // the reception desk
    QT_TRANSLATE_NOOP("Engine", "name must be 1 to 200 characters"),
    QT_TRANSLATE_NOOP("Engine", "nobody is waiting: no ticket of today is left to call"),
};
}  // namespace

std::vector<const char*> engineMessages() {
    return {std::begin(kMessages), std::end(kMessages)};
}

}  // namespace frontdesk::kiosk::app

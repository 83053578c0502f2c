#pragma once
// PaymentAdapter: how the till asks a card terminal for money.
//
// Semi-integrated by design: the till sends an amount and gets back approval, card brand, the
// last four digits, an authorization code and the terminal's reference. A card number or track
// data never reaches this interface, so it can never be stored. The real adapters (nexo, ZVT)
// arrive with the peripherals module; FakePaymentAdapter serves tests, demos and benchmarks.
//
// Every call blocks until the terminal answers (or its own timeout passes) and is made on the
// till's thread; an adapter must outlive the Till that uses it.

#include <deque>
#include <set>
#include <string>

#include "core/money.h"
#include "core/status.h"

namespace frontdesk::kiosk {

struct CardResult {
    std::string brand;        // "VISA", "MASTERCARD", ...
    std::string last4;        // exactly four digits
    std::string authCode;
    std::string terminalRef;  // the terminal's id for this transaction (for refunds/reversals)
};

class PaymentAdapter {
public:
    virtual ~PaymentAdapter() = default;
    // Declined (with the terminal's reason) or Unavailable on failure.
    virtual core::Result<CardResult> authorize(const core::Money& amount, const std::string& reference) = 0;
    // Refund to the card used for originalRef.
    virtual core::Result<CardResult> refund(const core::Money& amount, const std::string& originalRef,
                                            const std::string& reference) = 0;
    // Cancels an approved payment or refund that will not be recorded (void, failed commit, a
    // crash before the sale completed). Must be idempotent: reversing what is already reversed
    // succeeds and moves no money, because the till retries a reversal it could not note down
    // (at the next start) and cannot know whether an earlier attempt reached the terminal.
    virtual core::Status reverse(const std::string& terminalRef) = 0;
};

// Checks what an adapter returned before anything is stored: brand letters only, last4 exactly
// four digits, authorization code and terminal reference short codes of letters, digits and
// -_./ with no run of 12 or more digits (which could be a card number in the wrong field).
[[nodiscard]] core::Status validateCardResult(const CardResult& result);

// Approves everything unless told otherwise with declineNext(). Deterministic references.
class FakePaymentAdapter final : public PaymentAdapter {
public:
    core::Result<CardResult> authorize(const core::Money& amount, const std::string& reference) override;
    core::Result<CardResult> refund(const core::Money& amount, const std::string& originalRef,
                                    const std::string& reference) override;
    core::Status reverse(const std::string& terminalRef) override;

    void declineNext(std::string reason) { m_declines.push_back(std::move(reason)); }
    void setOffline(bool offline) { m_offline = offline; }
    // Back to approving everything: no queued declines, online.
    void reset() {
        m_declines.clear();
        m_offline = false;
    }
    // Distinct payments reversed (reversing one again is a no-op, as the contract says).
    int reversals() const { return static_cast<int>(m_reversed.size()); }

private:
    core::Result<CardResult> answer(const char* kind);
    std::deque<std::string> m_declines;
    bool m_offline = false;
    int m_counter = 0;
    std::set<std::string> m_reversed;
};

}  // namespace frontdesk::kiosk

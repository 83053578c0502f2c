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

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>

#include "core/money.h"
#include "core/status.h"

namespace frontdesk::kiosk {

struct CardResult {
    std::string brand;  // "VISA", "MASTERCARD", ...
    std::string last4;  // exactly four digits
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

// Approves everything unless told otherwise: declineNext(), cancelNext() and timeOutNext() queue
// the terminal's next answers (one payment or refund each, in order); setOffline() makes it
// unreachable. Deterministic references. Its settings may be changed from any thread while
// another waits in authorize(): the app's demo controls do that during a card payment.
class FakePaymentAdapter final : public PaymentAdapter {
public:
    core::Result<CardResult> authorize(const core::Money& amount, const std::string& reference) override;
    core::Result<CardResult> refund(const core::Money& amount, const std::string& originalRef,
                                    const std::string& reference) override;
    core::Status reverse(const std::string& terminalRef) override;

    void declineNext(std::string reason);  // Declined: "card declined: <reason>"
    void cancelNext();                     // Cancelled: the customer pressed Cancel on the terminal
    void timeOutNext();                    // TimedOut: the terminal did not answer; nothing was charged
    void setOffline(bool offline);
    // How long each answer takes, as a terminal waits for the card (default: none).
    void setAnswerDelay(std::chrono::milliseconds delay);
    // Answers wait until released, as a terminal waits for a card nobody has presented yet: a test
    // holds them to see the till while a payment is pending.
    void holdAnswers();
    void releaseAnswers();
    // Back to approving everything at once: no queued answers, online.
    void reset();
    // Distinct payments reversed (reversing one again is a no-op, as the contract says).
    int reversals() const;

private:
    core::Result<CardResult> answer(const char* kind);
    mutable std::mutex m_mutex;
    std::deque<core::Status> m_next;  // queued refusals, first answered first
    bool m_offline = false;
    std::chrono::milliseconds m_delay{0};
    bool m_held = false;
    std::condition_variable m_released;
    int m_counter = 0;
    std::set<std::string> m_reversed;
};

}  // namespace frontdesk::kiosk

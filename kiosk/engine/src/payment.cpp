#include "kiosk/payment.h"

#include <algorithm>
#include <thread>

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Status validateCardResult(const CardResult& r) {
    const bool brandOk =
        !r.brand.empty() && r.brand.size() <= 20 && std::all_of(r.brand.begin(), r.brand.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-';
        });
    const bool last4Ok =
        r.last4.size() == 4 && std::all_of(r.last4.begin(), r.last4.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!brandOk || !last4Ok) {
        // Do not echo the values: they might be exactly what must not be written anywhere.
        return Status(core::ErrorKind::Internal, "payment terminal returned card details other than brand and last 4");
    }
    // References are short codes; a long run of digits could be a card number in the wrong field.
    auto referenceOk = [](const std::string& text, std::size_t maxLength) {
        if (text.size() > maxLength) return false;
        std::size_t digitRun = 0;
        for (char c : text) {
            const bool digit = c >= '0' && c <= '9';
            const bool allowed = digit || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' ||
                                 c == '.' || c == '/';
            if (!allowed) return false;
            digitRun = digit ? digitRun + 1 : 0;
            if (digitRun >= 12) return false;
        }
        return true;
    };
    if (!referenceOk(r.authCode, 32) || !referenceOk(r.terminalRef, 64)) {
        return Status(core::ErrorKind::Internal, "payment terminal returned a reference that could hold card data");
    }
    // Refunds and reversals find a payment by its terminal reference: it cannot be empty.
    if (r.terminalRef.empty()) return Status(core::ErrorKind::Internal, "payment terminal returned no reference");
    return {};
}

Result<CardResult> FakePaymentAdapter::answer(const char* kind) {
    std::unique_lock lock(m_mutex);
    // Waiting for the card happens outside the lock, so the demo can queue the answer meanwhile.
    if (const auto delay = m_delay; delay.count() > 0) {
        lock.unlock();
        std::this_thread::sleep_for(delay);
        lock.lock();
    }
    m_released.wait(lock, [this] { return !m_held; });
    if (m_offline) return Status(core::ErrorKind::Unavailable, "payment terminal offline");
    if (!m_next.empty()) {
        Status refusal = std::move(m_next.front());
        m_next.pop_front();
        return refusal;
    }
    ++m_counter;
    const std::string n = std::to_string(m_counter);
    return CardResult{"VISA", "4242", std::string(kind) + n,
                      "FAKE-" + std::string(6 - std::min<std::size_t>(6, n.size()), '0') + n};
}

void FakePaymentAdapter::declineNext(std::string reason) {
    std::lock_guard lock(m_mutex);
    m_next.emplace_back(core::ErrorKind::Declined, "card declined: " + reason);
}

void FakePaymentAdapter::cancelNext() {
    std::lock_guard lock(m_mutex);
    m_next.emplace_back(core::ErrorKind::Cancelled, "card payment cancelled on the terminal");
}

void FakePaymentAdapter::timeOutNext() {
    std::lock_guard lock(m_mutex);
    m_next.emplace_back(core::ErrorKind::TimedOut, "the payment terminal did not answer in time");
}

void FakePaymentAdapter::setOffline(bool offline) {
    std::lock_guard lock(m_mutex);
    m_offline = offline;
}

void FakePaymentAdapter::setAnswerDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_delay = delay;
}

void FakePaymentAdapter::holdAnswers() {
    std::lock_guard lock(m_mutex);
    m_held = true;
}

void FakePaymentAdapter::releaseAnswers() {
    {
        std::lock_guard lock(m_mutex);
        m_held = false;
    }
    m_released.notify_all();
}

void FakePaymentAdapter::reset() {
    std::lock_guard lock(m_mutex);
    m_next.clear();
    m_offline = false;
}

int FakePaymentAdapter::reversals() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_reversed.size());
}

Result<CardResult> FakePaymentAdapter::authorize(const core::Money& amount, const std::string&) {
    if (!amount.isPositive()) return core::invalidArgument("card amount must be positive");
    return answer("A");
}

Result<CardResult> FakePaymentAdapter::refund(const core::Money& amount, const std::string&, const std::string&) {
    if (!amount.isPositive()) return core::invalidArgument("card refund amount must be positive");
    return answer("R");
}

Status FakePaymentAdapter::reverse(const std::string& terminalRef) {
    std::lock_guard lock(m_mutex);
    if (m_offline) return Status(core::ErrorKind::Unavailable, "payment terminal offline");
    m_reversed.insert(terminalRef);
    return {};
}

}  // namespace frontdesk::kiosk

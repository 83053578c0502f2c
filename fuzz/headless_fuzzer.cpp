// Fuzz target: the headless driver (kiosk::HeadlessDriver::handle), i.e. every action line a
// script, stdin or a future console feeds the till, and every engine operation behind it.
//
// Each input is a script: it is split into lines, and every line that is not empty and does not
// start with '#' goes to driver.handle(), as `frontdesk-kiosk --headless` does. Every input
// starts from the same fresh terminal: the standard test seed (testing/terminal.h: staff
// c1/1111, c2/2222, s1/3333, m1/4444; items A, B, W, X), restored from an in-memory snapshot,
// a fresh Till and payment terminal, and the clock at the same instant, moving one second per
// line. So a crash reproduces from its input file alone.
//
// FRONTDESK_FUZZ_VERBOSE=1 prints each line and its answer while replaying an input.
//
// Properties: no crash, leak or undefined behaviour (ASan + UBSan); handle() never throws
// (it promises so); every answer is an object with a boolean "ok" and an "action", and a refusal
// names an error kind and a message that quotes the line only in part (at most 512 bytes in
// all); every answer prints (jsonText, describeResult) without throwing.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "fuzz_check.h"
#include "kiosk/headless.h"
#include "kiosk/json_text.h"
#include "kiosk/payment.h"
#include "kiosk/till.h"
#include "terminal_snapshot.h"
#include "testing/terminal.h"

namespace {

using namespace frontdesk;
using nlohmann::json;

// The instant every input starts at (the test suites' FakeClock start).
const core::TimePoint kStart{std::chrono::milliseconds{1'795'000'000'000}};
// Lines handled per input at most; the rest are ignored (keeps every input fast).
constexpr std::size_t kMaxLines = 64;
// An error message is fixed text plus input quoted in part (at most 40 bytes a quote): far below this.
constexpr std::size_t kMaxMessageBytes = 512;

// FRONTDESK_FUZZ_VERBOSE=1 prints every line and its answer (for reading a reproducer).
bool verbose() {
    static const bool on = std::getenv("FRONTDESK_FUZZ_VERBOSE") != nullptr;
    return on;
}

fuzz::TerminalSnapshot& terminal() {
    static fuzz::TerminalSnapshot* snapshot = [] {
        core::FakeClock clock(kStart);
        auto db = kiosk::testing::provisionTerminal(":memory:", clock, kiosk::testing::standardSeed());
        return new fuzz::TerminalSnapshot(std::move(db));
    }();
    return *snapshot;
}

void checkAnswer(const std::string& line, const json& answer, const core::Currency& currency) {
    const std::string excerpt = "line '" + line.substr(0, 120) + "'";
    FUZZ_CHECK(answer.is_object(), excerpt + ": the answer is not an object");
    auto ok = answer.find("ok");
    FUZZ_CHECK(ok != answer.end() && ok->is_boolean(), excerpt + ": the answer has no boolean 'ok'");
    auto action = answer.find("action");
    FUZZ_CHECK(action != answer.end() && action->is_string(), excerpt + ": the answer has no 'action'");
    if (!ok->get<bool>()) {
        auto error = answer.find("error");
        auto message = answer.find("message");
        FUZZ_CHECK(error != answer.end() && error->is_string() && message != answer.end() && message->is_string(),
                   excerpt + ": a refusal without an error kind and message");
        // Errors quote input only in part (docs/headless.md): a message never grows with the line.
        const std::string text = message->get<std::string>();
        FUZZ_CHECK(text.size() <= kMaxMessageBytes,
                   excerpt + ": a message of " + std::to_string(text.size()) + " bytes: " + text.substr(0, 200));
    }
    const std::string printed = kiosk::jsonText(answer);
    FUZZ_CHECK(!printed.empty(), excerpt);
    // As HeadlessDriver::run(..., pretty) does: the request is parsed again only if it named an action.
    const json request = answer.value("action", "?") != "?" ? json::parse(line, nullptr, false) : json();
    (void)kiosk::describeResult(request, answer, currency);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    core::Database& db = terminal().restore();
    core::FakeClock clock(kStart);
    kiosk::FakePaymentAdapter payments;
    auto till = kiosk::Till::open(db, clock, payments);
    FUZZ_CHECK(till.ok(), "opening the till: " + till.status().toString());
    kiosk::HeadlessDriver driver(**till, &payments);
    const core::Currency currency = (*till)->settings().currency;

    std::string_view script(reinterpret_cast<const char*>(data), size);
    std::size_t handled = 0;
    while (!script.empty() && handled < kMaxLines) {
        const std::size_t end = script.find('\n');
        const std::string line(script.substr(0, end));
        script.remove_prefix(end == std::string_view::npos ? script.size() : end + 1);
        if (line.empty() || line[0] == '#') continue;
        ++handled;
        const json answer = driver.handle(line);  // an exception escaping here is a finding
        if (verbose()) std::fprintf(stderr, "> %s\n< %s\n", line.c_str(), kiosk::jsonText(answer).c_str());
        checkAnswer(line, answer, currency);
        clock.advance(std::chrono::seconds(1));
    }
    return 0;
}

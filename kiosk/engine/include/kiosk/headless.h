#pragma once
// The headless driver: drives an Engine from JSON lines, one action per line, and answers each
// with one JSON result line. Integration tests, benchmarks and the demo use it until a screen
// does. An invalid line gets {"ok":false,"error":kind,"message":...}; the session goes on.
// The actions and their fields are listed in docs/headless.md.

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/engine.h"
#include "kiosk/payment.h"

namespace frontdesk::kiosk {

class HeadlessDriver {
public:
    // fake may be null; when set, card tenders accept "simulate": "decline" | "offline".
    HeadlessDriver(Engine& engine, FakePaymentAdapter* fake) : m_engine(engine), m_fake(fake) {}

    // Handles one line (JSON object text); never throws.
    nlohmann::json handle(const std::string& line);
    // Reads lines until EOF, writes one result line each (JSON, or with pretty a short text
    // line for people, as the demo shows). Returns the number of failed actions.
    int run(std::istream& in, std::ostream& out, bool pretty = false);

private:
    nlohmann::json dispatch(const std::string& action, const nlohmann::json& a);
    Engine& m_engine;
    FakePaymentAdapter* m_fake;
};

// JSON views of engine results, shared by the driver and tests.
nlohmann::json saleStateJson(const SaleState& state, const Cart& cart, const core::Currency& currency);

// One line for people describing an action's result ("OK  scan  2 lines, due 19.40 EUR").
std::string describeResult(const nlohmann::json& request, const nlohmann::json& result, const core::Currency& currency);

}  // namespace frontdesk::kiosk

// Fuzz target: what arrives from the broker. The input's first byte picks the parser, the rest is
// the payload, as the consumer and the relay receive it:
//   0: an events message (sync::decodeDeliveries with the protocol's schema check);
//   1: an ack (sync::decodeAck);
//   2: a topic (sync::parseTopic).
//
// Properties, beyond no crash, leak or undefined behaviour:
//   - every decoded message yields at least one delivery, each valid or carrying its reason, and
//     a valid one has an id, a seq of 1 or more, a type, and the topic's store and terminal;
//   - an accepted ack encodes to text that decodes to the same ack;
//   - an accepted topic is rebuilt exactly from its parts.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "sync/ack.h"
#include "sync/delivery.h"
#include "sync/topics.h"

using namespace frontdesk::sync;

namespace {

std::string shown(std::string_view text) { return "input '" + std::string(text.substr(0, 120)) + "'"; }

void checkEvents(std::string_view payload) {
    const TerminalAddress from{"s1", "t1"};
    const auto deliveries = decodeDeliveries(from, payload, &schemaProblem);
    FUZZ_CHECK(!deliveries.empty(), shown(payload) + " gave no delivery at all");
    for (const auto& d : deliveries) {
        if (!d.valid()) continue;
        FUZZ_CHECK(d.seq >= 1 && !d.id.empty() && !d.type.empty(), shown(payload) + " valid without id, seq or type");
        FUZZ_CHECK(d.envelope.value("store", "") == "s1" && d.envelope.value("terminal", "") == "t1",
                   shown(payload) + " valid from another terminal");
    }
}

void checkAck(std::string_view payload) {
    auto ack = decodeAck(payload);
    if (!ack.ok()) return;
    auto again = decodeAck(encodeAck(*ack));
    FUZZ_CHECK(again.ok() && *again == *ack, shown(payload) + " does not round-trip");
}

void checkTopic(std::string_view text) {
    auto topic = parseTopic(text);
    if (!topic.ok()) return;
    const std::string rebuilt = topic->isMaster() ? masterTopic(topic->address.store, topic->dataset)
                                                  : terminalTopic(topic->address, topic->channel);
    FUZZ_CHECK(rebuilt == text, shown(text) + " rebuilt as '" + rebuilt + "'");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
        case 0: checkEvents(payload); break;
        case 1: checkAck(payload); break;
        default: checkTopic(payload); break;
    }
    return 0;
}

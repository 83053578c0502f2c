#include "backoffice/metrics.h"

#include <map>

#include "backoffice/reports.h"
#include "read_transaction.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

std::string escapeLabel(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

class Exposition {
public:
    void family(const char* name, const char* type, const char* help) {
        m_text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    }
    void sample(const char* name, const std::map<std::string, std::string>& labels, std::int64_t value) {
        m_text += name;
        if (!labels.empty()) {
            m_text += '{';
            bool first = true;
            for (const auto& [k, v] : labels) {
                m_text += (first ? "" : ",") + k + "=\"" + escapeLabel(v) + "\"";
                first = false;
            }
            m_text += '}';
        }
        m_text += " " + std::to_string(value) + "\n";
    }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

}  // namespace

Result<std::string> prometheusMetrics(core::Database& db, const std::optional<sync::ConsumerStatus>& ingest,
                                      core::TimePoint now) {
    ReadTransaction read(db);
    Exposition out;
    out.family("frontdesk_events_total", "counter", "Events taken in, by terminal and outcome (applied or dead_letter).");
    FD_ASSIGN(auto* counts, db.cached("SELECT store, terminal, outcome, count(*) FROM ingest_events GROUP BY 1, 2, 3"
                                      " UNION ALL SELECT store, terminal, 'dead_letter', count(*) FROM ingest_unplaced"
                                      " GROUP BY 1, 2 ORDER BY 1, 2, 3"));
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> byOutcome;
    FD_TRY(counts->forEachRow([&](const core::Statement& row) {
        byOutcome[{row.text(0), row.text(1), row.text(2)}] += row.int64(3);
    }));
    for (const auto& [key, n] : byOutcome) {
        const auto& [store, terminal, outcome] = key;
        out.sample("frontdesk_events_total", {{"store", store}, {"terminal", terminal}, {"outcome", outcome}}, n);
    }

    FD_ASSIGN(json terminals, terminalsReport(db));
    out.family("frontdesk_terminal_missing_events", "gauge", "Events a terminal has sent later ones than (its gaps).");
    for (const auto& t : terminals["terminals"]) {
        std::int64_t missing = 0;
        for (const auto& g : t["gaps"]) missing += g["to"].get<std::int64_t>() - g["from"].get<std::int64_t>() + 1;
        out.sample("frontdesk_terminal_missing_events", {{"store", t["store"]}, {"terminal", t["terminal"]}}, missing);
    }
    out.family("frontdesk_terminal_last_event_age_seconds", "gauge", "Seconds since the terminal's last event arrived.");
    for (const auto& t : terminals["terminals"]) {
        if (!t["last_seen"].is_string()) continue;
        auto seen = core::parseIso8601(t["last_seen"].get<std::string>());
        if (!seen.ok()) continue;
        const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - *seen).count();
        out.sample("frontdesk_terminal_last_event_age_seconds", {{"store", t["store"]}, {"terminal", t["terminal"]}}, age);
    }
    out.family("frontdesk_terminal_upto_seq", "gauge", "The terminal's seq up to which every event has arrived.");
    for (const auto& t : terminals["terminals"]) {
        out.sample("frontdesk_terminal_upto_seq", {{"store", t["store"]}, {"terminal", t["terminal"]}},
                   t["upto"].get<std::int64_t>());
    }
    FD_ASSIGN(auto* review, db.cached("SELECT count(*) FROM skus_to_review"));
    std::int64_t toReview = 0;
    FD_TRY(review->forEachRow([&](const core::Statement& row) { toReview = row.int64(0); }));
    out.family("frontdesk_skus_to_review", "gauge", "SKUs events named that the catalog does not know.");
    out.sample("frontdesk_skus_to_review", {}, toReview);

    if (ingest) {
        out.family("frontdesk_broker_connected", "gauge", "1 while the ingest is connected to the broker.");
        out.sample("frontdesk_broker_connected", {}, ingest->online ? 1 : 0);
        out.family("frontdesk_ingest_messages_total", "counter", "Event messages received from the broker.");
        out.sample("frontdesk_ingest_messages_total", {}, ingest->messages);
        out.family("frontdesk_ingest_acks_total", "counter", "Acks published after commits.");
        out.sample("frontdesk_ingest_acks_total", {}, ingest->acks);
        out.family("frontdesk_ingest_failed_commits_total", "counter", "Batches whose commit failed (not acked, sent again).");
        out.sample("frontdesk_ingest_failed_commits_total", {}, ingest->failedCommits);
        out.family("frontdesk_terminal_online", "gauge", "1 while the terminal's presence says it is connected.");
        for (const auto& [id, presence] : ingest->terminals) {
            out.sample("frontdesk_terminal_online", {{"store", presence.terminal.store}, {"terminal", id}},
                       presence.online ? 1 : 0);
        }
    }
    return out.take();
}

}  // namespace frontdesk::backoffice

#pragma once
// The terminal's half of master data (docs/protocol.md, "Master data"): follows the store's
// dataset manifests and fetches each new version's chunks into the DatasetSink, a few at a time,
// so a 300,000-item catalog arrives without holding it in memory and resumes where it stopped.
//
// - A manifest newer than what the terminal runs starts a fetch (a newer one still replaces it).
// - It subscribes to at most kWindow missing chunks at once; each arrives as a retained message,
//   is checked against the manifest (length and SHA-256), kept by the sink, and unsubscribed.
//   A chunk that fails its check is refused and reported; its subscription stays, so a corrected
//   chunk published again is taken.
// - When every chunk is kept, the sink is told to apply the version; the fetch is done.
// - After a reconnect the retained manifest arrives again and the fetch resumes from the chunks
//   the sink already has (the sink's storedChunks), also after a restart of the terminal.
//
// Runs on the relay's loop thread only (LinkLoop hooks).

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "link_loop.h"
#include "sync/dataset_sink.h"
#include "sync/relay.h"
#include "sync/topics.h"

namespace frontdesk::sync {

class DatasetFetcher {
public:
    static constexpr std::int64_t kWindow = 4;

    DatasetFetcher(std::string store, LinkLoop& loop, DatasetSink& sink) : m_store(std::move(store)), m_loop(loop), m_sink(sink) {}

    // The manifests' filter, subscribed on every connect.
    std::string subscription() const { return masterTopic(m_store, "+"); }
    void onConnected();
    // A message on a master-data topic (parsed); problems are returned for the sync status.
    [[nodiscard]] core::Status onMessage(const Topic& topic, const std::string& payload);
    // Fetches in progress, for the sync status; a transfer whose version the terminal now runs is
    // dropped.
    std::map<std::string, DatasetTransfer> transfers(const std::map<std::string, std::int64_t>& running);
    std::int64_t keptChunks() const { return m_kept; }
    std::int64_t refusedChunks() const { return m_refused; }

private:
    struct Fetch {
        DatasetManifest manifest;
        std::set<std::int64_t> stored;
        std::set<std::int64_t> subscribed;
        bool handedOver = false;  // every chunk kept, the sink applies it
    };

    core::Status onManifest(const std::string& dataset, const std::string& payload);
    core::Status onChunk(const Topic& topic, const std::string& payload);
    core::Status requestMore(Fetch& fetch);
    void drop(Fetch& fetch);

    std::string m_store;
    LinkLoop& m_loop;
    DatasetSink& m_sink;
    std::map<std::string, Fetch> m_fetches;  // by dataset
    std::int64_t m_kept = 0;
    std::int64_t m_refused = 0;
};

}  // namespace frontdesk::sync

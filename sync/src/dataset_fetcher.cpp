#include "dataset_fetcher.h"

#include "core/log.h"

namespace frontdesk::sync {

void DatasetFetcher::onConnected() {
    // Subscriptions beyond the manifests' do not outlive a connection: ask again for what is
    // missing (the manifests, retained, arrive again as well and find the fetch under way).
    for (auto& [dataset, fetch] : m_fetches) {
        fetch.subscribed.clear();
        (void)requestMore(fetch);
    }
}

core::Status DatasetFetcher::onMessage(const Topic& topic, const std::string& payload) {
    if (topic.address.store != m_store) return core::invalidArgument("master data of another store: " + topic.address.store);
    return topic.isChunk() ? onChunk(topic, payload) : onManifest(topic.dataset, payload);
}

core::Status DatasetFetcher::onManifest(const std::string& dataset, const std::string& payload) {
    if (payload.empty()) return {};  // a manifest withdrawn: nothing to fetch
    auto manifest = decodeManifest(payload);
    if (!manifest.ok()) return manifest.status();
    if (manifest->dataset != dataset) {
        return core::invalidArgument("the manifest on the topic of dataset " + dataset + " is for " + manifest->dataset);
    }
    FD_ASSIGN(auto running, m_sink.runningVersion(dataset));
    if (!running) return {};  // a dataset this terminal does not take
    auto it = m_fetches.find(dataset);
    if (manifest->version <= *running) {
        if (it != m_fetches.end() && it->second.manifest.version <= *running) {
            drop(it->second);
            m_fetches.erase(it);
        }
        return {};
    }
    if (it != m_fetches.end()) {
        if (it->second.manifest == *manifest) return requestMore(it->second);  // resumes after a reconnect
        drop(it->second);  // a newer version (or a corrected manifest) replaces the fetch
        m_fetches.erase(it);
    }
    Fetch fetch;
    fetch.manifest = std::move(manifest).value();
    FD_ASSIGN(fetch.stored, m_sink.storedChunks(fetch.manifest));
    core::log::info("sync.datasets", "fetching a new version",
                    {{"dataset", dataset}, {"version", std::to_string(fetch.manifest.version)},
                     {"running", std::to_string(*running)}, {"chunks", std::to_string(fetch.manifest.chunks.size())},
                     {"kept_already", std::to_string(fetch.stored.size())}});
    auto& placed = m_fetches[dataset] = std::move(fetch);
    return requestMore(placed);
}

core::Status DatasetFetcher::onChunk(const Topic& topic, const std::string& payload) {
    auto it = m_fetches.find(topic.dataset);
    // A chunk of a version no longer wanted (retained from before, or withdrawn): not ours.
    if (it == m_fetches.end() || it->second.manifest.version != topic.version || it->second.handedOver) return {};
    Fetch& fetch = it->second;
    if (fetch.stored.count(topic.chunk)) return {};
    if (core::Status verified = verifyChunk(fetch.manifest, topic.chunk, payload); !verified.ok()) {
        ++m_refused;
        return verified;  // stays subscribed: a chunk published again is taken
    }
    FD_TRY(m_sink.storeChunk(fetch.manifest, topic.chunk, payload));
    fetch.stored.insert(topic.chunk);
    ++m_kept;
    fetch.subscribed.erase(topic.chunk);
    (void)m_loop.unsubscribe(chunkTopic(m_store, topic.dataset, topic.version, topic.chunk));
    return requestMore(fetch);
}

core::Status DatasetFetcher::requestMore(Fetch& fetch) {
    const auto total = static_cast<std::int64_t>(fetch.manifest.chunks.size());
    if (static_cast<std::int64_t>(fetch.stored.size()) == total) {
        if (fetch.handedOver) return {};
        FD_TRY(m_sink.complete(fetch.manifest));
        fetch.handedOver = true;
        core::log::info("sync.datasets", "every chunk kept: applying",
                        {{"dataset", fetch.manifest.dataset}, {"version", std::to_string(fetch.manifest.version)}});
        return {};
    }
    for (std::int64_t index = 0; index < total && static_cast<std::int64_t>(fetch.subscribed.size()) < kWindow; ++index) {
        if (fetch.stored.count(index) || fetch.subscribed.count(index)) continue;
        FD_TRY(m_loop.subscribe(chunkTopic(m_store, fetch.manifest.dataset, fetch.manifest.version, index)));
        fetch.subscribed.insert(index);
    }
    return {};
}

void DatasetFetcher::drop(Fetch& fetch) {
    for (std::int64_t index : fetch.subscribed) {
        (void)m_loop.unsubscribe(chunkTopic(m_store, fetch.manifest.dataset, fetch.manifest.version, index));
    }
    fetch.subscribed.clear();
}

std::map<std::string, DatasetTransfer> DatasetFetcher::transfers(const std::map<std::string, std::int64_t>& running) {
    std::map<std::string, DatasetTransfer> out;
    for (auto it = m_fetches.begin(); it != m_fetches.end();) {
        auto runs = running.find(it->first);
        if (it->second.handedOver && runs != running.end() && runs->second >= it->second.manifest.version) {
            it = m_fetches.erase(it);  // applied: nothing left to report
            continue;
        }
        const Fetch& f = it->second;
        out[it->first] = DatasetTransfer{f.manifest.version, static_cast<std::int64_t>(f.stored.size()),
                                         static_cast<std::int64_t>(f.manifest.chunks.size()),
                                         f.handedOver ? "applying" : "fetching"};
        ++it;
    }
    return out;
}

}  // namespace frontdesk::sync

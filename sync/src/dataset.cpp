#include "sync/dataset.h"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "sync/schema.h"

namespace frontdesk::sync {

using nlohmann::json;

namespace {

EVP_MD_CTX* context(void* ctx) { return static_cast<EVP_MD_CTX*>(ctx); }

std::int64_t chunksFor(std::int64_t size, std::int64_t chunkSize) { return (size + chunkSize - 1) / chunkSize; }

std::string versionName(const DatasetManifest& m) { return m.dataset + " version " + std::to_string(m.version); }

}  // namespace

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
    // Allocation failure or a missing SHA-256 would leave nothing sensible to do but stop.
    if (!m_ctx || EVP_DigestInit_ex(context(m_ctx), EVP_sha256(), nullptr) != 1) std::abort();
}

Sha256::~Sha256() { EVP_MD_CTX_free(context(m_ctx)); }

void Sha256::update(std::string_view bytes) { EVP_DigestUpdate(context(m_ctx), bytes.data(), bytes.size()); }

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context(m_ctx), digest, &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += kDigits[digest[i] >> 4];
        out += kDigits[digest[i] & 0x0f];
    }
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hex();
}

std::int64_t DatasetManifest::chunkLength(std::int64_t index) const {
    if (index < 0 || index >= static_cast<std::int64_t>(chunks.size())) return 0;
    return index + 1 < static_cast<std::int64_t>(chunks.size()) ? chunkSize : size - index * chunkSize;
}

std::string encodeManifest(const DatasetManifest& m) {
    return json{{"dataset", m.dataset}, {"version", m.version},      {"size", m.size},
                {"sha256", m.sha256},   {"chunk_size", m.chunkSize}, {"chunks", m.chunks}}
        .dump();
}

core::Result<DatasetManifest> decodeManifest(std::string_view payload) {
    FD_TRY(core::checkJsonBounds(payload, kMaxManifestBytes, 4, "dataset manifest"));
    const json j = json::parse(payload, nullptr, false);
    if (j.is_discarded()) return core::invalidArgument("dataset manifest is not valid JSON");
    FD_TRY(validateManifest(j));
    DatasetManifest m;
    m.dataset = j["dataset"].get<std::string>();
    m.version = j["version"].get<std::int64_t>();
    m.size = j["size"].get<std::int64_t>();
    m.sha256 = j["sha256"].get<std::string>();
    m.chunkSize = j["chunk_size"].get<std::int64_t>();
    m.chunks = j["chunks"].get<std::vector<std::string>>();
    const std::int64_t expected = chunksFor(m.size, m.chunkSize);
    if (expected != static_cast<std::int64_t>(m.chunks.size())) {
        return core::invalidArgument("dataset manifest of " + versionName(m) + ": " + std::to_string(m.size) +
                                     " bytes in chunks of " + std::to_string(m.chunkSize) + " make " +
                                     std::to_string(expected) + " chunks, but it lists " +
                                     std::to_string(m.chunks.size()));
    }
    return m;
}

core::Result<DatasetVersion> makeDatasetVersion(std::string_view dataset, std::int64_t version, std::string_view body,
                                                std::int64_t chunkSize) {
    FD_TRY(validateDatasetName(dataset));
    if (version < 1 || version > kMaxDatasetVersion) {
        return core::invalidArgument("a dataset version must be 1 to " + std::to_string(kMaxDatasetVersion));
    }
    if (chunkSize < kMinChunkBytes || chunkSize > kMaxChunkBytes) {
        return core::invalidArgument("a chunk must be " + std::to_string(kMinChunkBytes) + " to " +
                                     std::to_string(kMaxChunkBytes) + " bytes");
    }
    const auto size = static_cast<std::int64_t>(body.size());
    if (size == 0) return core::invalidArgument("a dataset version cannot be empty");
    if (chunksFor(size, chunkSize) > kMaxDatasetChunks) {
        return core::invalidArgument(std::string(dataset) + " version " + std::to_string(version) + " is " +
                                     std::to_string(size) + " bytes: more than " + std::to_string(kMaxDatasetChunks) +
                                     " chunks of " + std::to_string(chunkSize));
    }
    DatasetVersion out;
    out.manifest.dataset = std::string(dataset);
    out.manifest.version = version;
    out.manifest.size = size;
    out.manifest.sha256 = sha256Hex(body);
    out.manifest.chunkSize = chunkSize;
    for (std::int64_t at = 0; at < size; at += chunkSize) {
        out.chunks.emplace_back(body.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(chunkSize)));
        out.manifest.chunks.push_back(sha256Hex(out.chunks.back()));
    }
    return out;
}

std::vector<Message> publishMessages(std::string_view store, const DatasetVersion& version) {
    std::vector<Message> out;
    const DatasetManifest& m = version.manifest;
    for (std::size_t i = 0; i < version.chunks.size(); ++i) {
        out.push_back({chunkTopic(store, m.dataset, m.version, static_cast<std::int64_t>(i)), version.chunks[i], true});
    }
    out.push_back({masterTopic(store, m.dataset), encodeManifest(m), true});
    return out;
}

std::vector<Message> withdrawMessages(std::string_view store, const DatasetManifest& m) {
    std::vector<Message> out;
    for (std::size_t i = 0; i < m.chunks.size(); ++i) {
        out.push_back({chunkTopic(store, m.dataset, m.version, static_cast<std::int64_t>(i)), "", true});
    }
    return out;
}

core::Status verifyChunk(const DatasetManifest& m, std::int64_t index, std::string_view bytes) {
    const std::string which = "chunk " + std::to_string(index) + " of " + versionName(m);
    if (index < 0 || index >= static_cast<std::int64_t>(m.chunks.size())) {
        return core::invalidArgument(which + ": the manifest lists " + std::to_string(m.chunks.size()) + " chunks");
    }
    if (static_cast<std::int64_t>(bytes.size()) != m.chunkLength(index)) {
        return core::invalidArgument(which + " is " + std::to_string(bytes.size()) + " bytes, not " +
                                     std::to_string(m.chunkLength(index)) + ": refused");
    }
    if (sha256Hex(bytes) != m.chunks[static_cast<std::size_t>(index)]) {
        return core::invalidArgument(which + " does not match its SHA-256 in the manifest: refused");
    }
    return {};
}

}  // namespace frontdesk::sync

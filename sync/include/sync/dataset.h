#pragma once
// Master data on the wire (docs/protocol.md, "Master data"): a dataset version is a body of bytes
// (for the catalog, JSON lines) cut into fixed-size chunks, each published retained on its own
// topic, and a manifest, published retained on the dataset's topic once every chunk is out:
//
//   fd/v1/{store}/master/{dataset}                     {"dataset", "version", "size", "sha256",
//                                                       "chunk_size", "chunks": [sha256 of each]}
//   fd/v1/{store}/master/{dataset}/{version}/{index}   the chunk's bytes, nothing else
//
// The manifest is the authority: a chunk is kept only if its SHA-256 is the one the manifest
// lists for its index, and a version is applied only if all its chunks together hash to the
// manifest's sha256. A terminal fetches the chunks it lacks a few at a time (subscribing to their
// topics), keeps each one as it arrives, and so resumes after any interruption where it stopped.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "sync/mqtt_link.h"
#include "sync/topics.h"

namespace frontdesk::sync {

// Versions are JSON-safe integers (every JSON reader holds them exactly).
inline constexpr std::int64_t kMaxDatasetVersion = 9007199254740991;  // 2^53 - 1
inline constexpr std::int64_t kDefaultChunkBytes = 256 * 1024;
inline constexpr std::int64_t kMinChunkBytes = 1024;
inline constexpr std::int64_t kMaxChunkBytes = 4 * 1024 * 1024;
inline constexpr std::int64_t kMaxDatasetChunks = 8192;
inline constexpr std::size_t kMaxManifestBytes = 1024 * 1024;

struct DatasetManifest {
    std::string dataset;
    std::int64_t version = 0;
    std::int64_t size = 0;             // bytes of the whole body
    std::string sha256;                // of the whole body, lower-case hex
    std::int64_t chunkSize = kDefaultChunkBytes;  // every chunk but the last is this long
    std::vector<std::string> chunks;   // SHA-256 of each chunk, in order

    // The length chunk `index` must have.
    [[nodiscard]] std::int64_t chunkLength(std::int64_t index) const;
    bool operator==(const DatasetManifest&) const = default;
};

[[nodiscard]] std::string encodeManifest(const DatasetManifest& manifest);
// Bounded and strict (schema manifest.schema.json, then the arithmetic: as many chunk hashes as
// size and chunk_size make). InvalidArgument naming what is wrong.
[[nodiscard]] core::Result<DatasetManifest> decodeManifest(std::string_view payload);

// A version ready to publish: its manifest and its chunks.
struct DatasetVersion {
    DatasetManifest manifest;
    std::vector<std::string> chunks;
};
// Cuts `body` into chunks and hashes them. InvalidArgument for a bad name or version, a chunk size
// out of range, an empty body or one that needs more than kMaxDatasetChunks chunks.
[[nodiscard]] core::Result<DatasetVersion> makeDatasetVersion(std::string_view dataset, std::int64_t version,
                                                              std::string_view body,
                                                              std::int64_t chunkSize = kDefaultChunkBytes);

// The back office's side. The messages that publish a version on a store's broker: every chunk,
// retained, then the manifest, retained, in that order, so that a terminal that sees the manifest
// finds every chunk already there.
[[nodiscard]] std::vector<Message> publishMessages(std::string_view store, const DatasetVersion& version);
// Empty retained messages that take a version's chunks off the broker, once a newer version's
// manifest is out (a terminal still fetching the old one moves to the new one).
[[nodiscard]] std::vector<Message> withdrawMessages(std::string_view store, const DatasetManifest& manifest);

// Whether `bytes` is chunk `index` of this version: its length and its hash. InvalidArgument
// saying which chunk of which version failed, and how.
[[nodiscard]] core::Status verifyChunk(const DatasetManifest& manifest, std::int64_t index, std::string_view bytes);

// SHA-256, incrementally (a whole version is hashed chunk by chunk, never held at once).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    // Lower-case hex; the object is spent afterwards.
    [[nodiscard]] std::string hex();

private:
    void* m_ctx;  // OpenSSL's EVP_MD_CTX, kept out of this header
};
[[nodiscard]] std::string sha256Hex(std::string_view bytes);

}  // namespace frontdesk::sync

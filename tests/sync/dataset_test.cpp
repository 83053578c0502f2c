// Master data on the wire: a version cut into chunks and its manifest, and the checks a terminal
// makes before it keeps a chunk or believes a manifest.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sync/dataset.h"

namespace frontdesk::sync {
namespace {

using nlohmann::json;

std::string body(std::size_t bytes) {
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i) text += "{\"n\":" + std::to_string(i) + "}\n";
    text.resize(bytes);
    return text;
}

TEST(Sha256, MatchesTheStandardVectorsWholeAndInPieces) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 pieces;
    pieces.update("a");
    pieces.update("");
    pieces.update("bc");
    EXPECT_EQ(pieces.hex(), sha256Hex("abc"));
}

TEST(DatasetVersion, CutsTheBodyIntoChunksThatPutTogetherAreTheBody) {
    const std::string text = body(5000);
    auto v = makeDatasetVersion("catalog", 7, text, 2048);
    ASSERT_TRUE(v.ok()) << v.status().toString();
    ASSERT_EQ(v->chunks.size(), 3u);
    EXPECT_EQ(v->chunks[0].size(), 2048u);
    EXPECT_EQ(v->chunks[2].size(), 5000u - 4096u);
    EXPECT_EQ(v->chunks[0] + v->chunks[1] + v->chunks[2], text);
    EXPECT_EQ(v->manifest.size, 5000);
    EXPECT_EQ(v->manifest.sha256, sha256Hex(text));
    EXPECT_EQ(v->manifest.chunkLength(2), 5000 - 4096);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(v->manifest.chunks[i], sha256Hex(v->chunks[i]));
        EXPECT_TRUE(verifyChunk(v->manifest, static_cast<std::int64_t>(i), v->chunks[i]).ok());
    }
    // Exactly a multiple of the chunk size: no empty last chunk.
    auto even = makeDatasetVersion("catalog", 7, body(4096), 2048);
    ASSERT_TRUE(even.ok());
    EXPECT_EQ(even->chunks.size(), 2u);
}

TEST(DatasetVersion, RefusesWhatCannotBePublished) {
    EXPECT_FALSE(makeDatasetVersion("Catalog", 1, "x").ok());
    EXPECT_FALSE(makeDatasetVersion("catalog", 0, "x").ok());
    EXPECT_FALSE(makeDatasetVersion("catalog", kMaxDatasetVersion + 1, "x").ok());
    EXPECT_FALSE(makeDatasetVersion("catalog", 1, "").ok());
    EXPECT_FALSE(makeDatasetVersion("catalog", 1, "x", 10).ok());
    auto tooMany = makeDatasetVersion("catalog", 1, body(kMinChunkBytes * (kMaxDatasetChunks + 1)), kMinChunkBytes);
    ASSERT_FALSE(tooMany.ok());
    EXPECT_NE(tooMany.status().message().find("more than 8192 chunks"), std::string::npos) << tooMany.status().message();
}

TEST(DatasetVersion, AChunkThatIsNotTheOneTheManifestListsIsRefusedSayingWhich) {
    auto v = makeDatasetVersion("catalog", 9, body(3000), 1024);
    ASSERT_TRUE(v.ok());
    std::string flipped = v->chunks[1];
    flipped[100] ^= 0x01;
    auto corrupt = verifyChunk(v->manifest, 1, flipped);
    ASSERT_FALSE(corrupt.ok());
    EXPECT_EQ(corrupt.message(), "chunk 1 of catalog version 9 does not match its SHA-256 in the manifest: refused");
    auto shorter = verifyChunk(v->manifest, 1, v->chunks[1].substr(1));
    ASSERT_FALSE(shorter.ok());
    EXPECT_NE(shorter.message().find("is 1023 bytes, not 1024"), std::string::npos) << shorter.message();
    EXPECT_FALSE(verifyChunk(v->manifest, 0, v->chunks[1]).ok());  // right bytes, wrong place
    EXPECT_FALSE(verifyChunk(v->manifest, 3, v->chunks[0]).ok());
}

TEST(DatasetManifest, RoundTripsAndPublishesChunksBeforeTheManifest) {
    auto v = makeDatasetVersion("catalog", 3, body(2500), 1024);
    ASSERT_TRUE(v.ok());
    auto decoded = decodeManifest(encodeManifest(v->manifest));
    ASSERT_TRUE(decoded.ok()) << decoded.status().toString();
    EXPECT_EQ(*decoded, v->manifest);

    auto messages = publishMessages("s1", *v);
    ASSERT_EQ(messages.size(), 4u);
    EXPECT_EQ(messages[0].topic, "fd/v1/s1/master/catalog/3/0");
    EXPECT_EQ(messages[2].topic, "fd/v1/s1/master/catalog/3/2");
    EXPECT_EQ(messages[2].payload, v->chunks[2]);
    EXPECT_EQ(messages[3].topic, "fd/v1/s1/master/catalog");
    for (const auto& m : messages) EXPECT_TRUE(m.retained) << m.topic;
    auto withdrawn = withdrawMessages("s1", v->manifest);
    ASSERT_EQ(withdrawn.size(), 3u);
    for (const auto& m : withdrawn) {
        EXPECT_TRUE(m.retained);
        EXPECT_TRUE(m.payload.empty());  // an empty retained message clears the topic
    }
}

TEST(DatasetManifest, RefusesAManifestThatDoesNotAddUpOrBreaksTheSchema) {
    auto v = makeDatasetVersion("catalog", 3, body(2500), 1024);
    ASSERT_TRUE(v.ok());
    const json good = json::parse(encodeManifest(v->manifest));
    const auto refused = [](const json& manifest, const std::string& why) {
        auto decoded = decodeManifest(manifest.dump());
        ASSERT_FALSE(decoded.ok()) << manifest.dump();
        EXPECT_NE(decoded.status().message().find(why), std::string::npos) << decoded.status().message();
    };
    json missing = good;
    missing["chunks"].erase(2);
    refused(missing, "2500 bytes in chunks of 1024 make 3 chunks, but it lists 2");
    json bigger = good;
    bigger["size"] = 5000;
    refused(bigger, "make 5 chunks, but it lists 3");
    json upper = good;
    upper["sha256"] = "ABCDEF" + good["sha256"].get<std::string>().substr(6);
    refused(upper, "/sha256");
    json zero = good;
    zero["version"] = 0;
    refused(zero, "/version");
    json extra = good;
    extra["url"] = "http://example.com/catalog";
    refused(extra, "url");
    json tinyChunks = good;
    tinyChunks["chunk_size"] = 10;
    refused(tinyChunks, "/chunk_size");
    EXPECT_FALSE(decodeManifest("{").ok());
    EXPECT_FALSE(decodeManifest(std::string(kMaxManifestBytes + 1, ' ')).ok());
}

}  // namespace
}  // namespace frontdesk::sync

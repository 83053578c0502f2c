#include "core/password.h"

#include <gtest/gtest.h>

#include <string>

namespace frontdesk::core {
namespace {

std::string hashOf(const std::string& secret) {
    auto hash = hashSecret(secret, HashStrength::Minimum);
    EXPECT_TRUE(hash.ok()) << hash.status().toString();
    return hash.ok() ? *hash : std::string();
}

TEST(Password, HashIsAnEncodedArgon2idString) {
    const std::string hash = hashOf("4711");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_NE(hash.find("$v=19$"), std::string::npos) << hash;
    // The clear PIN never appears in what is stored.
    EXPECT_EQ(hash.find("4711"), std::string::npos) << hash;
}

TEST(Password, VerifyAcceptsTheRightPinOnly) {
    const std::string hash = hashOf("4711");
    EXPECT_TRUE(verifySecret(hash, "4711"));
    EXPECT_FALSE(verifySecret(hash, "4712"));
    EXPECT_FALSE(verifySecret(hash, "471"));
    EXPECT_FALSE(verifySecret(hash, "47111"));
    EXPECT_FALSE(verifySecret(hash, "4711 "));
    EXPECT_FALSE(verifySecret(hash, ""));
}

TEST(Password, VerifyRejectsMalformedHashes) {
    const std::string hash = hashOf("4711");
    EXPECT_FALSE(verifySecret("", "4711"));
    EXPECT_FALSE(verifySecret("4711", "4711"));
    EXPECT_FALSE(verifySecret("$argon2id$", "4711"));
    EXPECT_FALSE(verifySecret("$argon2id$v=19$m=8,t=1,p=1$garbage$garbage", "4711"));
    EXPECT_FALSE(verifySecret(hash.substr(0, hash.size() / 2), "4711"));
    // Flipping one character of the digest breaks it.
    std::string tampered = hash;
    char& digit = tampered[tampered.size() - 10];
    digit = digit == 'A' ? 'B' : 'A';
    EXPECT_FALSE(verifySecret(tampered, "4711"));
}

// A hash from a seed is verified at every login: its cost is bounded before it is stored, or a
// planted hash could make each verification take gigabytes or minutes.
TEST(Password, EncodedHashesFromElsewhereAreCheckedForShapeAndCost) {
    EXPECT_TRUE(checkEncodedHash(hashOf("4711")).ok());
    auto interactive = hashSecret("4711", HashStrength::Interactive);
    ASSERT_TRUE(interactive.ok());
    EXPECT_TRUE(checkEncodedHash(*interactive).ok()) << *interactive;
    const std::string tail = "$c29tZXNhbHQ$ZGlnZXN0ZGlnZXN0ZGlnZXN0";
    EXPECT_TRUE(checkEncodedHash("$argon2id$v=19$m=262144,t=10,p=1" + tail).ok());
    const std::pair<std::string, std::string> refused[] = {
        {"$argon2id$v=19$m=4194304,t=2,p=1" + tail, "4194304 KiB of memory, more than 262144 KiB"},
        {"$argon2id$v=19$m=65536,t=1000,p=1" + tail, "1000 passes, more than 10"},
        {"$argon2id$v=19$m=65536,t=2,p=4" + tail, "one lane"},
        {"$argon2id$v=19$m=65536,t=2" + tail, "not m=...,t=...,p=..."},
        {"$argon2id$v=19$m=065536,t=2,p=1" + tail, "not m=...,t=...,p=..."},
        {"$argon2id$v=19$m=99999999999999999999,t=2,p=1" + tail, "not m=...,t=...,p=..."},
        {"$argon2i$v=19$m=65536,t=2,p=1" + tail, "not an Argon2id hash"},
        {"$argon2id$v=19$m=65536,t=2,p=1$" + std::string(200, 'A'), "not an Argon2id hash"},
    };
    for (const auto& [hash, why] : refused) {
        Status status = checkEncodedHash(hash);
        EXPECT_EQ(status.kind(), ErrorKind::InvalidArgument) << hash;
        EXPECT_NE(status.message().find(why), std::string::npos) << hash << ": " << status.message();
    }
}

TEST(Password, EmptySecretIsRejected) {
    auto hash = hashSecret("", HashStrength::Minimum);
    ASSERT_FALSE(hash.ok());
    EXPECT_EQ(hash.status().kind(), ErrorKind::InvalidArgument);
}

TEST(Password, TwoHashesOfTheSamePinDifferBecauseOfTheSalt) {
    const std::string first = hashOf("0000");
    const std::string second = hashOf("0000");
    EXPECT_NE(first, second);
    EXPECT_TRUE(verifySecret(first, "0000"));
    EXPECT_TRUE(verifySecret(second, "0000"));
}

TEST(Password, LongAndNonAsciiSecretsWork) {
    const std::string passphrase = "correct horse battery staple \xc3\xa4\xc3\xb6\xc3\xbc \xe2\x82\xac";
    const std::string hash = hashOf(passphrase);
    EXPECT_TRUE(verifySecret(hash, passphrase));
    EXPECT_FALSE(verifySecret(hash, passphrase.substr(0, passphrase.size() - 1)));
}

TEST(Password, InteractiveStrengthUsesStrongerParameters) {
    auto interactive = hashSecret("4711", HashStrength::Interactive);
    ASSERT_TRUE(interactive.ok());
    const std::string minimum = hashOf("4711");
    // libsodium's interactive limits: 64 MiB, 2 passes; the minimum is far below.
    EXPECT_NE(interactive->find("$m=65536,t=2,"), std::string::npos) << *interactive;
    EXPECT_EQ(minimum.find("$m=65536,"), std::string::npos) << minimum;
    EXPECT_TRUE(verifySecret(*interactive, "4711"));
    EXPECT_FALSE(verifySecret(*interactive, "1147"));
}

}  // namespace
}  // namespace frontdesk::core

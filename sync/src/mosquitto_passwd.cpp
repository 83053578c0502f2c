#include "sync/mosquitto_passwd.h"

#include <array>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace frontdesk::sync {

namespace {

core::Result<std::vector<unsigned char>> randomBytes(std::size_t count) {
    std::vector<unsigned char> bytes(count);
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        return core::Status(core::ErrorKind::Internal, "OpenSSL's random source failed (RAND_bytes)");
    }
    return bytes;
}

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3) + 1, '\0');  // EVP_EncodeBlock writes a terminating NUL
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

// Standard base64 with padding; false for anything else.
bool unbase64(std::string_view text, std::vector<unsigned char>& out) {
    if (text.empty() || text.size() % 4 != 0) return false;
    out.assign(text.size() / 4 * 3 + 1, 0);
    const int written =
        EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (written < 0) return false;
    // EVP_DecodeBlock counts the padding's zero bytes; drop them.
    std::size_t size = static_cast<std::size_t>(written);
    for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;
    out.resize(size);
    return true;
}

bool pbkdf2(std::string_view password, const std::vector<unsigned char>& salt, int iterations,
            std::array<unsigned char, kMosquittoHashBytes>& hash) {
    return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                             static_cast<int>(salt.size()), iterations, EVP_sha512(), static_cast<int>(hash.size()),
                             hash.data()) == 1;
}

}  // namespace

core::Result<std::string> randomBrokerPassword() {
    FD_ASSIGN(auto bytes, randomBytes(24));
    std::string text = base64(bytes.data(), bytes.size());
    for (char& c : text) {
        if (c == '+') c = '-';
        if (c == '/') c = '_';
    }
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

core::Result<std::string> mosquittoPasswordHash(std::string_view password) {
    FD_ASSIGN(auto salt, randomBytes(kMosquittoSaltBytes));
    std::array<unsigned char, kMosquittoHashBytes> hash{};
    if (!pbkdf2(password, salt, kMosquittoPbkdf2Iterations, hash)) {
        return core::Status(core::ErrorKind::Internal, "OpenSSL's PBKDF2-HMAC-SHA512 failed");
    }
    return "$7$" + std::to_string(kMosquittoPbkdf2Iterations) + "$" + base64(salt.data(), salt.size()) + "$" +
           base64(hash.data(), hash.size());
}

bool mosquittoPasswordMatches(std::string_view hash, std::string_view password) {
    const std::string prefix = "$7$" + std::to_string(kMosquittoPbkdf2Iterations) + "$";
    if (hash.substr(0, prefix.size()) != prefix) return false;
    hash.remove_prefix(prefix.size());
    const auto dollar = hash.find('$');
    if (dollar == std::string_view::npos) return false;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> expected;
    if (!unbase64(hash.substr(0, dollar), salt) || !unbase64(hash.substr(dollar + 1), expected)) return false;
    std::array<unsigned char, kMosquittoHashBytes> actual{};
    if (expected.size() != actual.size() || !pbkdf2(password, salt, kMosquittoPbkdf2Iterations, actual)) return false;
    return CRYPTO_memcmp(actual.data(), expected.data(), actual.size()) == 0;
}

}  // namespace frontdesk::sync

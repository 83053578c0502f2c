// Linked into fuzz targets that log staff in: caps the cost of every Argon2id hash the process
// makes at libsodium's minimum (the hash format, salt and verification stay real).
//
// Why: the terminal's PIN hashes are made at the minimum cost (HashStrength::Minimum), but a
// login with an unknown staff id verifies the PIN against a dummy hash made at the interactive
// cost (64 MiB, on purpose: it makes unknown and known ids take the same time), and a fuzzer
// tries unknown ids all the time. At the interactive cost every such line takes about 0.1 s
// and the fuzzer crawls. This file defines crypto_pwhash_str_alg in the executable, which
// takes precedence over libsodium's (ELF symbol interposition), and calls libsodium's own with
// the minimum limits. Production builds never link it.
#include <dlfcn.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>

extern "C" int crypto_pwhash_str_alg(char out[crypto_pwhash_STRBYTES], const char* const passwd,
                                     unsigned long long passwdlen, unsigned long long opslimit, size_t memlimit,
                                     int alg) {
    using Real = int (*)(char*, const char*, unsigned long long, unsigned long long, size_t, int);
    static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "crypto_pwhash_str_alg"));
    if (real == nullptr) {
        std::fprintf(stderr, "cheap_argon2: libsodium's crypto_pwhash_str_alg not found\n");
        std::abort();
    }
    (void)opslimit;
    (void)memlimit;
    return real(out, passwd, passwdlen, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, alg);
}

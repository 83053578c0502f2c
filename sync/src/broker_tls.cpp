#include "broker_tls.h"

#include <memory>

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace frontdesk::sync {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
    void operator()(X509* p) const { X509_free(p); }
};
struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
struct ExtFree {
    void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
};
struct BnFree {
    void operator()(BIGNUM* p) const { BN_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

// OpenSSL's error queue, emptied into one message.
core::Status opensslError(std::string_view what) {
    std::string message = "making the broker's TLS certificates: " + std::string(what) + " failed";
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        message += std::string("; ") + text;
    }
    return {core::ErrorKind::Internal, message};
}

constexpr long kDaySeconds = 24L * 60 * 60;

bool isIpLiteral(std::string_view host) {
    const std::string text(host);
    unsigned char buffer[16];
    return ::inet_pton(AF_INET, text.c_str(), buffer) == 1 || ::inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

core::Status addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        return opensslError(std::string("extension ") + OBJ_nid2sn(nid));
    return {};
}

// A certificate for `key`'s public half named `commonName`, valid from now for `days`, with a
// random 159-bit serial; the issuer fields are set by sign().
core::Result<Cert> newCertificate(EVP_PKEY* key, const std::string& commonName, long days) {
    Cert cert(X509_new());
    if (!cert) return opensslError("X509_new");
    std::unique_ptr<BIGNUM, BnFree> serial(BN_new());
    if (!serial || BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) == nullptr) {
        return opensslError("certificate serial number");
    }
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (X509_set_version(cert.get(), 2) != 1 ||                                       // v3
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kDaySeconds) == nullptr ||  // tolerate clock skew
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * kDaySeconds) == nullptr ||
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Frontdesk"), -1,
                                   -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0) != 1 ||
        X509_set_pubkey(cert.get(), key) != 1) {
        return opensslError("certificate fields");
    }
    return cert;
}

core::Status sign(X509* cert, X509* issuer, EVP_PKEY* issuerKey) {
    if (X509_set_issuer_name(cert, X509_get_subject_name(issuer)) != 1) return opensslError("issuer name");
    if (X509_sign(cert, issuerKey, EVP_sha256()) <= 0) return opensslError("X509_sign");
    return {};
}

core::Result<Pkey> newKey() {
    Pkey key(EVP_EC_gen("P-256"));
    if (!key) return opensslError("EC P-256 key generation");
    return key;
}

template <typename Write>
core::Result<std::string> pem(Write write) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || !write(bio.get())) return opensslError("PEM encoding");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

core::Result<BrokerTlsMaterial> makeBrokerTlsMaterial(std::string_view store, std::string_view host) {
    FD_ASSIGN(Pkey caKey, newKey());
    FD_ASSIGN(Cert ca, newCertificate(caKey.get(), "Frontdesk store " + std::string(store) + " broker CA", 3650));
    FD_TRY(addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0"));
    FD_TRY(addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign"));
    FD_TRY(addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash"));
    FD_TRY(sign(ca.get(), ca.get(), caKey.get()));

    FD_ASSIGN(Pkey serverKey, newKey());
    FD_ASSIGN(Cert server, newCertificate(serverKey.get(), std::string(host), 825));
    const std::string san = (isIpLiteral(host) ? "IP:" : "DNS:") + std::string(host);
    FD_TRY(addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE"));
    FD_TRY(addExtension(server.get(), ca.get(), NID_key_usage, "critical,digitalSignature"));
    FD_TRY(addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth"));
    FD_TRY(addExtension(server.get(), ca.get(), NID_subject_alt_name, san));
    FD_TRY(addExtension(server.get(), ca.get(), NID_subject_key_identifier, "hash"));
    FD_TRY(addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always"));
    FD_TRY(sign(server.get(), ca.get(), caKey.get()));

    BrokerTlsMaterial material;
    FD_ASSIGN(material.caCertPem, pem([&](BIO* bio) { return PEM_write_bio_X509(bio, ca.get()) == 1; }));
    FD_ASSIGN(material.serverCertPem, pem([&](BIO* bio) { return PEM_write_bio_X509(bio, server.get()) == 1; }));
    FD_ASSIGN(material.serverKeyPem, pem([&](BIO* bio) {
                  return PEM_write_bio_PrivateKey(bio, serverKey.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
              }));
    return material;
}

}  // namespace frontdesk::sync

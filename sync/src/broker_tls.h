#pragma once
// The broker's TLS material, made with OpenSSL's libcrypto (private to sync/src): a private CA
// (EC P-256, self-signed, 10 years) and a server certificate it signs for one host name or IP
// address (EC P-256, subjectAltName, serverAuth, about 2 years). The CA's key is not returned: it
// signs this one certificate and is dropped, so there is no CA key to guard; re-running the set-up
// makes a new CA and clients are given the new ca.crt.

#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::sync {

struct BrokerTlsMaterial {
    std::string caCertPem;
    std::string serverCertPem;
    std::string serverKeyPem;  // PKCS#8, unencrypted: the broker reads it at start
};

// `host` is a DNS name or an IPv4/IPv6 literal, validated by the caller. `store` names the CA.
[[nodiscard]] core::Result<BrokerTlsMaterial> makeBrokerTlsMaterial(std::string_view store, std::string_view host);

}  // namespace frontdesk::sync

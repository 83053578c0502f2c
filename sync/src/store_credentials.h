#pragma once
// credentials.json as a value (private to sync/src): the record of a store's broker users that
// the set-up writes and rewrites, and readBrokerLogin() reads. Format: broker_credentials.h.

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::sync {

struct StoreUser {
    std::string id;  // a terminal id, or "backoffice"
    std::string username;
    std::string password;
};

struct StoreCredentials {
    std::string store;
    std::string host;
    int port = 0;
    bool tls = false;
    std::string caFile;                // with TLS only
    std::vector<StoreUser> terminals;  // in the order they were added
    StoreUser backoffice;

    const StoreUser* find(std::string_view id) const;
};

// Reads and checks a credentials file (at most 1 MiB): the store and terminal ids valid, each
// terminal's username its client id, every password non-empty, the back office present. NotFound
// if the file is missing; InvalidArgument naming the file and what is wrong otherwise.
[[nodiscard]] core::Result<StoreCredentials> readStoreCredentials(const std::string& path);

// The JSON text, users in order: terminals, then the back office.
[[nodiscard]] std::string renderStoreCredentials(const StoreCredentials& credentials);

}  // namespace frontdesk::sync

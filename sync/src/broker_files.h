#pragma once
// The text of the broker's configuration files (private to sync/src): pure functions of
// validated input, so that what the set-up writes can be read in one place.

#include <filesystem>
#include <string>
#include <vector>

#include "store_credentials.h"

namespace frontdesk::sync {

struct MosquittoConfValues {
    std::string store;
    std::filesystem::path dir;  // absolute
    std::string runAsUser;
    std::string bind;
    int port = 0;
    bool tls = false;
    std::string tlsBind;
    int tlsPort = 0;
    std::string tlsHost;
};

[[nodiscard]] std::string renderMosquittoConf(const MosquittoConfValues& values);

// One explicit `user` block per terminal, then the back office's.
[[nodiscard]] std::string renderAcl(const StoreCredentials& credentials);

// One line per user, "username:hash", in the order given.
struct PasswdEntry {
    std::string username;
    std::string hash;
};
[[nodiscard]] std::string renderPasswd(const std::vector<PasswdEntry>& entries);

}  // namespace frontdesk::sync

#pragma once
// The people who use the back office (docs/backoffice.md, "Users and the HTTP API"): usernames
// with Argon2id password hashes and a role, sessions by bearer token, and a lockout after
// repeated failed logins. These are not the tills' staff (they log in at a terminal by PIN).
//
// Roles are ordered: a manager may do what a clerk may, an admin what a manager may.
//   clerk    reads every report, reconciles shifts without missing events, records stock documents
//   manager  also imports catalogs, reconciles with an override, erases customer data
//   admin    also manages users and stores
//
// A session token is 32 random bytes (hex); only its SHA-256 is stored. Failed logins count per
// username and per client address within a window; at the limit the key is locked for a while
// and even the right password is refused (Locked), which bounds guessing without letting a
// stranger lock an account forever.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/database.h"
#include "core/password.h"

namespace frontdesk::backoffice {

enum class Role { Clerk = 0, Manager = 1, Admin = 2 };

[[nodiscard]] std::string_view roleName(Role role);
// InvalidArgument naming the accepted roles.
[[nodiscard]] core::Result<Role> parseRole(std::string_view text);

struct AuthPolicy {
    int maxFailuresPerUser = 5;
    int maxFailuresPerAddress = 50;
    std::chrono::minutes failureWindow{15};
    std::chrono::minutes lockout{15};
    std::chrono::hours sessionLifetime{12};
    std::size_t minPasswordLength = 10;
    core::HashStrength strength = core::HashStrength::Interactive;
};

struct User {
    std::string username;
    Role role = Role::Clerk;
    std::string createdAt;
    bool disabled = false;
};

struct Session {
    std::string token;  // given once, at login; never stored
    std::string expiresAt;
    User user;
};

class Users {
public:
    Users(core::Database& db, const core::Clock& clock, AuthPolicy policy = {})
        : m_db(db), m_clock(clock), m_policy(policy) {}

    // InvalidArgument for a bad username (1-64 of a-z 0-9 . _ -) or a short password;
    // AlreadyExists for a taken username. Audited as actor.
    [[nodiscard]] core::Status add(const std::string& username, std::string_view password, Role role,
                                   const std::string& actor);
    // A new password ends every session of the user.
    [[nodiscard]] core::Status setPassword(const std::string& username, std::string_view password,
                                           const std::string& actor);
    // A disabled user cannot log in and their sessions end.
    [[nodiscard]] core::Status setDisabled(const std::string& username, bool disabled, const std::string& actor);
    [[nodiscard]] core::Result<std::vector<User>> list();

    // Unauthenticated for a wrong username or password (the same message for both); Locked while
    // the username or the address is locked out, saying until when.
    [[nodiscard]] core::Result<Session> login(const std::string& username, std::string_view password,
                                              const std::string& address);
    // The session's user: Unauthenticated when the token is unknown, expired, or the user disabled.
    [[nodiscard]] core::Result<User> authenticate(std::string_view token);
    [[nodiscard]] core::Status logout(std::string_view token);

private:
    // InvalidArgument for a password shorter than the policy's minimum.
    [[nodiscard]] core::Result<std::string> hashPassword(std::string_view password) const;
    [[nodiscard]] core::Status checkNotLocked(const std::string& key, const std::string& now);
    [[nodiscard]] core::Status recordFailure(const std::string& key, int limit, core::TimePoint now);
    [[nodiscard]] core::Result<User> find(const std::string& username, std::string* hash);
    [[nodiscard]] core::Status endSessions(const std::string& username);

    core::Database& m_db;
    const core::Clock& m_clock;
    AuthPolicy m_policy;
};

}  // namespace frontdesk::backoffice

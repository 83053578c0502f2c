#include "backoffice/users.h"

#include <array>
#include <mutex>

#include "backoffice/audit.h"
#include "core/ids.h"
#include "sync/dataset.h"

namespace frontdesk::backoffice {

using core::ErrorKind;
using core::Result;
using core::Status;

namespace {

constexpr std::array<std::string_view, 3> kRoleNames{"clerk", "manager", "admin"};

Status validateUsername(const std::string& username) {
    const bool ok = !username.empty() && username.size() <= 64 &&
                    username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
    if (ok) return {};
    return Status(ErrorKind::InvalidArgument,
                  "username: 1 to 64 characters of a-z, 0-9, '.', '_' and '-' (got \"" + username.substr(0, 64) + "\")");
}

// The hash an unknown username is checked against, so that a wrong username costs as much time as
// a wrong password and does not tell which usernames exist.
const std::string& decoyHash(core::HashStrength strength) {
    static std::mutex mutex;
    static std::array<std::string, 2> hashes;
    std::lock_guard lock(mutex);
    std::string& hash = hashes[strength == core::HashStrength::Interactive ? 0 : 1];
    if (hash.empty()) {
        auto made = core::hashSecret("decoy password", strength);
        if (made.ok()) hash = *made;
    }
    return hash;
}

}  // namespace

std::string_view roleName(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

Result<Role> parseRole(std::string_view text) {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
        if (kRoleNames[i] == text) return static_cast<Role>(i);
    }
    return Status(ErrorKind::InvalidArgument, "role: clerk, manager or admin (got \"" + std::string(text) + "\")");
}

Result<User> Users::find(const std::string& username, std::string* hash) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT role, created_at, disabled, password_hash FROM users WHERE username = ?"));
    User user;
    user.username = username;
    std::string role;
    FD_TRY(stmt->bind(1, username).firstRow(
        [&](const core::Statement& row) {
            role = row.text(0);
            user.createdAt = row.text(1);
            user.disabled = row.int64(2) != 0;
            if (hash) *hash = row.text(3);
        },
        "no user " + username));
    FD_ASSIGN(user.role, parseRole(role));
    return user;
}

Result<std::string> Users::hashPassword(std::string_view password) const {
    if (password.size() < m_policy.minPasswordLength) {
        return Status(ErrorKind::InvalidArgument,
                      "password: at least " + std::to_string(m_policy.minPasswordLength) + " characters");
    }
    return core::hashSecret(password, m_policy.strength);
}

Status Users::add(const std::string& username, std::string_view password, Role role, const std::string& actor) {
    FD_TRY(validateUsername(username));
    FD_ASSIGN(std::string hash, hashPassword(password));
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* exists, m_db.cached("SELECT 1 FROM users WHERE username = ?"));
    Status found = exists->bind(1, username).firstRow([](const core::Statement&) {}, "");
    if (found.ok()) return Status(ErrorKind::AlreadyExists, "username: " + username + " exists already");
    FD_ASSIGN(auto* insert, m_db.cached("INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)"));
    FD_TRY(insert->bindAll(username, hash, std::string(roleName(role)), now).run());
    FD_TRY(audit(m_db, {now, actor, "user.add", username, {{"role", roleName(role)}}}));
    return tx->commit();
}

Status Users::endSessions(const std::string& username) {
    FD_ASSIGN(auto* stmt, m_db.cached("DELETE FROM sessions WHERE username = ?"));
    return stmt->bind(1, username).run();
}

Status Users::setPassword(const std::string& username, std::string_view password, const std::string& actor) {
    FD_ASSIGN(std::string hash, hashPassword(password));
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(find(username, nullptr).status());
    FD_ASSIGN(auto* stmt, m_db.cached("UPDATE users SET password_hash = ? WHERE username = ?"));
    FD_TRY(stmt->bindAll(hash, username).run());
    FD_TRY(endSessions(username));
    FD_TRY(audit(m_db, {now, actor, "user.password", username, nlohmann::json::object()}));
    return tx->commit();
}

Status Users::setDisabled(const std::string& username, bool disabled, const std::string& actor) {
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(find(username, nullptr).status());
    FD_ASSIGN(auto* stmt, m_db.cached("UPDATE users SET disabled = ? WHERE username = ?"));
    FD_TRY(stmt->bindAll(disabled ? 1 : 0, username).run());
    if (disabled) FD_TRY(endSessions(username));
    FD_TRY(audit(m_db, {now, actor, disabled ? "user.disable" : "user.enable", username, nlohmann::json::object()}));
    return tx->commit();
}

Result<std::vector<User>> Users::list() {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT username, role, created_at, disabled FROM users ORDER BY username"));
    std::vector<User> users;
    Status bad;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        auto role = parseRole(row.text(1));
        if (!role.ok()) bad = role.status();
        users.push_back({row.text(0), role.ok() ? *role : Role::Clerk, row.text(2), row.int64(3) != 0});
    }));
    FD_TRY(bad);
    return users;
}

Status Users::checkNotLocked(const std::string& key, const std::string& now) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT locked_until FROM login_failures WHERE key = ? AND locked_until > ?"));
    std::string until;
    Status locked = stmt->bindAll(key, now).firstRow([&](const core::Statement& row) { until = row.text(0); }, "");
    if (locked.ok()) {
        return Status(ErrorKind::Locked, "too many failed logins: try again after " + until);
    }
    return {};
}

Status Users::recordFailure(const std::string& key, int limit, core::TimePoint now) {
    const std::string nowText = core::formatIso8601(now);
    const std::string windowStart = core::formatIso8601(now - m_policy.failureWindow);
    const std::string lockedUntil = core::formatIso8601(now + m_policy.lockout);
    // A failure outside the window starts a new one; reaching the limit locks the key.
    FD_ASSIGN(auto* stmt,
              m_db.cached("INSERT INTO login_failures (key, failures, window_start) VALUES (?1, 1, ?2)"
                          " ON CONFLICT(key) DO UPDATE SET"
                          " failures = CASE WHEN window_start < ?3 THEN 1 ELSE failures + 1 END,"
                          " window_start = CASE WHEN window_start < ?3 THEN ?2 ELSE window_start END"));
    FD_TRY(stmt->bindAll(key, nowText, windowStart).run());
    FD_ASSIGN(auto* lock, m_db.cached("UPDATE login_failures SET locked_until = ?, failures = 0, window_start = ?"
                                      " WHERE key = ? AND failures >= ?"));
    return lock->bindAll(lockedUntil, nowText, key, limit).run();
}

Result<Session> Users::login(const std::string& username, std::string_view password, const std::string& address) {
    const core::TimePoint now = m_clock.now();
    const std::string nowText = core::formatIso8601(now);
    const std::string userKey = "user:" + username.substr(0, 64);
    const std::string addressKey = "addr:" + address;
    FD_TRY(checkNotLocked(addressKey, nowText));
    FD_TRY(checkNotLocked(userKey, nowText));

    std::string hash;
    auto user = find(username, &hash);
    const bool matches = core::verifySecret(user.ok() ? hash : decoyHash(m_policy.strength), password);
    if (!user.ok() || !matches || user->disabled) {
        FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
        FD_TRY(recordFailure(userKey, m_policy.maxFailuresPerUser, now));
        FD_TRY(recordFailure(addressKey, m_policy.maxFailuresPerAddress, now));
        FD_TRY(tx->commit());
        return Status(ErrorKind::Unauthenticated, "wrong username or password");
    }
    Session session{core::randomToken(), core::formatIso8601(now + m_policy.sessionLifetime), *user};
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* clear, m_db.cached("DELETE FROM login_failures WHERE key = ?"));
    FD_TRY(clear->bind(1, userKey).run());
    // Expired sessions are swept at each login: the table holds only live ones.
    FD_ASSIGN(auto* sweep, m_db.cached("DELETE FROM sessions WHERE expires_at <= ?"));
    FD_TRY(sweep->bind(1, nowText).run());
    FD_ASSIGN(auto* insert, m_db.cached("INSERT INTO sessions (token_sha256, username, created_at, expires_at)"
                                        " VALUES (?, ?, ?, ?)"));
    FD_TRY(insert->bindAll(sync::sha256Hex(session.token), username, nowText, session.expiresAt).run());
    FD_TRY(tx->commit());
    return session;
}

Result<User> Users::authenticate(std::string_view token) {
    const Status refused(ErrorKind::Unauthenticated, "not logged in, or the session has expired");
    if (token.size() != 64) return refused;
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT username FROM sessions WHERE token_sha256 = ? AND expires_at > ?"));
    std::string username;
    if (!stmt->bindAll(sync::sha256Hex(token), core::formatIso8601(m_clock.now()))
             .firstRow([&](const core::Statement& row) { username = row.text(0); }, "")
             .ok()) {
        return refused;
    }
    auto user = find(username, nullptr);
    if (!user.ok() || user->disabled) return refused;
    return user;
}

Status Users::logout(std::string_view token) {
    FD_ASSIGN(auto* stmt, m_db.cached("DELETE FROM sessions WHERE token_sha256 = ?"));
    return stmt->bind(1, sync::sha256Hex(token)).run();
}

}  // namespace frontdesk::backoffice

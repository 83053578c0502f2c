#pragma once
// Status and Result<T>: the error type every module API returns.
//
// A Status is either ok or carries an ErrorKind (what class of failure, so callers can branch)
// and a message a person can act on ("unknown barcode 4006381333931"). No exception crosses a
// module API; code that calls throwing libraries converts at the boundary.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace frontdesk::core {

enum class ErrorKind {
    Ok = 0,
    InvalidArgument,     // the caller passed something malformed or out of range
    NotFound,            // a named thing does not exist
    AlreadyExists,       // a unique thing exists already
    PermissionDenied,    // the staff member's role may not do this (approval may help)
    Unauthenticated,     // wrong PIN / not logged in
    FailedPrecondition,  // the system is not in a state that allows this (no open shift, unpaid sale)
    Locked,              // account locked out after repeated failures
    Declined,            // an external party said no (card declined)
    Corrupt,             // stored data is damaged or is not ours
    DiskFull,            // storage is full; nothing was written
    ReadOnly,            // storage refuses writes; nothing was written
    Busy,                // storage is locked by another process past the timeout
    Unavailable,         // a device or peer cannot be reached right now
    Cancelled,           // the person at a device stopped it (a card payment cancelled on the terminal)
    TimedOut,            // a device or peer did not answer in time; nothing is known to have happened
    Internal,            // anything else; the message says what
};

[[nodiscard]] std::string_view errorKindName(ErrorKind kind);

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(ErrorKind kind, std::string message) : m_kind(kind), m_message(std::move(message)) {
        assert(kind != ErrorKind::Ok);
    }

    static Status okStatus() { return {}; }

    bool ok() const { return m_kind == ErrorKind::Ok; }
    explicit operator bool() const { return ok(); }
    ErrorKind kind() const { return m_kind; }
    const std::string& message() const { return m_message; }
    // "kind: message", for logs and the headless driver.
    std::string toString() const;

    // Prefixes context to the message, keeping the kind ("saving sale: disk full").
    Status withContext(std::string_view context) const;

private:
    ErrorKind m_kind = ErrorKind::Ok;
    std::string m_message;
};

inline Status invalidArgument(std::string m) {
    return {ErrorKind::InvalidArgument, std::move(m)};
}
inline Status notFound(std::string m) {
    return {ErrorKind::NotFound, std::move(m)};
}
inline Status permissionDenied(std::string m) {
    return {ErrorKind::PermissionDenied, std::move(m)};
}
inline Status failedPrecondition(std::string m) {
    return {ErrorKind::FailedPrecondition, std::move(m)};
}

// Result<T>: a value or an error Status. Accessing the value of an error is a programming error.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}                                   // NOLINT: implicit by design
    Result(Status status) : m_status(std::move(status)) { assert(!m_status.ok()); }  // NOLINT

    bool ok() const { return m_status.ok(); }
    explicit operator bool() const { return ok(); }
    const Status& status() const { return m_status; }

    T& value() & {
        assert(ok());
        return *m_value;
    }
    const T& value() const& {
        assert(ok());
        return *m_value;
    }
    T&& value() && {
        assert(ok());
        return std::move(*m_value);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    Status m_status;
    std::optional<T> m_value;
};

}  // namespace frontdesk::core

// Early return on error, for functions that return Status or Result<U>.
#define FD_TRY(expr)                                       \
    do {                                                   \
        ::frontdesk::core::Status fd_try_status_ = (expr); \
        if (!fd_try_status_.ok()) return fd_try_status_;   \
    } while (0)

#define FD_CONCAT_INNER(a, b) a##b
#define FD_CONCAT(a, b) FD_CONCAT_INNER(a, b)
// FD_ASSIGN(auto x, resultExpr): declares x from a Result's value or returns its error.
#define FD_ASSIGN(decl, expr) FD_ASSIGN_IMPL(FD_CONCAT(fd_result_, __LINE__), decl, expr)
#define FD_ASSIGN_IMPL(tmp, decl, expr) \
    auto tmp = (expr);                  \
    if (!tmp.ok()) return tmp.status(); \
    decl = std::move(tmp).value()

#include "core/status.h"

namespace frontdesk::core {

std::string_view errorKindName(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Ok:
            return "ok";
        case ErrorKind::InvalidArgument:
            return "invalid_argument";
        case ErrorKind::NotFound:
            return "not_found";
        case ErrorKind::AlreadyExists:
            return "already_exists";
        case ErrorKind::PermissionDenied:
            return "permission_denied";
        case ErrorKind::Unauthenticated:
            return "unauthenticated";
        case ErrorKind::FailedPrecondition:
            return "failed_precondition";
        case ErrorKind::Locked:
            return "locked";
        case ErrorKind::Declined:
            return "declined";
        case ErrorKind::Corrupt:
            return "corrupt";
        case ErrorKind::DiskFull:
            return "disk_full";
        case ErrorKind::ReadOnly:
            return "read_only";
        case ErrorKind::Busy:
            return "busy";
        case ErrorKind::Unavailable:
            return "unavailable";
        case ErrorKind::Cancelled:
            return "cancelled";
        case ErrorKind::TimedOut:
            return "timed_out";
        case ErrorKind::Internal:
            return "internal";
    }
    return "unknown";
}

std::string Status::toString() const {
    if (ok()) return "ok";
    return std::string(errorKindName(m_kind)) + ": " + m_message;
}

Status Status::withContext(std::string_view context) const {
    if (ok()) return *this;
    return {m_kind, std::string(context) + ": " + m_message};
}

}  // namespace frontdesk::core

#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace frontdesk::sync {

namespace {

core::Status systemError(const std::string& what, const std::filesystem::path& path, int error) {
    const auto kind = (error == ENOSPC || error == EDQUOT)  ? core::ErrorKind::DiskFull
                      : error == EROFS                      ? core::ErrorKind::ReadOnly
                      : (error == EACCES || error == EPERM) ? core::ErrorKind::PermissionDenied
                                                            : core::ErrorKind::Internal;
    return {kind, "cannot " + what + " " + path.string() + ": " + std::strerror(error)};
}

// Closes the descriptor and removes the temporary file unless the write went through.
class TempFile {
public:
    explicit TempFile(std::string path) : m_path(std::move(path)) {}
    ~TempFile() {
        if (m_fd >= 0) ::close(m_fd);
        if (!m_renamed) ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int m_fd = -1;
    bool m_renamed = false;
    std::string m_path;
};

}  // namespace

core::Status writeFileAtomically(const std::filesystem::path& path, std::string_view contents, mode_t mode) {
    TempFile temp(path.string() + ".tmp-XXXXXX");
    temp.m_fd = ::mkostemp(temp.m_path.data(), O_CLOEXEC);  // created with mode 0600
    if (temp.m_fd < 0) return systemError("create a temporary file for", path, errno);
    if (::fchmod(temp.m_fd, mode) != 0) return systemError("set the mode of", path, errno);
    std::size_t done = 0;
    while (done < contents.size()) {
        const ssize_t n = ::write(temp.m_fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return systemError("write", path, errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(temp.m_fd) != 0) return systemError("flush", path, errno);
    if (::close(temp.m_fd) != 0) {
        temp.m_fd = -1;
        return systemError("close", path, errno);
    }
    temp.m_fd = -1;
    if (::rename(temp.m_path.c_str(), path.c_str()) != 0) return systemError("replace", path, errno);
    temp.m_renamed = true;
    // The rename itself must reach the disk too.
    const auto parent = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    const int dirFd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0) return systemError("open the directory of", path, errno);
    const int rc = ::fsync(dirFd);
    const int error = errno;
    ::close(dirFd);
    if (rc != 0) return systemError("flush the directory of", path, error);
    return {};
}

}  // namespace frontdesk::sync

#pragma once
// TempDir: a fresh directory under $TMPDIR (or /tmp), removed with its contents when the object
// goes away. Shared by tests and benchmarks. Benchmarks commit with synchronous=FULL, so TMPDIR
// decides which disk's fsync they measure: a tmpfs /tmp makes every fsync free.

#include <filesystem>
#include <string>

namespace frontdesk::kiosk::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace frontdesk::kiosk::testing

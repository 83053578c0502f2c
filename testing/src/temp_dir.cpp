#include "testing/temp_dir.h"

#include <stdexcept>
#include <stdlib.h>
#include <system_error>

namespace frontdesk::kiosk::testing {

TempDir::TempDir() {
    // mkdtemp replaces the template's last six characters, which must be 'X'.
    std::string pattern = (std::filesystem::temp_directory_path() / "frontdesk-").string() + std::string(6, 'X');
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temp dir from " + pattern);
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

}  // namespace frontdesk::kiosk::testing

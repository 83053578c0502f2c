#pragma once
// What the back-office tests share: a fresh back-office database serving store s1 in EUR with
// the standard seed's tax rules (inclusive, per line, half up).

#include <memory>
#include <stdexcept>

#include "backoffice/backoffice_db.h"
#include "testing/temp_dir.h"

namespace frontdesk::backoffice::testing {

inline std::unique_ptr<core::Database> openStoreS1(const kiosk::testing::TempDir& dir) {
    auto opened = openBackOfficeDb(dir.file("bo.db"), true);
    if (!opened.ok()) throw std::runtime_error(opened.status().toString());
    if (core::Status saved = saveStore(**opened, {"s1", "EUR", {}}); !saved.ok()) throw std::runtime_error(saved.toString());
    return std::move(opened).value();
}

}  // namespace frontdesk::backoffice::testing

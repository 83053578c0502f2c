#pragma once
// Quarantine: what an import could not apply, kept with its reason so that nothing valid is
// lost and nothing invalid is applied (seed files now, master-data datasets later).
//
// It never keeps anything that may be a secret: every value under a key that looks like one
// (pin, password, secret, token, hash, credential; any case, at any depth) is replaced, a staff
// entry keeps only its id, name and role, and an entry that is not an object, or nests deeper
// than kMaxDepth, is not kept at all. Re-importing an identical entry does not add the same row
// again. Call inside the import's transaction. Same thread as its Database.

#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"

namespace frontdesk::kiosk {

class Quarantine {
public:
    static constexpr int kMaxDepth = 32;

    Quarantine(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}
    Quarantine(const Quarantine&) = delete;
    Quarantine& operator=(const Quarantine&) = delete;

    enum class Kind { Entry, StaffEntry };
    // source: what delivered it ("seed:item"); key: the entry's id as given (quoted in part).
    [[nodiscard]] core::Status keep(const std::string& source, const std::string& key, const std::string& reason,
                                    const nlohmann::json& raw, Kind kind = Kind::Entry);

    // What keep() would store for raw: secrets replaced, staff entries cut to their safe fields.
    [[nodiscard]] static nlohmann::json safeCopy(const nlohmann::json& raw, Kind kind);

private:
    core::Database& m_db;
    const core::Clock& m_clock;
};

}  // namespace frontdesk::kiosk

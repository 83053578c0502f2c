#pragma once
// One read transaction for a whole report, so that its figures are one moment's even while
// `serve` writes (WAL readers see the snapshot taken at their first read).

#include "core/database.h"

namespace frontdesk::backoffice {

class ReadTransaction {
public:
    explicit ReadTransaction(core::Database& db) : m_db(db), m_open(db.exec("BEGIN").ok()) {}
    ~ReadTransaction() {
        if (m_open) (void)m_db.exec("COMMIT");
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    core::Database& m_db;
    bool m_open;
};

}  // namespace frontdesk::backoffice

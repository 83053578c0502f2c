#pragma once
// Connections to the back-office database for the HTTP API's worker threads. A core::Database is
// one SQLite connection and is used by one thread at a time; a request leases one for its
// duration and gives it back, so connections (and their prepared statements) are reused and
// there are never more than the server has threads.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "backoffice/backoffice_db.h"

namespace frontdesk::backoffice {

class ConnectionPool {
public:
    explicit ConnectionPool(std::string path) : m_path(std::move(path)) {}

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<core::Database> db) : m_pool(&pool), m_db(std::move(db)) {}
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) noexcept = default;
        ~Lease() {
            if (m_db) m_pool->giveBack(std::move(m_db));
        }
        core::Database& db() { return *m_db; }

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<core::Database> m_db;
    };

    core::Result<Lease> acquire() {
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                auto db = std::move(m_idle.back());
                m_idle.pop_back();
                return Lease(*this, std::move(db));
            }
        }
        FD_ASSIGN(auto db, openBackOfficeDb(m_path, false));
        return Lease(*this, std::move(db));
    }

private:
    void giveBack(std::unique_ptr<core::Database> db) {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(db));
    }

    std::string m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<core::Database>> m_idle;
};

}  // namespace frontdesk::backoffice

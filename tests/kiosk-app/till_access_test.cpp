// The database's integrity check after the first frame: till actions wait for its answer, and a
// damaged database keeps them refused, saying so.
#include "kiosk/app/till_access.h"

#include <QSignalSpy>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "kiosk/app/sale_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class TillAccessTest : public ::testing::Test {
protected:
    TillAccessTest() : access(*t.till), sale(access) { t.startShift(); }
    void awaitAnswer() {
        QSignalSpy answered(&access, &TillAccess::busyChanged);
        ASSERT_TRUE(answered.wait(10000)) << "the check never answered";
    }
    Terminal t;
    TillAccess access;
    SaleViewModel sale;
};

TEST_F(TillAccessTest, TillActionsWaitForTheChecksAnswer) {
    ASSERT_TRUE(access.checkDatabase(t.dir.file("terminal.db")));
    EXPECT_TRUE(access.busy());
    EXPECT_FALSE(sale.scan(kApple));
    EXPECT_EQ(sale.message(), "One moment: the till is checking its records");
    EXPECT_FALSE(access.checkDatabase(t.dir.file("terminal.db"))) << "one check at a time";
    awaitAnswer();
    EXPECT_FALSE(access.busy());
    EXPECT_TRUE(access.fault().isEmpty()) << access.fault().toStdString();
    EXPECT_TRUE(sale.scan(kApple)) << sale.message().toStdString();
}

TEST_F(TillAccessTest, ADamagedDatabaseKeepsEveryActionRefusedWithTheReason) {
    ASSERT_TRUE(t.db->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    const std::string damaged = t.dir.file("damaged.db");
    std::filesystem::copy_file(t.dir.file("terminal.db"), damaged);
    {
        // Every page after the first (the schema) overwritten: the tables' pages are garbage.
        std::fstream file(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(std::filesystem::file_size(damaged));
        file.seekp(4096);
        for (std::streamoff at = 4096; at < size; ++at) file.put(static_cast<char>(0x5a));
    }
    ASSERT_TRUE(access.checkDatabase(damaged));
    awaitAnswer();
    EXPECT_TRUE(access.busy()) << "nothing more is recorded on a damaged database";
    EXPECT_NE(access.fault().indexOf("damaged"), -1) << access.fault().toStdString();
    EXPECT_FALSE(sale.scan(kApple));
    EXPECT_EQ(sale.message(), access.fault());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE type = 'sale.completed'"), 0);
}

}  // namespace
}  // namespace frontdesk::kiosk::app

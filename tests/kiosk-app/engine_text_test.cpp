// The engine's sentences on the screens in Persian: every sentence listed for translation is still
// the engine's own text (so none silently stops being translated), each has its Persian, and a
// refusal made by the engine shows translated.
#include <QCoreApplication>
#include <QTranslator>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/app/engine_messages.h"
#include "kiosk/app/sale_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

std::string engineSources() {
    std::string all;
    for (const auto& file : std::filesystem::directory_iterator(FRONTDESK_SOURCE_DIR "/kiosk/engine/src")) {
        std::ifstream in(file.path());
        std::stringstream text;
        text << in.rdbuf();
        all += text.str();
    }
    return all;
}

// The Persian translation installed, as --language fa installs it (without the layout direction,
// which needs a GUI application), for the test's lifetime.
class EngineTextTest : public ::testing::Test {
protected:
    ~EngineTextTest() override { QCoreApplication::removeTranslator(&translator); }
    bool persian() {
        return translator.load(QStringLiteral(":/i18n/frontdesk_fa.qm")) &&
               QCoreApplication::installTranslator(&translator);
    }
    QTranslator translator;
};

TEST_F(EngineTextTest, EverySentenceListedIsStillTheEnginesOwn) {
    const std::string sources = engineSources();
    ASSERT_FALSE(sources.empty());
    ASSERT_GE(engineMessages().size(), 30u);
    for (const char* message : engineMessages()) {
        EXPECT_NE(sources.find('"' + std::string(message) + '"'), std::string::npos)
            << "the engine no longer says: " << message;
    }
}

TEST_F(EngineTextTest, EverySentenceListedHasItsPersian) {
    ASSERT_TRUE(persian());
    for (const char* message : engineMessages()) {
        const QString persian = QCoreApplication::translate("Engine", message);
        EXPECT_NE(persian, QString::fromUtf8(message)) << "no Persian for: " << message;
    }
}

TEST_F(EngineTextTest, AnEngineRefusalShowsInPersian) {
    testing::Terminal t;
    t.startShift();
    TillAccess access(*t.till);
    SaleViewModel sale(access);
    ASSERT_TRUE(persian());
    EXPECT_FALSE(sale.complete());
    EXPECT_EQ(sale.message(), QCoreApplication::translate("Engine", "nothing to complete: the sale is empty"));
    EXPECT_NE(sale.message(), "nothing to complete: the sale is empty");
    QCoreApplication::removeTranslator(&translator);
    EXPECT_FALSE(sale.complete());
    EXPECT_EQ(sale.message(), "nothing to complete: the sale is empty") << "English is the engine's own words";
}

}  // namespace
}  // namespace frontdesk::kiosk::app

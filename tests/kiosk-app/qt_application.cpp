// One QCoreApplication for the whole run: events are delivered through it, and queued calls (a
// card payment's answer, a print's outcome) need its event loop. Gone before the process's static
// objects (Qt's among them) are destroyed.
#include <QCoreApplication>
#include <memory>

#include <gtest/gtest.h>

namespace {

class QtApplication : public ::testing::Environment {
public:
    void SetUp() override {
        static char name[] = "kiosk_app_tests";
        static char* argv[] = {name, nullptr};
        m_app = std::make_unique<QCoreApplication>(m_argc, argv);
    }
    void TearDown() override { m_app.reset(); }

private:
    int m_argc = 1;
    std::unique_ptr<QCoreApplication> m_app;
};
[[maybe_unused]] ::testing::Environment* const qtApplication = ::testing::AddGlobalTestEnvironment(new QtApplication);

}  // namespace

#pragma once
// The touchscreen app around a till: the view models, the QML engine and the window. main.cpp
// calls runKioskApp() when it is not --headless; everything else stays there.

#include <chrono>
#include <functional>
#include <string>

#include "kiosk/payment.h"
#include "kiosk/receipts/till_printer.h"
#include "kiosk/till.h"
#include "sync/relay.h"

namespace frontdesk::kiosk::app {

struct AppOptions {
    std::string mode = "cashier";  // cashier, reception or self-service
    bool selfTest = false;         // load every screen offscreen, exit 1 on any QML warning
    std::string screenshots;       // with selfTest: a folder for each screen as NAME.png
    std::string demoSession;       // a folder: the demo's session offscreen, a screenshot per step
    int lockAfterSeconds = 120;    // the till locks after this long without input; 0 never
    std::string language = "en";   // the screens' language: en or fa (language.h)
    bool onScreenKeyboard = true;  // Qt Virtual Keyboard for the fields (off: a hardware keyboard)
    // Start-up measured (bench/run_benchmarks.sh): offscreen, exit once the first frame is drawn,
    // printing the time since `started` (main's first line) and the peak resident memory.
    bool firstFrame = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// What the app drives; each outlives the app.
struct AppServices {
    Till& till;
    const core::Clock& clock;
    FakePaymentAdapter* simulatedTerminal = nullptr;  // the simulated card terminal, whose answers the demo sets
    receipts::TillPrinter* printer = nullptr;         // null when the till has no receipt printer
    std::function<sync::SyncStatus()> syncStatus;     // null when the till does not sync
    // The terminal database, opened without its integrity check: checked once the first frame is
    // up (TillAccess::checkDatabase). "" when it was checked at open.
    std::string uncheckedDatabase;
};

// Runs the Qt event loop until the window closes (or, for a self-test, until every screen has
// loaded): the exit code. argc/argv are Qt's (platform, style).
int runKioskApp(int& argc, char** argv, const AppServices& services, const AppOptions& options);

}  // namespace frontdesk::kiosk::app

#include "kiosk/app/kiosk_app.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTranslator>
#include <atomic>
#include <chrono>
#include <iostream>

#include <QtQml/qqmlextensionplugin.h>
#include <sys/resource.h>

#include "demo_session.h"
#include "kiosk/app/idle_watch.h"
#include "kiosk/app/item_browser.h"
#include "kiosk/app/language.h"
#include "kiosk/app/printer_view_model.h"
#include "kiosk/app/queue_view_model.h"
#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/refund_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/scan_router.h"
#include "kiosk/app/scanner_input.h"
#include "kiosk/app/self_service_view_model.h"
#include "kiosk/app/session_view_model.h"
#include "kiosk/app/shift_view_model.h"
#include "kiosk/app/status_view_model.h"
#include "screen_tour.h"

// The QML module Frontdesk.Kiosk is built as a static plugin (kiosk/app/CMakeLists.txt).
Q_IMPORT_QML_PLUGIN(Frontdesk_KioskPlugin)

namespace frontdesk::kiosk::app {

namespace {

std::atomic<int> g_warnings{0};
QtMessageHandler g_previous = nullptr;

// A self-test fails on any QML warning: a binding that cannot resolve, a missing property, a type
// that does not load. Those come in the qml and js categories, or name the .qml file; the
// platform's own notes (no XDG_RUNTIME_DIR in CI) do not count.
void countWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    const bool qml = category == QLatin1String("qml") || category == QLatin1String("js") ||
                     category.startsWith(QLatin1String("qt.qml")) || message.contains(QLatin1String(".qml"));
    if (type != QtDebugMsg && type != QtInfoMsg && qml) ++g_warnings;
    if (g_previous) {
        g_previous(type, context, message);
    } else {
        std::cerr << qPrintable(qFormatLogMessage(type, context, message)) << "\n";
    }
}

// Waits for the window's first frame, then says how long the start took and the peak memory.
int firstFrame(QGuiApplication& application, QQmlApplicationEngine& engine,
               std::chrono::steady_clock::time_point started) {
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (!window) return 1;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &application,
        [&application, started] {
            const auto took =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
            rusage usage{};
            ::getrusage(RUSAGE_SELF, &usage);
            std::cout << "first frame: " << took.count() << " us, peak rss " << usage.ru_maxrss << " KiB, "
                      << g_warnings.load() << " warnings\n";
            application.exit(g_warnings.load() == 0 ? 0 : 1);
        },
        Qt::SingleShotConnection);
    return application.exec();
}

}  // namespace

int runKioskApp(int& argc, char** argv, const AppServices& services, const AppOptions& options) {
    if (options.selfTest || !options.demoSession.empty() || options.firstFrame) {
        g_previous = qInstallMessageHandler(countWarnings);
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // No GPU in CI: Qt Quick's software renderer draws the same scene graph.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    // The on-screen keyboard is an input method: chosen before the application starts.
    if (options.onScreenKeyboard && qEnvironmentVariableIsEmpty("QT_IM_MODULE")) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }
    QGuiApplication application(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));  // the theme's sizes and colours, on every platform
    QTranslator translator;
    if (const core::Status language = useLanguage(QString::fromStdString(options.language), translator);
        !language.ok()) {
        std::cerr << "frontdesk-kiosk: --language: " << language.message() << "\n";
        return 2;
    }
    TillAccess access(services.till);  // made first, destroyed last: the view models use it
    SessionViewModel session(access);
    SaleViewModel sale(access);
    ShiftViewModel shift(access);
    ReceptionViewModel reception(access);
    QueueViewModel queue(access);
    SelfServiceViewModel selfService(access, session, sale, reception);
    RefundViewModel refund(access);
    ItemBrowser browser(access);
    StatusViewModel status(
        {services.syncStatus, services.printer ? &services.printer->printer().service() : nullptr,
         QObject::tr("keyboard scanner"),
         services.simulatedTerminal ? QObject::tr("simulated card terminal") : QObject::tr("card terminal")},
        services.clock);
    PrinterViewModel printer(access, services.printer);
    // The receipt prints after the commit, never before; the drawer opens first when cash moved.
    QObject::connect(&sale, &SaleViewModel::committed, &printer, [&] {
        if (sale.printsLastReceipt()) {
            printer.printSale(sale.lastCommitted(), session.staffName());
        } else if (movesCash(sale.lastCommitted())) {
            printer.openDrawer();  // the receipt is on the screen; the change is in the drawer
        }
    });
    QObject::connect(&refund, &RefundViewModel::committed, &printer,
                     [&](const Committed& done) { printer.printSale(done, session.staffName()); });
    QObject::connect(&shift, &ShiftViewModel::reportReady, &printer,
                     [&](const ShiftReport& report) { printer.printReport(report, session.staffName()); });
    QObject::connect(&shift, &ShiftViewModel::drawerWanted, &printer, &PrinterViewModel::openDrawer);
    QObject::connect(&reception, &ReceptionViewModel::badgeReady, &printer, &PrinterViewModel::printBadge);
    QObject::connect(&queue, &QueueViewModel::ticketReady, &printer, &PrinterViewModel::printTicket);
    // The keyboard-wedge scanner, on every screen, whatever has focus: the router says what a code
    // means now (a staff badge, an item, a booking, ...).
    ScannerInput scanner;
    application.installEventFilter(&scanner);
    ScanRouter router({session,
                       sale,
                       reception,
                       selfService,
                       refund,
                       {sale.approval(), shift.approval(), refund.approval()},
                       options.mode == "reception"});
    QObject::connect(&scanner, &ScannerInput::scanned, &sale, [&router](const QString& code) { router.route(code); });
    // After a while without input a staffed till locks (the sale stays for the next login) and a
    // self-service till goes back to its welcome screen, the customer forgotten. A card payment in
    // progress is never interrupted (both refuse while the terminal waits).
    IdleWatch idleWatch(
        std::chrono::seconds(options.selfTest || !options.demoSession.empty() ? 0 : options.lockAfterSeconds));
    application.installEventFilter(&idleWatch);
    QObject::connect(&idleWatch, &IdleWatch::idle, &session, [&session, &selfService] {
        if (selfService.unattended()) {
            selfService.reset();
        } else if (session.loggedIn()) {
            session.logout();
        }
    });
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{"session", QVariant::fromValue(&session)},
                                 {"sale", QVariant::fromValue(&sale)},
                                 {"printer", QVariant::fromValue(&printer)},
                                 {"shift", QVariant::fromValue(&shift)},
                                 {"reception", QVariant::fromValue(&reception)},
                                 {"queue", QVariant::fromValue(&queue)},
                                 {"selfService", QVariant::fromValue(&selfService)},
                                 {"refund", QVariant::fromValue(&refund)},
                                 {"browser", QVariant::fromValue(&browser)},
                                 {"status", QVariant::fromValue(&status)},
                                 {"mode", QString::fromStdString(options.mode)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Frontdesk/Kiosk/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::cerr << "frontdesk-kiosk: the screens did not load\n";
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) {
        std::cerr << "frontdesk-kiosk: the root object is not a window\n";
        return 1;
    }
    // The integrity check waits for the first frame, so the screen comes up at once; the till
    // refuses actions until it answers.
    if (!services.uncheckedDatabase.empty()) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &access,
            [&access, path = services.uncheckedDatabase] { access.checkDatabase(path); }, Qt::SingleShotConnection);
    }
    if (options.firstFrame) return firstFrame(application, engine, options.started);
    if (!options.selfTest && options.demoSession.empty()) return application.exec();
    std::vector<TourStep> steps;
    std::string screenshots = options.screenshots;
    if (!options.demoSession.empty()) {
        steps = demoSession({access, session, sale, shift, reception, printer, queue, selfService}, *window,
                            services.simulatedTerminal);
        screenshots = options.demoSession;
    } else {
        // Every screen, each until it has drawn a frame.
        for (const char* screen : {"login", "sale", "shift", "reception", "refund", "lane", "customer"}) {
            const QString name = QString::fromLatin1(screen);
            steps.push_back({name, [window, name] { window->setProperty("selfTestScreen", name); }, {}});
        }
        // The customers' panels, each in turn on the customer screen.
        steps.push_back({QStringLiteral("customer-checkout"),
                         [window, &selfService] {
                             QGuiApplication::inputMethod()->hide();
                             window->setProperty("selfTestScreen", QStringLiteral("customer"));
                             selfService.startCheckout();
                         },
                         {}});
        steps.push_back({QStringLiteral("customer-checkin"), [&selfService] { selfService.startCheckIn(); }, {}});
    }
    // A bound stops a tour whose window never draws or whose step is never ready (it fails).
    const int drawn = runTour(application, *window, steps, screenshots, std::chrono::seconds(60));
    const int warnings = g_warnings.load();
    std::cout << (options.selfTest ? "self-test" : "demo session") << ": mode " << options.mode << ", language "
              << options.language << ", " << drawn << " of " << steps.size() << " steps drawn, " << warnings
              << " warnings\n";
    return drawn == static_cast<int>(steps.size()) && warnings == 0 ? 0 : 1;
}

}  // namespace frontdesk::kiosk::app

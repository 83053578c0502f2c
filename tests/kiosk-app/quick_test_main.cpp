// Qt Quick Test: the screens' main flows, offscreen, over a real till (tests/kiosk-app/qml/).
// Each test function starts from harness.reset(): a fresh provisioned terminal with a shift open,
// and fresh view models over it, which the QML test hands to the window it creates.
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTranslator>
#include <QtQuickTest>
#include <memory>

#include <QtQml/qqmlextensionplugin.h>

#include "kiosk/app/item_browser.h"
#include "kiosk/app/language.h"
#include "kiosk/app/printer_view_model.h"
#include "kiosk/app/queue_view_model.h"
#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/refund_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/scan_router.h"
#include "kiosk/app/self_service_view_model.h"
#include "kiosk/app/session_view_model.h"
#include "kiosk/app/shift_view_model.h"
#include "kiosk/app/status_view_model.h"
#include "testing/terminal.h"

Q_IMPORT_QML_PLUGIN(Frontdesk_KioskPlugin)

namespace frontdesk::kiosk::app {

class Harness : public QObject {
    Q_OBJECT
    Q_PROPERTY(QObject* session READ session NOTIFY changed)
    Q_PROPERTY(QObject* sale READ sale NOTIFY changed)
    Q_PROPERTY(QObject* printer READ printer NOTIFY changed)
    Q_PROPERTY(QObject* shift READ shift NOTIFY changed)
    Q_PROPERTY(QObject* reception READ reception NOTIFY changed)
    Q_PROPERTY(QObject* queue READ queue NOTIFY changed)
    Q_PROPERTY(QObject* selfService READ selfService NOTIFY changed)
    Q_PROPERTY(QObject* refund READ refund NOTIFY changed)
    Q_PROPERTY(QObject* browser READ browser NOTIFY changed)
    Q_PROPERTY(QObject* status READ status NOTIFY changed)

public:
    QObject* session() { return m_session.get(); }
    QObject* sale() { return m_sale.get(); }
    QObject* printer() { return m_printer.get(); }
    QObject* shift() { return m_shift.get(); }
    QObject* reception() { return m_reception.get(); }
    QObject* queue() { return m_queue.get(); }
    QObject* selfService() { return m_selfService.get(); }
    QObject* refund() { return m_refund.get(); }
    QObject* browser() { return m_browser.get(); }
    QObject* status() { return m_status.get(); }

    // A fresh terminal (the standard seed, with the reception tables when desk: testing::deskSeed)
    // with a shift open by c1 (Cass), logged in or not.
    Q_INVOKABLE void reset(bool loggedIn, bool desk = false) {
        m_router.reset();
        m_status.reset();
        m_browser.reset();
        m_refund.reset();
        m_selfService.reset();
        m_queue.reset();
        m_reception.reset();
        m_shift.reset();
        m_printer.reset();
        m_sale.reset();
        m_session.reset();
        m_access.reset();
        m_terminal = std::make_unique<testing::Terminal>(desk ? testing::deskSeed() : testing::standardSeed());
        m_terminal->startShift();
        if (!loggedIn) m_terminal->session().logout();
        m_access = std::make_unique<TillAccess>(*m_terminal->till);
        m_session = std::make_unique<SessionViewModel>(*m_access);
        m_sale = std::make_unique<SaleViewModel>(*m_access);
        m_printer = std::make_unique<PrinterViewModel>(*m_access, nullptr);
        m_shift = std::make_unique<ShiftViewModel>(*m_access);
        m_reception = std::make_unique<ReceptionViewModel>(*m_access);
        m_queue = std::make_unique<QueueViewModel>(*m_access);
        m_selfService = std::make_unique<SelfServiceViewModel>(*m_access, *m_session, *m_sale, *m_reception);
        m_refund = std::make_unique<RefundViewModel>(*m_access);
        m_browser = std::make_unique<ItemBrowser>(*m_access);
        m_status = std::make_unique<StatusViewModel>(StatusViewModel::Sources{}, m_terminal->clock);
        m_router = std::make_unique<ScanRouter>(
            ScanRouter::Screens{*m_session,
                                *m_sale,
                                *m_reception,
                                *m_selfService,
                                *m_refund,
                                {m_sale->approval(), m_shift->approval(), m_refund->approval()},
                                desk});
        emit changed();
    }
    // What the scanner reads, routed as the app routes it: a staff badge, an item, a booking.
    Q_INVOKABLE void scan(const QString& code) { m_router->route(code); }
    // The standard seed's staff badges (testing/terminal.h).
    Q_INVOKABLE QString badge(const QString& staff) const {
        return QString::fromLatin1(staff == QLatin1String("s1") ? testing::kBadgeSue : testing::kBadgeCass);
    }
    // The screens' language, as --language sets it; the QML retranslated at once.
    Q_INVOKABLE bool useLanguage(const QString& code) {
        const bool done = app::useLanguage(code, m_translator).ok();
        if (m_engine) m_engine->retranslate();
        return done;
    }
    void setEngine(QQmlEngine* engine) { m_engine = engine; }
    // The simulated card terminal's next answer.
    Q_INVOKABLE void declineNext(const QString& reason) { m_terminal->payments.declineNext(reason.toStdString()); }
    Q_INVOKABLE int rows(const QString& table) {
        return static_cast<int>(testing::queryInt(*m_terminal->db, "SELECT count(*) FROM " + table.toStdString()));
    }

signals:
    void changed();

private:
    QTranslator m_translator;
    QQmlEngine* m_engine = nullptr;
    std::unique_ptr<testing::Terminal> m_terminal;
    std::unique_ptr<TillAccess> m_access;
    std::unique_ptr<SessionViewModel> m_session;
    std::unique_ptr<SaleViewModel> m_sale;
    std::unique_ptr<PrinterViewModel> m_printer;
    std::unique_ptr<ShiftViewModel> m_shift;
    std::unique_ptr<ReceptionViewModel> m_reception;
    std::unique_ptr<QueueViewModel> m_queue;
    std::unique_ptr<SelfServiceViewModel> m_selfService;
    std::unique_ptr<RefundViewModel> m_refund;
    std::unique_ptr<ItemBrowser> m_browser;
    std::unique_ptr<StatusViewModel> m_status;
    std::unique_ptr<ScanRouter> m_router;
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        // No GPU in CI: Qt Quick's software renderer draws the same scene graph.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("harness"), &m_harness);
        m_harness.setEngine(engine);
    }

private:
    Harness m_harness;
};

}  // namespace frontdesk::kiosk::app

QUICK_TEST_MAIN_WITH_SETUP(kiosk_screens, frontdesk::kiosk::app::Setup)

#include "quick_test_main.moc"

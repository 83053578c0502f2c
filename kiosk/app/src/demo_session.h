#pragma once
// The demo's session at the touchscreen, offscreen, for `frontdesk-kiosk --demo-session DIR`: what
// a cashier, then a receptionist, then self-service customers do on demo/seed.json's terminal,
// through the same view models the screens bind to, one screenshot per step (DIR/01-login.png,
// ...). The card terminal is the simulated one, told to decline once.

#include <QQuickWindow>
#include <vector>

#include "kiosk/app/printer_view_model.h"
#include "kiosk/app/queue_view_model.h"
#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/self_service_view_model.h"
#include "kiosk/app/session_view_model.h"
#include "kiosk/app/shift_view_model.h"
#include "kiosk/payment.h"
#include "screen_tour.h"

namespace frontdesk::kiosk::app {

struct AppModels {
    TillAccess& access;
    SessionViewModel& session;
    SaleViewModel& sale;
    ShiftViewModel& shift;
    ReceptionViewModel& reception;
    PrinterViewModel& printer;
    QueueViewModel& queue;
    SelfServiceViewModel& selfService;
};

[[nodiscard]] std::vector<TourStep> demoSession(AppModels models, QQuickWindow& window, FakePaymentAdapter* terminal);

}  // namespace frontdesk::kiosk::app

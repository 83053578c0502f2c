#include "demo_session.h"

namespace frontdesk::kiosk::app {

std::vector<TourStep> demoSession(AppModels m, QQuickWindow& window, FakePaymentAdapter* terminal) {
    const auto answered = [&access = m.access] { return !access.busy(); };
    const auto printed = [&printer = m.printer] { return printer.pending() == 0; };
    return {
        {"01-login", {}, {}},
        {"02-open-shift", [m] { m.session.login("e1", "1234"); }, {}},
        {"03-sale",
         [m] {
             m.shift.openShift("150.00");
             m.sale.scan("4006381333931");  // espresso beans
             m.sale.scan("4012345678901");  // a paper cup
             m.sale.setQuantity(2, "2");
             m.sale.scan("2000000000015");  // a croissant
         },
         {}},
        {"04-approval", [m] { m.sale.discountLine(1, "10%"); }, {}},
        {"05-discounted", [m] { m.sale.approval()->approve("e2", "9876"); }, {}},
        {"06-card-declined",
         [m, terminal] {
             if (terminal) terminal->declineNext("insufficient funds");
             m.sale.tenderCard();
         },
         answered},
        {"07-paid", [m] { m.sale.tenderCash(m.sale.quickAmounts().value(1)); }, {}},
        {"08-saved", [m] { m.sale.complete(); }, printed},
        {"09-x-report",
         [&window, m] {
             window.setProperty("shiftShown", true);
             m.shift.xReport();
         },
         printed},
        {"10-reception",
         [&window, m] {
             window.setProperty("shiftShown", false);
             window.setProperty("mode", QStringLiteral("reception"));
             m.reception.refresh();
             m.reception.scanned("01890a5d-ac96-774b-bcce-b302099a0001");  // Robin's booking QR
         },
         {}},
        {"11-expired-member", [m] { m.reception.scanned("MEMBER-CARD-300"); }, {}},
        {"12-visitor", [m] { m.reception.visitorIn("Vera Visitor", "Acme Ltd", "Dana"); }, printed},
        {"13-queue",
         [m] {
             m.queue.take({});
             m.queue.take({});
             m.queue.callNext();
         },
         printed},
        // The same till handed to customers: the cashier is responsible for it meanwhile.
        {"14-self-service",
         [&window, m] {
             window.setProperty("mode", QStringLiteral("self-service"));
             m.selfService.start();
         },
         {}},
        {"15-self-checkout",
         [m] {
             m.selfService.scanned("4006381333931");  // espresso beans
             m.selfService.scanned("4000000000017");  // red wine: an age check
         },
         {}},
        {"16-age-approval", [m] { m.sale.confirmAge(); }, {}},
        {"17-age-confirmed", [m] { m.sale.approval()->approve("e2", "9876"); }, {}},
        {"18-self-paid", [m] { m.selfService.payByCard(); }, [answered, printed] { return answered() && printed(); }},
        {"19-self-checkin",
         [m] {
             m.selfService.reset();
             m.selfService.startCheckIn();
             m.selfService.scanned("MEMBER-CARD-100");
         },
         {}},
    };
}

}  // namespace frontdesk::kiosk::app

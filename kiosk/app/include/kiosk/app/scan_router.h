#pragma once
// Where a scanned code goes. The keyboard-wedge scanner (and a badge reader that types like one)
// is one device for every screen, so what a code means depends on what the till is doing, in this
// order:
// 1. nobody logged in (the login screen, or the lock after idle): a staff badge, which logs its
//    holder in;
// 2. an approval waiting (its dialog open): the approver's badge;
// 3. the time clock open: a badge that punches its holder in, or out;
// 4. a code a member of staff's badge: a quick cashier switch, or, at a till handed to customers,
//    the member taking it back;
// 5. otherwise the screen's own: the self-service till's, a refund's receipt or item, the
//    reception desk's booking, member card or visitor badge, or an item for the sale.
// A badge is never kept: the engine looks up its digest.
//
// GUI thread. The view models outlive it.

#include <QString>
#include <vector>

namespace frontdesk::kiosk::app {

class PendingApproval;
class ReceptionViewModel;
class RefundViewModel;
class SaleViewModel;
class SelfServiceViewModel;
class SessionViewModel;

class ScanRouter {
public:
    struct Screens {
        SessionViewModel& session;
        SaleViewModel& sale;
        ReceptionViewModel& reception;
        SelfServiceViewModel& selfService;
        RefundViewModel& refund;
        std::vector<PendingApproval*> approvals;  // every dialog an approver's badge may answer
        bool atReception = false;                 // the reception desk's mode: codes are its own
    };
    explicit ScanRouter(Screens screens) : m_screens(std::move(screens)) {}

    void route(const QString& code);

private:
    Screens m_screens;
};

}  // namespace frontdesk::kiosk::app

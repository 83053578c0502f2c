#include "kiosk/app/scan_router.h"

#include "kiosk/app/pending_approval.h"
#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/refund_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/self_service_view_model.h"
#include "kiosk/app/session_view_model.h"

namespace frontdesk::kiosk::app {

void ScanRouter::route(const QString& code) {
    Screens& s = m_screens;
    if (!s.session.loggedIn()) {
        s.session.loginBadge(code);
        return;
    }
    for (PendingApproval* approval : s.approvals) {
        if (approval->waiting()) {
            approval->approveBadge(code);
            return;
        }
    }
    if (s.reception.timeClockOpen()) {
        s.reception.punchBadge(code);
        return;
    }
    if (s.selfService.unattended()) {
        if (s.selfService.takeOverByBadge(code) == SessionViewModel::BadgeUse::NotABadge) s.selfService.scanned(code);
        return;
    }
    if (s.session.useBadge(code) != SessionViewModel::BadgeUse::NotABadge) return;
    if (s.refund.active()) {
        s.refund.scanned(code);
    } else if (s.atReception) {
        s.reception.scanned(code);
    } else {
        s.sale.scan(code);
    }
}

}  // namespace frontdesk::kiosk::app

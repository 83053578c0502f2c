// The self-service till: welcome, checkout by card, check-in, the reset when idle.
#include "kiosk/app/self_service_view_model.h"

#include "qt_text.h"

namespace frontdesk::kiosk::app {

SelfServiceViewModel::SelfServiceViewModel(TillAccess& access, SessionViewModel& session, SaleViewModel& sale,
                                           ReceptionViewModel& reception, QObject* parent)
    : QObject(parent),
      m_access(access),
      m_till(access.till()),
      m_session(session),
      m_sale(sale),
      m_reception(reception) {
    // A member of staff taking over, or anyone logging out, ends the unattended session.
    connect(&m_session, &SessionViewModel::userChanged, this, &SelfServiceViewModel::changed);
    connect(&m_sale, &SaleViewModel::cardChanged, this, &SelfServiceViewModel::cardAnswered);
    // An age-restricted item: the customer cannot go on alone. Once the member of staff who came
    // has confirmed the age, the call is answered.
    connect(&m_sale, &SaleViewModel::totalsChanged, this, [this] {
        if (!unattended()) return;
        if (m_sale.ageCheckNeeded() && !m_staffCalled) {
            m_calledForAge = true;
            callStaff();
        } else if (!m_sale.ageCheckNeeded() && m_calledForAge) {
            m_calledForAge = false;
            m_staffCalled = false;
            emit changed();
        }
    });
}

void SelfServiceViewModel::setStage(const QString& stage) {
    m_stage = stage;
    emit changed();
}

// The staff's part done (the till handed over or taken back): the welcome screen, or what refused.
bool SelfServiceViewModel::handedOver(const QString& refusal) {
    m_message = refusal;
    if (!refusal.isEmpty()) {
        emit changed();
        return false;
    }
    m_staffCalled = m_calledForAge = false;
    setStage(QStringLiteral("attract"));
    return true;
}

bool SelfServiceViewModel::start() {
    core::Status started = m_access.idle();
    if (started.ok()) started = m_till.session().startUnattended();
    return handedOver(started.ok() ? QString() : engineText(started.message()));
}

void SelfServiceViewModel::startCheckout() {
    setStage(QStringLiteral("checkout"));
}

void SelfServiceViewModel::startCheckIn() {
    m_reception.clearOutcome();
    setStage(QStringLiteral("checkin"));
}

bool SelfServiceViewModel::scanned(const QString& code) {
    if (m_stage == QLatin1String("checkin")) return m_reception.scanned(code);
    if (m_stage != QLatin1String("checkout")) setStage(QStringLiteral("checkout"));
    return m_sale.scan(code);
}

bool SelfServiceViewModel::payByCard() {
    return m_sale.tenderCard();
}

// Paid in full by card: the sale completes at once (its receipt prints after the commit).
void SelfServiceViewModel::cardAnswered() {
    if (!unattended() || m_stage != QLatin1String("checkout")) return;
    if (m_sale.cardState() != QLatin1String("approved") || !m_sale.paid()) return;
    if (m_sale.complete()) setStage(QStringLiteral("thanks"));
}

void SelfServiceViewModel::callStaff() {
    m_staffCalled = true;
    emit changed();
}

bool SelfServiceViewModel::reset() {
    if (m_access.busy()) return false;  // a card payment is never interrupted
    if (!m_sale.empty() || m_sale.tendered()) (void)m_sale.abandon();
    m_sale.approval()->cancel();
    m_reception.clearOutcome();
    m_staffCalled = m_calledForAge = false;
    setStage(QStringLiteral("attract"));
    return true;
}

bool SelfServiceViewModel::takeOver(const QString& staffId, const QString& pin) {
    return handedOver(m_session.takeOver(staffId, pin) ? QString() : m_session.message());
}

SessionViewModel::BadgeUse SelfServiceViewModel::takeOverByBadge(const QString& code) {
    const auto use = m_session.useBadge(code);
    if (use != SessionViewModel::BadgeUse::NotABadge) {
        handedOver(use == SessionViewModel::BadgeUse::Accepted ? QString() : m_session.message());
    }
    return use;
}

}  // namespace frontdesk::kiosk::app

// The reception desk: check-ins and check-outs, visitors, the time clock.
#include "kiosk/app/reception_view_model.h"

#include "core/ids.h"
#include "qt_text.h"

namespace frontdesk::kiosk::app {

ReceptionViewModel::ReceptionViewModel(TillAccess& access, QObject* parent)
    : QObject(parent), m_access(access), m_till(access.till()) {}

void ReceptionViewModel::say(const QString& message, bool error) {
    m_message = message;
    m_error = error;
    emit messageChanged();
}

bool ReceptionViewModel::refuse(const core::Status& status) {
    say(engineText(status.message()), true);
    return false;
}

void ReceptionViewModel::setOutcome(const QString& outcome, const QString& title, const QString& detail) {
    m_outcome = outcome;
    m_outcomeTitle = title;
    m_outcomeDetail = detail;
    emit outcomeChanged();
}

void ReceptionViewModel::setFilter(const QString& filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    emit filterChanged();
    m_bookings.set(m_today, m_filter);
}

void ReceptionViewModel::refresh() {
    auto today = m_till.reception().bookingsToday();
    if (!today.ok()) {
        refuse(today.status());
    } else {
        m_today = std::move(today).value();
        m_bookings.set(m_today, m_filter);
    }
    auto visitors = m_till.reception().visitorsIn();
    if (!visitors.ok()) {
        refuse(visitors.status());
    } else {
        m_visitors.set(std::move(visitors).value());
    }
    auto clocked = m_till.timeClock().clockedIn();
    if (!clocked.ok()) {
        refuse(clocked.status());
    } else {
        m_clockedIn.clear();
        for (const ClockedIn& c : *clocked) {
            m_clockedIn.append(QVariantMap{{"staff", text(c.staff)}, {"name", text(c.name)}, {"since", text(c.since)}});
        }
        emit clockChanged();
    }
}

QString ReceptionViewModel::refusalInWords(const CheckinResult& r) const {
    const std::string& why = r.record.refusal;
    if (why == "suspended") return tr("Membership suspended: please ask them to see the manager");
    if (why == "expired") {
        return tr("Membership expired on %1: it can be renewed at the desk")
            .arg(r.member ? text(r.member->validUntil) : QString());
    }
    if (why == "not_today") {
        return tr("This booking is for %1, not today").arg(r.booking ? text(utcDay(r.booking->startsAt)) : QString());
    }
    if (why == "already_in") return tr("Already checked in");
    if (why == "already_out") return tr("This booking is already completed");
    if (why == "unknown") return tr("No booking, member or card matches: check the code or search by name");
    return text(why);
}

bool ReceptionViewModel::checkin(const core::Result<CheckinResult>& result) {
    if (!result.ok()) {
        setOutcome({}, {}, {});
        return refuse(result.status());
    }
    const CheckinResult& r = *result;
    const QString who = r.member ? text(r.member->name) : r.booking ? text(r.booking->name) : QString();
    const bool out = r.record.direction == CheckinDirection::Out;
    if (r.admitted()) {
        QString detail;
        if (r.booking) detail = text(r.booking->resource);
        if (r.member && !out) detail = tr("Member until %1").arg(text(r.member->validUntil));
        setOutcome(QStringLiteral("admitted"), out ? tr("Goodbye, %1").arg(who) : tr("Welcome, %1").arg(who), detail);
    } else {
        setOutcome(QStringLiteral("refused"), who.isEmpty() ? tr("Not admitted") : tr("%1: not admitted").arg(who),
                   refusalInWords(r));
    }
    say({}, false);
    refresh();
    return r.admitted();
}

bool ReceptionViewModel::scanned(const QString& code) {
    const std::string scannedCode = code.trimmed().toStdString();
    if (m_access.busy()) return refuse(m_access.idle());
    if (core::isUuidV7(scannedCode)) {
        if (m_visitors.contains(scannedCode)) return visitorOut(code.trimmed());
        return checkin(m_till.reception().checkInBooking(scannedCode, CheckinMethod::Qr));
    }
    return checkin(m_till.reception().checkInCard(scannedCode));
}

bool ReceptionViewModel::checkInBooking(const QString& bookingId) {
    if (m_access.busy()) return refuse(m_access.idle());
    return checkin(m_till.reception().checkInBooking(bookingId.toStdString(), CheckinMethod::Name));
}

bool ReceptionViewModel::checkOutBooking(const QString& bookingId) {
    if (m_access.busy()) return refuse(m_access.idle());
    return checkin(m_till.reception().checkOutBooking(bookingId.toStdString(), CheckinMethod::Name));
}

bool ReceptionViewModel::checkInMember(const QString& membershipId) {
    if (m_access.busy()) return refuse(m_access.idle());
    return checkin(m_till.reception().checkInMember(membershipId.trimmed().toStdString()));
}

bool ReceptionViewModel::visitorIn(const QString& name, const QString& company, const QString& host) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto visit = m_till.reception().visitorIn(name.trimmed().toStdString(), company.trimmed().toStdString(),
                                              host.trimmed().toStdString());
    if (!visit.ok()) return refuse(visit.status());
    if (visit->record.blocked) {
        // Discreet: for the staff's eyes, not a banner the visitor reads.
        m_alert = tr("Check with the manager before %1 goes in").arg(text(visit->record.name));
        emit alertChanged();
    }
    say(tr("%1 signed in: the badge is printing").arg(text(visit->record.name)), false);
    emit badgeReady(*visit);
    refresh();
    return true;
}

bool ReceptionViewModel::visitorOut(const QString& visitId) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto visit = m_till.reception().visitorOut(visitId.trimmed().toStdString());
    if (!visit.ok()) return refuse(visit.status());
    say(tr("%1 signed out").arg(text(visit->record.name)), false);
    refresh();
    return true;
}

void ReceptionViewModel::clearOutcome() {
    setOutcome({}, {}, {});
    say({}, false);
}

void ReceptionViewModel::dismissAlert() {
    if (m_alert.isEmpty()) return;
    m_alert.clear();
    emit alertChanged();
}

bool ReceptionViewModel::punched(const core::Result<Punch>& punch) {
    if (!punch.ok()) return refuse(punch.status());
    const QString who = text(punch->name);
    say(punch->kind == PunchKind::In ? tr("%1 clocked in").arg(who) : tr("%1 clocked out").arg(who), false);
    refresh();
    return true;
}

bool ReceptionViewModel::clockIn(const QString& staffId, const QString& pin) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    return punched(m_till.timeClock().clockIn(staffId.trimmed().toStdString(), pin.toStdString()));
}

bool ReceptionViewModel::clockOut(const QString& staffId, const QString& pin) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    return punched(m_till.timeClock().clockOut(staffId.trimmed().toStdString(), pin.toStdString()));
}

void ReceptionViewModel::setTimeClockOpen(bool open) {
    if (open == m_timeClockOpen) return;
    m_timeClockOpen = open;
    if (open) say({}, false);  // the desk's last answer is not the clock's
    emit clockChanged();
}

bool ReceptionViewModel::punchBadge(const QString& badge) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    return punched(m_till.timeClock().toggle(Credential::ofBadge(badge.trimmed().toStdString())));
}

}  // namespace frontdesk::kiosk::app

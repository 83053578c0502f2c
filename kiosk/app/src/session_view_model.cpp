#include "kiosk/app/session_view_model.h"

#include "qt_text.h"

namespace frontdesk::kiosk::app {

QString SessionViewModel::staffName() const {
    const auto& user = m_till.session().user();
    return user ? QString::fromStdString(user->name) : QString();
}

QString SessionViewModel::role() const {
    const auto& user = m_till.session().user();
    return user ? QString::fromLatin1(roleName(user->role).data(), static_cast<int>(roleName(user->role).size()))
                : QString();
}

void SessionViewModel::say(const QString& message) {
    m_message = message;
    emit messageChanged();
}

bool SessionViewModel::refuseWhileBusy() {
    if (!m_access.busy()) return false;
    say(m_access.busyRefusal());
    return true;
}

bool SessionViewModel::login(const QString& staffId, const QString& pin) {
    return switchTo([&] { return m_till.session().login(staffId.trimmed().toStdString(), pin.toStdString()); });
}

bool SessionViewModel::loginBadge(const QString& badge) {
    return switchTo([&] { return m_till.session().login(Credential::ofBadge(badge.trimmed().toStdString())); });
}

SessionViewModel::BadgeUse SessionViewModel::useBadge(const QString& code) {
    const std::string badge = code.trimmed().toStdString();
    if (!m_till.session().isStaffBadge(badge)) return BadgeUse::NotABadge;
    return switchTo([&] { return m_till.session().badge(badge); }) ? BadgeUse::Accepted : BadgeUse::Refused;
}

bool SessionViewModel::takeOver(const QString& staffId, const QString& pin) {
    return switchTo([&] {
        return m_till.session().endUnattended(Approval{staffId.trimmed().toStdString(), pin.toStdString()});
    });
}

bool SessionViewModel::switchTo(const std::function<core::Result<StaffMember>()>& authenticate) {
    if (refuseWhileBusy()) return false;
    auto member = authenticate();
    if (!member.ok()) {
        say(engineText(member.status().message()));
        return false;
    }
    say({});
    emit userChanged();
    return true;
}

bool SessionViewModel::logout() {
    if (refuseWhileBusy()) return false;
    m_till.session().logout();
    emit userChanged();
    return true;
}

}  // namespace frontdesk::kiosk::app

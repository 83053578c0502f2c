// The reception screen's lists: today's bookings (searched) and the visitors in.
#include "kiosk/app/reception_view_model.h"

#include <QRegularExpression>

#include "qt_text.h"

namespace frontdesk::kiosk::app {

namespace {

// "09:30" of an RFC 3339 time ("2026-12-01T09:30:00Z"), or the text as it is.
QString clockTime(const std::string& iso) {
    return iso.size() >= 16 && iso[10] == 'T' ? text(iso.substr(11, 5)) : text(iso);
}

// A time of day as typed ("14", "9:30", "۱۴:۰۰") as "HH:MM", or "" when the text is no time.
QString typedClock(const QString& typed) {
    static const QRegularExpression time(QStringLiteral("^([01]?[0-9]|2[0-3])(?::([0-5][0-9]))?$"));
    const auto match = time.match(text(typedNumber(typed)));
    if (!match.hasMatch()) return {};
    return QStringLiteral("%1:%2").arg(match.captured(1).toInt(), 2, 10, QLatin1Char('0'))
        .arg(match.captured(2).isEmpty() ? 0 : match.captured(2).toInt(), 2, 10, QLatin1Char('0'));
}

}  // namespace

int BookingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant BookingModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Booking& b = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IdRole:
            return text(b.id);
        case TimeRole:
            return localNumber(clockTime(b.startsAt) + QStringLiteral("–") + clockTime(b.endsAt));
        case NameRole:
            return text(b.name);
        case ResourceRole:
            return text(b.resource);
        case StatusRole:
            return text(b.status);
        default:
            return {};
    }
}

QHash<int, QByteArray> BookingModel::roleNames() const {
    return {{IdRole, "bookingId"},
            {TimeRole, "time"},
            {NameRole, "name"},
            {ResourceRole, "resource"},
            {StatusRole, "status"}};
}

void BookingModel::set(std::vector<Booking> bookings, const QString& filter) {
    const QString wanted = filter.trimmed();
    // A time shows the bookings running then: from their start, up to their end.
    const QString at = typedClock(wanted);
    std::vector<Booking> shown;
    for (Booking& b : bookings) {
        const bool running = !at.isEmpty() && clockTime(b.startsAt) <= at && at < clockTime(b.endsAt);
        if (wanted.isEmpty() || running || text(b.name).contains(wanted, Qt::CaseInsensitive) ||
            text(b.resource).contains(wanted, Qt::CaseInsensitive)) {
            shown.push_back(std::move(b));
        }
    }
    const bool counted = shown.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(shown);
    endResetModel();
    if (counted) emit countChanged();
}

int VisitorModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant VisitorModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Visit& v = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IdRole:
            return text(v.record.visit);
        case NameRole:
            return text(v.record.name);
        case CompanyRole:
            return text(v.record.company);
        case HostRole:
            return text(v.record.host);
        case SinceRole:
            return clockTime(v.inAt);
        case BlockedRole:
            return v.record.blocked;
        default:
            return {};
    }
}

QHash<int, QByteArray> VisitorModel::roleNames() const {
    return {{IdRole, "visitId"}, {NameRole, "name"},   {CompanyRole, "company"},
            {HostRole, "host"},  {SinceRole, "since"}, {BlockedRole, "blocked"}};
}

void VisitorModel::set(std::vector<Visit> visits) {
    const bool counted = visits.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(visits);
    endResetModel();
    if (counted) emit countChanged();
}

bool VisitorModel::contains(const std::string& visitId) const {
    for (const Visit& v : m_rows) {
        if (v.record.visit == visitId) return true;
    }
    return false;
}

}  // namespace frontdesk::kiosk::app

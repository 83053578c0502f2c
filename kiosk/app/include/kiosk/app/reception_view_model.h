#pragma once
// The reception desk as the screens show it, over the engine's Reception and TimeClock:
// - today's bookings (search by name or resource, or a time: the bookings running then), checked
//   in by scanning their QR code or
//   picked by name;
// - members checked in by their card (scanned) or membership id (typed); an expired or suspended
//   member is refused with the reason in words, and the refusal is recorded like an admission;
// - walk-in visitors signed in (name, company, whom they visit; the badge is handed to the printer
//   through badgeReady) and out (by scanning the badge's QR code or from the list); a name on the
//   block list is signed in all the same and raises a discreet alert for the staff;
// - staff clocking in and out with their id and PIN, or their badge, whoever is logged in.
//
// What a scan means here: a visit id of a visitor still in signs them out; another UUID is a
// booking's QR code; anything else is a member card (never kept: the engine looks up its digest).
//
// GUI thread. The TillAccess outlives it.

#include <QAbstractListModel>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <vector>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

// Today's bookings, filtered by a search text.
class BookingModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the reception view model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, TimeRole, NameRole, ResourceRole, StatusRole };
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The day's bookings, and the search ("" shows all; matches name or resource, any case, or a
    // time of day typed as "14" or "14:30": the bookings running then).
    void set(std::vector<Booking> bookings, const QString& filter);

signals:
    void countChanged();

private:
    std::vector<Booking> m_rows;
};

// The visitors signed in and not out.
class VisitorModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the reception view model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, CompanyRole, HostRole, SinceRole, BlockedRole };
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void set(std::vector<Visit> visits);
    bool contains(const std::string& visitId) const;

signals:
    void countChanged();

private:
    std::vector<Visit> m_rows;
};

class ReceptionViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(BookingModel* bookings READ bookings CONSTANT)
    Q_PROPERTY(VisitorModel* visitors READ visitors CONSTANT)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    // The last check-in or check-out: "admitted", "refused" or "" (none yet, or an error).
    Q_PROPERTY(QString outcome READ outcome NOTIFY outcomeChanged)
    Q_PROPERTY(QString outcomeTitle READ outcomeTitle NOTIFY outcomeChanged)    // "Welcome, Maria"
    Q_PROPERTY(QString outcomeDetail READ outcomeDetail NOTIFY outcomeChanged)  // the reason, in words
    Q_PROPERTY(QString alert READ alert NOTIFY alertChanged)                    // for the staff: a block-listed visitor
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QVariantList clockedIn READ clockedIn NOTIFY clockChanged)  // [{staff, name, since}]
    Q_PROPERTY(bool timeClockOpen READ timeClockOpen WRITE setTimeClockOpen NOTIFY clockChanged)

public:
    explicit ReceptionViewModel(TillAccess& access, QObject* parent = nullptr);

    BookingModel* bookings() { return &m_bookings; }
    VisitorModel* visitors() { return &m_visitors; }
    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    QString outcome() const { return m_outcome; }
    QString outcomeTitle() const { return m_outcomeTitle; }
    QString outcomeDetail() const { return m_outcomeDetail; }
    QString alert() const { return m_alert; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QVariantList clockedIn() const { return m_clockedIn; }

    // Reads the day's bookings, the visitors in and who is on the clock again.
    Q_INVOKABLE void refresh();
    // A scanned code: a visitor's badge, a booking's QR code or a member card (see above).
    Q_INVOKABLE bool scanned(const QString& code);
    Q_INVOKABLE bool checkInBooking(const QString& bookingId);  // picked from the list by name
    Q_INVOKABLE bool checkOutBooking(const QString& bookingId);
    Q_INVOKABLE bool checkInMember(const QString& membershipId);  // typed at the desk
    Q_INVOKABLE bool visitorIn(const QString& name, const QString& company, const QString& host);
    Q_INVOKABLE bool visitorOut(const QString& visitId);
    Q_INVOKABLE void dismissAlert();
    // Forgets the last check-in's answer and message (the self-service till's next customer).
    Q_INVOKABLE void clearOutcome();
    Q_INVOKABLE bool clockIn(const QString& staffId, const QString& pin);
    Q_INVOKABLE bool clockOut(const QString& staffId, const QString& pin);
    // While the time clock is open (its dialog says so), a staff badge read punches its holder in,
    // or out when they are in.
    bool timeClockOpen() const { return m_timeClockOpen; }
    void setTimeClockOpen(bool open);
    bool punchBadge(const QString& badge);

signals:
    void outcomeChanged();
    void alertChanged();
    void messageChanged();
    void filterChanged();
    void clockChanged();
    void badgeReady(const kiosk::Visit& visit);  // to print

private:
    bool checkin(const core::Result<CheckinResult>& result);
    bool refuse(const core::Status& status);
    void say(const QString& message, bool error);
    void setOutcome(const QString& outcome, const QString& title, const QString& detail);
    bool punched(const core::Result<Punch>& punch);
    QString refusalInWords(const CheckinResult& result) const;

    TillAccess& m_access;
    Till& m_till;
    BookingModel m_bookings;
    VisitorModel m_visitors;
    std::vector<Booking> m_today;
    QString m_filter, m_outcome, m_outcomeTitle, m_outcomeDetail, m_alert, m_message;
    bool m_error = false;
    QVariantList m_clockedIn;
    bool m_timeClockOpen = false;
};

}  // namespace frontdesk::kiosk::app

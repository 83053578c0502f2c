#pragma once
// Refunds at the till, over the engine's Refunds:
// - against a receipt: its code scanned from the paper (the receipt number, printed as a QR code
//   and a barcode) or typed; its lines listed with what is left to refund of each; the cashier
//   chooses how much of which line, how the money goes back (to the original payment, or in
//   cash) and why;
// - without a receipt: the returned items scanned, cash only, a supervisor approving on the spot.
// The engine decides the amounts (each line's exact share of what it took) and the approvals; a
// refund it refuses for want of permission (without a receipt, a card sale paid back in cash, more
// cash than the drawer holds) waits in approval for a supervisor's id and PIN.
//
// A refund to a card waits for the card terminal, so it runs off the GUI thread (TillAccess) and
// every till action is refused meanwhile; card refunds need no approval (a cashier's role refunds
// against a receipt), so an approval never has to wait on the terminal. committed() follows the
// commit, and the receipt (and the drawer, for cash) after it.
//
// GUI thread. The TillAccess outlives it.

#include <QAbstractListModel>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/pending_approval.h"
#include "kiosk/app/till_access.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk::app {

// The lines a refund can return: a receipt's lines with what is left of each, or the items
// scanned for a refund without a receipt; and how much of each is chosen.
class RefundLineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the refund view model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, SoldRole, LeftRole, ChosenRole, PriceRole };
    struct Row {
        std::int64_t line = 0;  // on the receipt; 0 without one
        std::string sku;
        QString name;
        core::Decimal sold, left, chosen;
        QString price;  // the unit price paid, for the eye only
    };
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void set(std::vector<Row> rows);
    void append(Row row);
    void setChosen(int row, const core::Decimal& qty);
    const std::vector<Row>& rows() const { return m_rows; }

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};

class RefundViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(RefundLineModel* lines READ lines CONSTANT)
    Q_PROPERTY(QString receipt READ receipt NOTIFY changed)  // the receipt being refunded, "" none
    Q_PROPERTY(bool withoutReceipt READ withoutReceipt NOTIFY changed)
    Q_PROPERTY(bool paidByCard READ paidByCard NOTIFY changed)          // the receipt's sale took a card
    Q_PROPERTY(bool inCash READ inCash WRITE setInCash NOTIFY changed)  // money back in cash, not to the original
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY changed)  // the refund screen is showing: scans come here
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)  // waiting for the card terminal
    Q_PROPERTY(PendingApproval* approval READ approval CONSTANT)

public:
    explicit RefundViewModel(TillAccess& access, QObject* parent = nullptr);

    RefundLineModel* lines() { return &m_lines; }
    QString receipt() const { return m_receipt; }
    bool withoutReceipt() const { return m_withoutReceipt; }
    bool paidByCard() const { return m_paidByCard; }
    bool inCash() const { return m_inCash; }
    void setInCash(bool cash);
    bool active() const { return m_active; }
    void setActive(bool active);
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    bool busy() const { return m_access.busy(); }
    PendingApproval* approval() { return &m_approval; }

    // A receipt's code (scanned or typed): its lines, with what is left to refund of each.
    Q_INVOKABLE bool findReceipt(const QString& receipt);
    // No receipt: scan the returned items (cash only, with a supervisor).
    Q_INVOKABLE void startWithoutReceipt();
    // A scan on the refund screen: an item without a receipt, otherwise a receipt's code.
    Q_INVOKABLE bool scanned(const QString& code);
    // How much of a row goes back ("1", "0.375"; "" or "0" none); all that is left of it.
    Q_INVOKABLE bool choose(int row, const QString& qty);
    Q_INVOKABLE void chooseAll(int row);
    // Pays the refund back; the answer comes now, or (to a card) once the terminal answered.
    Q_INVOKABLE bool refund(const QString& reason);
    Q_INVOKABLE void clear();

signals:
    void changed();
    // The refund is committed: its receipt prints after this, and the drawer opens for cash.
    void committed(const kiosk::Committed& refund);

private:
    core::Result<RefundRequest> request(const QString& reason) const;
    bool finished(const core::Result<Committed>& done);
    bool refuse(const core::Status& status);
    void say(const QString& message, bool error);
    bool addItem(const std::string& barcode);

    TillAccess& m_access;
    Till& m_till;
    RefundLineModel m_lines;
    PendingApproval m_approval;
    QString m_receipt, m_message;
    bool m_withoutReceipt = false, m_paidByCard = false, m_inCash = false, m_active = false, m_error = false;
};

}  // namespace frontdesk::kiosk::app

#pragma once
// The cashier's shift as the screens show it: opening with a float, paid in and paid out (a
// paid-out beyond what the drawer should hold waits for a supervisor), the no-sale drawer opening
// (a supervisor's), the X report at any time, and the close: the drawer counted note by note
// (cashCount), the Z report with the variance. Every figure is the engine's (ShiftReport), read
// from the rows; reports and drawer openings are handed to the printer by the app
// (reportReady, drawerWanted).
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <QVariantList>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/cash_count_model.h"
#include "kiosk/app/pending_approval.h"
#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

class ShiftViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    // The last report read: [{label, value}] in the order a report prints; [] before the first.
    Q_PROPERTY(QVariantList report READ report NOTIFY changed)
    Q_PROPERTY(QString reportTitle READ reportTitle NOTIFY changed)  // "X report", "Z report"
    Q_PROPERTY(CashCountModel* cashCount READ cashCount CONSTANT)
    Q_PROPERTY(PendingApproval* approval READ approval CONSTANT)

public:
    explicit ShiftViewModel(TillAccess& access, QObject* parent = nullptr);

    bool isOpen() const { return m_till.shifts().current().has_value(); }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QVariantList report() const { return m_report; }
    QString reportTitle() const { return m_reportTitle; }
    CashCountModel* cashCount() { return &m_count; }
    PendingApproval* approval() { return &m_approval; }

    Q_INVOKABLE bool openShift(const QString& openingFloat);  // "100.00"
    Q_INVOKABLE bool paidIn(const QString& amount, const QString& reason);
    Q_INVOKABLE bool paidOut(const QString& amount, const QString& reason);
    Q_INVOKABLE bool noSale(const QString& reason);
    Q_INVOKABLE bool xReport();
    // Closes the shift with the cash counted in cashCount.
    Q_INVOKABLE bool closeShift();

signals:
    void changed();
    void reportReady(const kiosk::ShiftReport& report);  // to print
    void drawerWanted();                                 // cash moved: open the drawer

private:
    bool refuse(const core::Status& status);
    void say(const QString& message, bool error);
    void showReport(const ShiftReport& report, const QString& title);
    bool cashMove(bool in, const QString& amount, const QString& reason);
    QString money(std::int64_t minor) const;

    TillAccess& m_access;
    Till& m_till;
    CashCountModel m_count;
    PendingApproval m_approval;
    QString m_message, m_reportTitle;
    bool m_error = false;
    QVariantList m_report;
};

}  // namespace frontdesk::kiosk::app

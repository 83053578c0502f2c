#include "kiosk/app/shift_view_model.h"

#include <QLocale>

#include "qt_text.h"

namespace frontdesk::kiosk::app {

ShiftViewModel::ShiftViewModel(TillAccess& access, QObject* parent)
    : QObject(parent),
      m_access(access),
      m_till(access.till()),
      m_count(access.till().settings().currency),
      m_approval(access) {
    connect(&m_approval, &PendingApproval::cancelled, this,
            [this] { say(tr("Not approved: nothing changed"), false); });
}

QString ShiftViewModel::money(std::int64_t minor) const {
    return amountText(minor, m_till.settings().currency);
}

void ShiftViewModel::say(const QString& message, bool error) {
    m_message = message;
    m_error = error;
    emit changed();
}

bool ShiftViewModel::refuse(const core::Status& status) {
    say(engineText(status.message()), true);
    return false;
}

namespace {

// "2026-11-27 09:00 UTC" of "2026-11-27T09:00:00.000Z": short enough for the report's column.
QString shortTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return QString::fromStdString(iso);
    return QString::fromStdString(iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC");
}

}  // namespace

void ShiftViewModel::showReport(const ShiftReport& r, const QString& title) {
    QVariantList rows;
    const auto add = [&rows](const QString& label, const QString& value) {
        rows.append(QVariantMap{{"label", label}, {"value", value}});
    };
    add(tr("Opened"), shortTime(r.openedAt));
    if (r.closedAt) add(tr("Closed"), shortTime(*r.closedAt));
    add(tr("Sales"), tr("%1, %2").arg(QLocale().toString(r.sales), money(r.salesGross)));
    add(tr("Refunds"), tr("%1, %2").arg(QLocale().toString(r.refunds), money(r.refundsGross)));
    add(tr("Voids"), QLocale().toString(r.voids));
    add(tr("Discounts"), money(r.discounts));
    for (const TenderTotal& t : r.byTender) {
        add(t.kind == SaleKind::Refund
                ? tr("Refunded by %1").arg(QString::fromStdString(std::string(tenderMethodKey(t.method))))
                : tr("Taken by %1").arg(QString::fromStdString(std::string(tenderMethodKey(t.method)))),
            tr("%1, %2").arg(QLocale().toString(t.count), money(t.amount)));
    }
    add(tr("Float"), money(r.floatMinor));
    add(tr("Paid in"), money(r.paidIn));
    add(tr("Paid out"), money(r.paidOut));
    add(tr("Cash expected"), money(r.expectedCash));
    if (r.countedCash) add(tr("Cash counted"), money(*r.countedCash));
    if (r.variance) add(tr("Over or short"), money(*r.variance));
    m_report = rows;
    m_reportTitle = title;
    emit reportReady(r);
}

bool ShiftViewModel::openShift(const QString& openingFloat) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto amount = core::Money::parse(typedNumber(openingFloat), m_till.settings().currency);
    if (!amount.ok()) return refuse(amount.status().withContext("float"));
    auto opened = m_till.shifts().open(*amount);
    if (!opened.ok()) return refuse(opened.status());
    m_report.clear();
    m_reportTitle.clear();
    m_count.clear();
    say(tr("Shift open with a float of %1").arg(money(amount->minor())), false);
    emit drawerWanted();
    return true;
}

bool ShiftViewModel::cashMove(bool in, const QString& amount, const QString& reason) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto money = core::Money::parse(typedNumber(amount), m_till.settings().currency);
    if (!money.ok()) return refuse(money.status());
    const std::string why = reason.trimmed().toStdString();
    const QString done = in ? tr("Paid in %1").arg(amount.trimmed()) : tr("Paid out %1").arg(amount.trimmed());
    return m_approval.run(in ? tr("Paying in %1").arg(amount.trimmed()) : tr("Paying out %1").arg(amount.trimmed()),
                          [this, in, m = *money, why, done](const std::optional<Approval>& approval) {
                              const core::Status moved = in ? m_till.shifts().paidIn(m, why, approval)
                                                            : m_till.shifts().paidOut(m, why, approval);
                              if (!moved.ok()) {
                                  refuse(moved);
                                  return moved;
                              }
                              say(done, false);
                              emit drawerWanted();
                              return moved;
                          });
}

bool ShiftViewModel::paidIn(const QString& amount, const QString& reason) {
    return cashMove(true, amount, reason);
}

bool ShiftViewModel::paidOut(const QString& amount, const QString& reason) {
    return cashMove(false, amount, reason);
}

bool ShiftViewModel::noSale(const QString& reason) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    const std::string why = reason.trimmed().toStdString();
    return m_approval.run(tr("Opening the drawer without a sale"),
                          [this, why](const std::optional<Approval>& approval) {
                              const core::Status opened = m_till.shifts().noSale(why, approval);
                              if (!opened.ok()) {
                                  refuse(opened);
                                  return opened;
                              }
                              say(tr("Drawer opened"), false);
                              emit drawerWanted();
                              return opened;
                          });
}

bool ShiftViewModel::xReport() {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto report = m_till.shifts().xReport();
    if (!report.ok()) return refuse(report.status());
    showReport(*report, tr("X report"));
    say(tr("X report: the shift stays open"), false);
    return true;
}

bool ShiftViewModel::closeShift() {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto report = m_till.shifts().close(m_count.totalMoney());
    if (!report.ok()) return refuse(report.status());
    showReport(*report, tr("Z report"));
    m_count.clear();
    const std::int64_t variance = report->variance.value_or(0);
    say(variance == 0  ? tr("Shift closed: the drawer is right")
        : variance > 0 ? tr("Shift closed: the drawer is over by %1").arg(money(variance))
                       : tr("Shift closed: the drawer is short by %1").arg(money(-variance)),
        variance != 0);
    return true;
}

}  // namespace frontdesk::kiosk::app

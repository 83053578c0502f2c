// Refunds at the till: against a receipt, or without one.
#include "kiosk/app/refund_view_model.h"

#include "qt_text.h"

namespace frontdesk::kiosk::app {

RefundViewModel::RefundViewModel(TillAccess& access, QObject* parent)
    : QObject(parent), m_access(access), m_till(access.till()), m_approval(access) {
    connect(&m_access, &TillAccess::busyChanged, this, &RefundViewModel::changed);
}

void RefundViewModel::say(const QString& message, bool error) {
    m_message = message;
    m_error = error;
    emit changed();
}

bool RefundViewModel::refuse(const core::Status& status) {
    say(engineText(status.message()), true);
    return false;
}

void RefundViewModel::setInCash(bool cash) {
    if (cash == m_inCash) return;
    m_inCash = cash;
    emit changed();
}

void RefundViewModel::setActive(bool active) {
    if (active == m_active) return;
    m_active = active;
    emit changed();
}

void RefundViewModel::clear() {
    m_lines.set({});
    m_receipt.clear();
    m_withoutReceipt = m_paidByCard = m_inCash = false;
    m_approval.cancel();
    say({}, false);
}

bool RefundViewModel::findReceipt(const QString& typed) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    const std::string receipt = typed.trimmed().toStdString();
    SaleHistory& history = m_till.history();
    auto sale = history.byReceipt(receipt);
    if (!sale.ok()) return refuse(sale.status());
    if (sale->kind != SaleKind::Sale)
        return refuse(core::invalidArgument(receipt + " is a refund's receipt, not a sale's"));
    auto sold = history.lines(sale->id);
    if (!sold.ok()) return refuse(sold.status());
    auto paid = history.paidSources(sale->id);
    if (!paid.ok()) return refuse(paid.status());
    const core::Currency& currency = m_till.settings().currency;
    std::vector<RefundLineModel::Row> rows;
    for (const auto& [number, line] : *sold) {
        auto left = line.line.qty.minus(line.refundedQty);
        if (!left.ok()) return refuse(left.status());
        rows.push_back({number, line.line.sku, text(line.line.name), line.line.qty, *left, core::Decimal(),
                        amountText(line.line.unitPrice, currency)});
    }
    m_lines.set(std::move(rows));
    m_receipt = text(receipt);
    m_withoutReceipt = false;
    m_paidByCard = !paid->cards.empty();
    m_inCash = false;
    say(tr("Receipt %1: choose what comes back").arg(m_receipt), false);
    return true;
}

void RefundViewModel::startWithoutReceipt() {
    clear();
    m_withoutReceipt = true;
    m_inCash = true;  // without a receipt, money goes back in cash only
    say(tr("No receipt: scan the items brought back. A supervisor approves the refund."), false);
}

bool RefundViewModel::scanned(const QString& code) {
    if (m_withoutReceipt) return addItem(code.trimmed().toStdString());
    return findReceipt(code);
}

bool RefundViewModel::addItem(const std::string& barcode) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto item = m_till.catalog().byBarcode(barcode);
    if (!item.ok()) return refuse(item.status());
    const auto& rows = m_lines.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].sku != item->sku) continue;
        auto more = rows[i].chosen.plus(core::Decimal::fromInt(1));
        if (!more.ok()) return refuse(more.status());
        m_lines.setChosen(static_cast<int>(i), *more);
        say(text(item->name), false);
        return true;
    }
    const core::Decimal one = core::Decimal::fromInt(1);
    m_lines.append(
        {0, item->sku, text(item->name), one, one, one, amountText(item->priceMinor, m_till.settings().currency)});
    say(text(item->name), false);
    return true;
}

bool RefundViewModel::choose(int row, const QString& typed) {
    if (row < 0 || row >= m_lines.rowCount()) return false;
    const QString trimmed = typed.trimmed();
    auto qty =
        trimmed.isEmpty() ? core::Result<core::Decimal>(core::Decimal()) : core::Decimal::parse(typedNumber(trimmed));
    if (!qty.ok() || qty->isNegative()) {
        say(tr("Quantity '%1' is not a number of items").arg(typed), true);
        return false;
    }
    const auto& line = m_lines.rows()[static_cast<std::size_t>(row)];
    // Without a receipt there is no "left": the engine's limits decide.
    if (!m_withoutReceipt && *qty > line.left) {
        say(tr("Only %1 of %2 is left to refund").arg(localNumber(text(line.left.toString())), line.name), true);
        return false;
    }
    m_lines.setChosen(row, *qty);
    say({}, false);
    return true;
}

void RefundViewModel::chooseAll(int row) {
    if (row < 0 || row >= m_lines.rowCount()) return;
    m_lines.setChosen(row, m_lines.rows()[static_cast<std::size_t>(row)].left);
}

core::Result<RefundRequest> RefundViewModel::request(const QString& reason) const {
    RefundRequest r;
    r.receipt = m_withoutReceipt ? std::string() : m_receipt.toStdString();
    r.reason = reason.trimmed().toStdString();
    if (m_inCash) r.method = TenderMethod::Cash;
    for (const auto& row : m_lines.rows()) {
        if (row.chosen.isZero()) continue;
        if (m_withoutReceipt) {
            r.items.push_back({row.sku, row.chosen, std::nullopt});
        } else {
            r.lines.push_back({row.line, row.chosen});
        }
    }
    if (r.lines.empty() && r.items.empty()) return core::invalidArgument("choose what comes back first");
    if (r.receipt.empty() && !m_withoutReceipt) return core::invalidArgument("scan or type the receipt first");
    return r;
}

bool RefundViewModel::refund(const QString& reason) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto wanted = request(reason);
    if (!wanted.ok()) return refuse(wanted.status());
    if (m_paidByCard && !m_inCash) {
        // To the card: the terminal pays back, off the GUI thread.
        say(tr("The card terminal is paying back: follow it on its screen"), false);
        return m_access.run(
            this, [r = *wanted](Till& till) { return till.refunds().refund(r); },
            [this](const core::Result<Committed>& done) { finished(done); });
    }
    return m_approval.run(tr("A refund"), [this, r = *wanted](const std::optional<Approval>& approval) {
        auto done = m_till.refunds().refund(r, approval);
        finished(done);
        return done.status();
    });
}

bool RefundViewModel::finished(const core::Result<Committed>& done) {
    if (!done.ok()) return refuse(done.status());
    const core::Currency& currency = m_till.settings().currency;
    const std::int64_t back = done->payload.at("totals").value("due", std::int64_t{0});
    emit committed(*done);
    clear();
    say(tr("Refund %1 saved: %2 back").arg(text(done->receiptNo), amountText(back, currency)), false);
    return true;
}

}  // namespace frontdesk::kiosk::app

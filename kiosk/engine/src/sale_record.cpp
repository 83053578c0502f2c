#include "kiosk/sale_record.h"

#include <cstdio>

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

nlohmann::json saleRecordPayload(const SaleRecord& r, const std::string& receiptNo) {
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto& l = r.lines[i];
        nlohmann::json line = {{"line", i + 1},          {"sku", l.sku},          {"name", l.name},
                               {"qty", l.qty.toString()}, {"unit_price", l.unitPrice}, {"discount", l.discount},
                               {"tax_code", l.taxCode},  {"tax_rate", l.taxRate.toString()},
                               {"net", l.net},           {"tax", l.tax},          {"gross", l.gross}};
        if (l.originalLine) line["original_line"] = *l.originalLine;
        if (!l.approvedBy.empty()) line["approved_by"] = l.approvedBy;
        lines.push_back(std::move(line));
    }
    nlohmann::json rates = nlohmann::json::array();
    for (const auto& b : r.byRate) {
        rates.push_back({{"tax_code", b.taxCode}, {"rate", b.rate.toString()}, {"net", b.net}, {"tax", b.tax},
                         {"gross", b.gross}});
    }
    nlohmann::json tenders = nlohmann::json::array();
    for (const auto& t : r.tenders) {
        nlohmann::json tender = {{"method", t.method}, {"amount", t.amount}, {"change", t.change}};
        if (t.card) {
            tender["brand"] = t.card->brand;
            tender["last4"] = t.card->last4;
            tender["auth_code"] = t.card->authCode;
            tender["terminal_ref"] = t.card->terminalRef;
        }
        if (!t.originalRef.empty()) tender["original_ref"] = t.originalRef;
        tenders.push_back(std::move(tender));
    }
    nlohmann::json payload = {
        {"sale", r.id},
        {"receipt", receiptNo},
        {"currency", r.currency},
        {"shift", r.shiftId},
        {"price_version", r.priceVersion},
        {"lines", lines},
        {"totals",
         {{"net", r.net}, {"tax", r.tax}, {"gross", r.gross}, {"discount", r.discount}, {"rounding", r.rounding},
          {"due", r.gross + r.rounding}}},
        {"tax_breakdown", rates},
        {"tenders", tenders},
    };
    if (!r.approvedBy.empty()) payload["approved_by"] = r.approvedBy;
    if (!r.reason.empty()) payload["reason"] = r.reason;
    if (r.kind == "refund") {
        payload["original_sale"] = r.originalSaleId.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.originalSaleId);
        payload["original_receipt"] =
            r.originalReceipt.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.originalReceipt);
    }
    return payload;
}

Result<Committed> writeSaleRecord(core::Database& db, Outbox& outbox, const std::string& terminal,
                                  const SaleRecord& r, const std::string& at) {
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_ASSIGN(auto number, nextCounter(db, "receipt_no"));
    char receipt[48];
    std::snprintf(receipt, sizeof receipt, "%s-%06lld", terminal.c_str(), static_cast<long long>(number));
    const std::string receiptNo = receipt;

    FD_ASSIGN(auto* sale, db.cached("INSERT INTO sales (id, kind, receipt_no, shift_id, staff, at, currency, net_minor,"
                                    " tax_minor, gross_minor, rounding_minor, discount_minor, original_sale,"
                                    " price_version, reason, approved_by)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto orNull = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
    FD_TRY(sale->bindAll(r.id, r.kind, receiptNo, r.shiftId, r.staff, at, r.currency, r.net, r.tax, r.gross,
                         r.rounding, r.discount, orNull(r.originalSaleId), r.priceVersion, orNull(r.reason),
                         orNull(r.approvedBy))
               .run());
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto& l = r.lines[i];
        FD_ASSIGN(auto* line, db.cached("INSERT INTO sale_lines (sale_id, line_no, sku, name, qty, unit_price_minor,"
                                        " discount_minor, tax_code, tax_rate, net_minor, tax_minor, gross_minor,"
                                        " original_line, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        FD_TRY(line->bindAll(r.id, static_cast<std::int64_t>(i + 1), l.sku, l.name, l.qty.toString(), l.unitPrice,
                             l.discount, l.taxCode, l.taxRate.toString(), l.net, l.tax, l.gross, l.originalLine,
                             orNull(l.approvedBy))
                   .run());
    }
    for (std::size_t i = 0; i < r.tenders.size(); ++i) {
        const auto& t = r.tenders[i];
        FD_ASSIGN(auto* tender, db.cached("INSERT INTO sale_tenders (sale_id, tender_no, method, amount_minor, change_minor,"
                                          " card_brand, card_last4, auth_code, terminal_ref, original_ref)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        tender->bindAll(r.id, static_cast<std::int64_t>(i + 1), t.method, t.amount, t.change);
        if (!t.originalRef.empty()) tender->bind(10, t.originalRef);
        if (t.card) {
            tender->bind(6, t.card->brand).bind(7, t.card->last4).bind(8, t.card->authCode).bind(9, t.card->terminalRef);
        }
        FD_TRY(tender->run());
    }
    // The sale now records its card payments; they are no longer authorizations without a sale.
    FD_ASSIGN(auto* settled, db.cached("DELETE FROM card_authorizations WHERE sale_id = ?"));
    FD_TRY(settled->bind(1, r.id).run());
    Committed committed{receiptNo, {}, saleRecordPayload(r, receiptNo)};
    FD_ASSIGN(committed.event,
              outbox.append(r.kind == "refund" ? "sale.refunded" : "sale.completed", r.staff, r.id, committed.payload));
    FD_TRY(tx->commit());
    return committed;
}

}  // namespace frontdesk::kiosk

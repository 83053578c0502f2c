#include "kiosk/app/cash_count_model.h"

#include <algorithm>

#include "qt_text.h"

namespace frontdesk::kiosk::app {

namespace {

constexpr std::int64_t kMaxCount = 100000;

}  // namespace

std::vector<std::int64_t> denominationsOf(const core::Currency& currency) {
    std::int64_t unit = 1;
    for (int i = 0; i < currency.exponent; ++i) unit *= 10;
    std::vector<std::int64_t> values;
    if (currency.codeView() == "USD" || currency.codeView() == "CAD") {
        values = {1, 5, 10, 25, unit, 2 * unit, 5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit};
    } else {
        for (std::int64_t decade = 1; decade <= 500 * unit; decade *= 10) {
            for (std::int64_t step : {1, 2, 5}) {
                const std::int64_t value = step * decade;
                if (value <= 500 * unit && value >= currency.cashIncrement && value % currency.cashIncrement == 0) {
                    values.push_back(value);
                }
            }
        }
    }
    std::sort(values.rbegin(), values.rend());
    return values;
}

CashCountModel::CashCountModel(const core::Currency& currency, QObject* parent)
    : QAbstractListModel(parent),
      m_currency(currency),
      m_values(denominationsOf(currency)),
      m_counts(m_values.size(), 0) {}

int CashCountModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_values.size());
}

QVariant CashCountModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto row = static_cast<std::size_t>(index.row());
    switch (role) {
        case LabelRole:
            return amountText(m_values[row], m_currency);
        case CountRole:
            return static_cast<qlonglong>(m_counts[row]);
        case AmountRole:
            return amountText(m_values[row] * m_counts[row], m_currency);
        default:
            return {};
    }
}

QHash<int, QByteArray> CashCountModel::roleNames() const {
    return {{LabelRole, "label"}, {CountRole, "count"}, {AmountRole, "amount"}};
}

bool CashCountModel::setCount(int row, const QString& count) {
    if (row < 0 || row >= rowCount()) return false;
    const QString typed = text(typedNumber(count));
    bool ok = false;
    const qlonglong n = typed.isEmpty() ? 0 : typed.toLongLong(&ok);
    if (!typed.isEmpty() && (!ok || n < 0 || n > kMaxCount)) return false;
    const auto at = static_cast<std::size_t>(row);
    if (m_counts[at] == n) return true;
    m_counts[at] = n;
    emit dataChanged(index(row), index(row), {CountRole, AmountRole});
    emit totalChanged();
    return true;
}

void CashCountModel::clear() {
    beginResetModel();
    std::fill(m_counts.begin(), m_counts.end(), 0);
    endResetModel();
    emit totalChanged();
}

core::Money CashCountModel::totalMoney() const {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < m_values.size(); ++i) sum += m_values[i] * m_counts[i];
    return core::Money(sum, m_currency);
}

QString CashCountModel::total() const {
    return localNumber(text(totalMoney().displayAmount()));
}

}  // namespace frontdesk::kiosk::app

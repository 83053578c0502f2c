#include "kiosk/app/cart_model.h"

#include "qt_text.h"

namespace frontdesk::kiosk::app {

int CartModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CartModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return row.name;
        case QuantityRole:
            return row.quantity;
        case UnitPriceRole:
            return row.unitPrice;
        case AmountRole:
            return row.amount;
        case DiscountRole:
            return row.discount;
        case AgeRestrictedRole:
            return row.ageRestricted;
        case LineRole:
            return index.row() + 1;
        default:
            return {};
    }
}

QHash<int, QByteArray> CartModel::roleNames() const {
    return {{NameRole, "name"},     {QuantityRole, "quantity"}, {UnitPriceRole, "unitPrice"},
            {AmountRole, "amount"}, {DiscountRole, "discount"}, {AgeRestrictedRole, "ageRestricted"},
            {LineRole, "line"}};
}

void CartModel::update(const Cart& cart, const SaleState& state, const core::Currency& currency) {
    std::vector<Row> next;
    next.reserve(cart.lines().size());
    for (std::size_t i = 0; i < cart.lines().size(); ++i) {
        const CartLine& line = cart.lines()[i];
        Row row;
        row.name = QString::fromStdString(line.item.name);
        row.quantity = localNumber(text(line.qty.toString()));
        row.unitPrice = amountText(line.unitPriceMinor, currency);
        if (i < state.totals.lines.size()) {
            const PricedLine& priced = state.totals.lines[i];
            row.amount = amountText(priced.amounts.gross.minor(), currency);
            const std::int64_t off = priced.lineDiscountMinor + priced.cartDiscountMinor;
            if (off != 0) row.discount = amountText(-off, currency);
        }
        row.ageRestricted = line.item.ageRestricted;
        next.push_back(std::move(row));
    }
    // Lines change in place, get appended, or go: a removal resets the list, the rest tells the
    // view only what changed.
    if (next.size() < m_rows.size()) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        emit countChanged();
        return;
    }
    const std::size_t kept = m_rows.size();
    for (std::size_t i = 0; i < kept; ++i) {
        if (!(m_rows[i] == next[i])) {
            m_rows[i] = next[i];
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at);
        }
    }
    if (next.size() > kept) {
        beginInsertRows({}, static_cast<int>(kept), static_cast<int>(next.size() - 1));
        m_rows.insert(m_rows.end(), std::make_move_iterator(next.begin() + static_cast<std::ptrdiff_t>(kept)),
                      std::make_move_iterator(next.end()));
        endInsertRows();
        emit countChanged();
    }
}

void CartModel::clear() {
    if (m_rows.empty()) return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

}  // namespace frontdesk::kiosk::app

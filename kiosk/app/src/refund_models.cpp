// The lines a refund can return, and how much of each is chosen.
#include "kiosk/app/refund_view_model.h"
#include "qt_text.h"

namespace frontdesk::kiosk::app {

int RefundLineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RefundLineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case NameRole:
            return row.name;
        case SoldRole:
            return localNumber(text(row.sold.toString()));
        case LeftRole:
            return localNumber(text(row.left.toString()));
        case ChosenRole:
            return localNumber(text(row.chosen.toString()));
        case PriceRole:
            return row.price;
        default:
            return {};
    }
}

QHash<int, QByteArray> RefundLineModel::roleNames() const {
    return {
        {NameRole, "name"}, {SoldRole, "sold"}, {LeftRole, "remaining"}, {ChosenRole, "chosen"}, {PriceRole, "price"}};
}

void RefundLineModel::set(std::vector<Row> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void RefundLineModel::append(Row row) {
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
    emit countChanged();
}

void RefundLineModel::setChosen(int row, const core::Decimal& qty) {
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return;
    m_rows[static_cast<std::size_t>(row)].chosen = qty;
    const QModelIndex at = index(row);
    emit dataChanged(at, at, {ChosenRole});
}

}  // namespace frontdesk::kiosk::app

#pragma once
// The sale in progress as the cashier's screen lists it: one row per cart line, with what the
// engine priced (never priced again here). The sale view model calls update() with each
// SaleState the engine returns; the model then emits only what changed (rows appended, data
// changed) so that the list view keeps its scroll position and animates just the new line.
//
// GUI thread, like every view model.

#include <QAbstractListModel>
#include <QString>
#include <vector>

#include <QtQml/qqmlregistration.h>

#include "core/money.h"
#include "kiosk/cart.h"
#include "kiosk/checkout.h"

namespace frontdesk::kiosk::app {

class CartModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,  // the item's name
        QuantityRole,                 // "2", "0.375"
        UnitPriceRole,                // "1.99"
        AmountRole,                   // the line's gross after discounts, "3.98"
        DiscountRole,                 // "-0.40", or "" when none
        AgeRestrictedRole,            // bool
        LineRole,                     // 1-based, as the engine numbers lines
    };

    explicit CartModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The cart as the engine left it, priced by `state`.
    void update(const Cart& cart, const SaleState& state, const core::Currency& currency);
    void clear();

signals:
    void countChanged();

private:
    struct Row {
        QString name, quantity, unitPrice, amount, discount;
        bool ageRestricted = false;
        bool operator==(const Row&) const = default;
    };
    std::vector<Row> m_rows;
};

}  // namespace frontdesk::kiosk::app

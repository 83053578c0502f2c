#pragma once
// Counting the drawer at the close of a shift: one row per note and coin of the till's currency,
// the cashier types how many of each, and the total is exact (integer minor units, never a float).
// The denominations are the currency's own where known (USD and CAD have quarters and no 2-cent
// coin), otherwise the 1-2-5 series from the smallest cash step up to 500 whole units, which is
// the euro's and most currencies' set.
//
// GUI thread. Rows are listed largest first, as a drawer is counted.

#include <QAbstractListModel>
#include <QString>
#include <vector>

#include <QtQml/qqmlregistration.h>

#include "core/money.h"

namespace frontdesk::kiosk::app {

// The denominations of a currency in minor units, largest first.
[[nodiscard]] std::vector<std::int64_t> denominationsOf(const core::Currency& currency);

class CashCountModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the shift view model")
    Q_PROPERTY(QString total READ total NOTIFY totalChanged)  // "1234.50"

public:
    enum Role {
        LabelRole = Qt::UserRole + 1,  // "50.00"
        CountRole,                     // how many, as typed; 0 before
        AmountRole,                    // label x count, "150.00"
    };

    explicit CashCountModel(const core::Currency& currency, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // How many of row's denomination: a whole number from 0 to 100000; false (unchanged) otherwise.
    Q_INVOKABLE bool setCount(int row, const QString& count);
    Q_INVOKABLE void clear();
    QString total() const;
    core::Money totalMoney() const;

signals:
    void totalChanged();

private:
    core::Currency m_currency;
    std::vector<std::int64_t> m_values;
    std::vector<std::int64_t> m_counts;
};

}  // namespace frontdesk::kiosk::app

#pragma once
// Finding an item without its barcode: the catalog's categories as tiles, a category's items as
// tiles, or items searched by name or sku as the cashier types (on the on-screen keyboard). A
// tile adds its item to the sale (SaleViewModel::addItem). Reads only; what it reads are indexed
// queries, so a 300,000-item catalog answers as fast as a small one.
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

class ItemBrowser : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(QStringList categories READ categories NOTIFY changed)
    Q_PROPERTY(QString category READ category NOTIFY changed)  // the category shown, "" for a search
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)   // [{sku, name, price, weighed}]
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    static constexpr int kTiles = 40;  // items shown at once: a screenful of tiles
    explicit ItemBrowser(TillAccess& access, QObject* parent = nullptr);

    QStringList categories() const { return m_categories; }
    QString category() const { return m_category; }
    QVariantList items() const { return m_items; }
    QString message() const { return m_message; }

    // Reads the categories again (after new master data), and shows the first one's items.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void showCategory(const QString& category);
    // Items whose name or sku starts with the text; "" shows the category again.
    Q_INVOKABLE void search(const QString& text);

signals:
    void changed();

private:
    void show(const core::Result<std::vector<Item>>& found, const QString& empty);

    TillAccess& m_access;
    Till& m_till;
    QStringList m_categories;
    QString m_category, m_message;
    QVariantList m_items;
};

}  // namespace frontdesk::kiosk::app

// Category tiles and search for items without a barcode.
#include "kiosk/app/item_browser.h"

#include "qt_text.h"

namespace frontdesk::kiosk::app {

ItemBrowser::ItemBrowser(TillAccess& access, QObject* parent)
    : QObject(parent), m_access(access), m_till(access.till()) {}

void ItemBrowser::refresh() {
    if (m_access.busy()) return;  // the till is on the card payment's thread
    auto categories = m_till.catalog().categories();
    m_categories.clear();
    if (categories.ok()) {
        for (const auto& c : *categories) m_categories << text(c);
    }
    if (!m_categories.contains(m_category)) m_category = m_categories.value(0);
    if (m_category.isEmpty()) {
        m_items.clear();
        m_message = tr("No categories in the catalog: search by name");
        emit changed();
        return;
    }
    showCategory(m_category);
}

void ItemBrowser::showCategory(const QString& category) {
    if (m_access.busy()) return;
    m_category = category;
    show(m_till.catalog().inCategory(category.toStdString(), kTiles), tr("Nothing in %1").arg(category));
}

void ItemBrowser::search(const QString& typed) {
    if (m_access.busy()) return;
    const QString prefix = typed.trimmed();
    if (prefix.isEmpty()) return refresh();
    m_category.clear();
    show(m_till.catalog().search(prefix.toStdString(), kTiles), tr("Nothing starts with %1").arg(prefix));
}

void ItemBrowser::show(const core::Result<std::vector<Item>>& found, const QString& empty) {
    m_items.clear();
    if (!found.ok()) {
        m_message = engineText(found.status().message());
    } else {
        const core::Currency& currency = m_till.settings().currency;
        for (const Item& item : *found) {
            m_items.append(QVariantMap{{"sku", text(item.sku)},
                                       {"name", text(item.name)},
                                       {"price", amountText(item.priceMinor, currency)},
                                       {"weighed", item.soldByWeight}});
        }
        m_message = m_items.isEmpty() ? empty : QString();
    }
    emit changed();
}

}  // namespace frontdesk::kiosk::app

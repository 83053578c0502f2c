#include "kiosk/app/qr_code_item.h"

#include <QPainter>
#include <algorithm>

#include "peripherals/codes.h"

namespace frontdesk::kiosk::app {

QrCodeItem::QrCodeItem(QQuickItem* parent) : QQuickPaintedItem(parent) {
    // Crisp modules: a scanner reads edges, and smoothing blurs them.
    setAntialiasing(false);
}

void QrCodeItem::setText(const QString& text) {
    if (text == m_text) return;
    m_text = text;
    // Error correction L: the most text for the size, and a screen does not get scratched.
    auto drawn = peripherals::qrBitmap({text.toStdString(), 1, 'L'});
    m_modules = drawn.ok() ? std::move(drawn).value() : peripherals::Bitmap();
    emit textChanged();
    update();
}

void QrCodeItem::paint(QPainter* painter) {
    const int side = static_cast<int>(std::min(width(), height()));
    painter->fillRect(QRectF(0, 0, side, side), Qt::white);
    if (!valid()) return;
    const int module = std::max(1, side / m_modules.width);
    const int offset = (side - module * m_modules.width) / 2;
    for (int y = 0; y < m_modules.height; ++y) {
        for (int x = 0; x < m_modules.width; ++x) {
            if (m_modules.get(x, y))
                painter->fillRect(offset + x * module, offset + y * module, module, module, Qt::black);
        }
    }
}

}  // namespace frontdesk::kiosk::app

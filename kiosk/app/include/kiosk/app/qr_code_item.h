#pragma once
// A QR code on the screen (QML: QrCode { text: ... }): the receipt a customer takes with their
// phone instead of paper. Drawn from peripherals' QR writer (ZXing), each module a whole number of
// pixels, as large as the item allows, with its quiet zone. Empty or too long text draws nothing
// and sets valid false.

#include <QQuickPaintedItem>
#include <QString>

#include <QtQml/qqmlregistration.h>

#include "peripherals/bitmap.h"

namespace frontdesk::kiosk::app {

class QrCodeItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(QrCode)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY textChanged)
    Q_PROPERTY(int modules READ modules NOTIFY textChanged)  // modules per side, quiet zone included

public:
    explicit QrCodeItem(QQuickItem* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    bool valid() const { return m_modules.width > 0; }
    int modules() const { return m_modules.width; }

    void paint(QPainter* painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    peripherals::Bitmap m_modules;  // one dot per module
};

}  // namespace frontdesk::kiosk::app

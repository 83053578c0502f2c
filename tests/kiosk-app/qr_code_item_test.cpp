// The QR code on the screen: what it draws reads back (ZXing) as the text it was given, at the
// size the item has; text too long for a QR code draws nothing and says so.
#include "kiosk/app/qr_code_item.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include "peripherals_test_support.h"

namespace frontdesk::kiosk::app {
namespace {

// The item painted at `side` pixels, as black and white dots.
peripherals::Bitmap painted(QrCodeItem& item, int side) {
    item.setSize(QSizeF(side, side));
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QPainter painter(&image);
    item.paint(&painter);
    painter.end();
    peripherals::Bitmap dots(side, side);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) dots.set(x, y, qGray(image.pixel(x, y)) < 128);
    }
    return dots;
}

TEST(QrCodeItem, WhatItDrawsReadsBackAsItsText) {
    QrCodeItem item;
    const QString receipt = QStringLiteral("Frontdesk Cafe\nReceipt t1-000001\nTotal      EUR 4.48\nشکراً");
    item.setText(receipt);
    ASSERT_TRUE(item.valid());
    EXPECT_GE(item.modules(), 21 + 8) << "version 1 and the quiet zone at the least";
    for (int side : {200, 441}) {
        EXPECT_EQ(peripherals::testing::decodeCodes(painted(item, side)),
                  std::vector<std::string>{"QRCode:" + receipt.toStdString()})
            << side << " px";
    }
}

TEST(QrCodeItem, TextTooLongOrEmptyDrawsNothing) {
    QrCodeItem item;
    item.setText(QString(1200, QLatin1Char('x')));
    EXPECT_FALSE(item.valid());
    EXPECT_TRUE(peripherals::testing::decodeCodes(painted(item, 300)).empty());
    item.setText({});
    EXPECT_FALSE(item.valid());
}

}  // namespace
}  // namespace frontdesk::kiosk::app

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The last sale's receipt as a QR code on the screen, for the customer's phone instead of paper.
// Opens by itself after a sale whose receipt is not printed; "Receipt on screen" opens it again.
Popup {
    id: dialog
    required property SaleViewModel sale

    objectName: "receiptQrDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2

    Connections {
        target: dialog.sale
        function onCommitted() {
            if (!dialog.sale.paperReceipt && dialog.sale.receiptText.length > 0) dialog.open()
        }
    }

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        spacing: Theme.spacing
        Label {
            text: qsTr("Receipt %1").arg(dialog.sale.lastReceipt)
            font.pixelSize: Theme.largeText
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
        }
        QrCode {
            objectName: "receiptQr"
            text: dialog.sale.receiptText
            Layout.preferredWidth: 440
            Layout.preferredHeight: 440
            Layout.alignment: Qt.AlignHCenter
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("The receipt as a QR code")
        }
        Label {
            text: qsTr("Scan it with your phone's camera to keep the receipt")
            font.pixelSize: Theme.textSize
            color: Theme.muted
            Layout.alignment: Qt.AlignHCenter
        }
        Button {
            objectName: "receiptQrClose"
            text: qsTr("Close")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: dialog.close()
        }
    }
}

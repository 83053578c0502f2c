import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The cashier's sale: the cart on the left, the total, what happened and the tenders on the right.
Item {
    id: screen
    required property SaleViewModel sale
    required property SessionViewModel session

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            color: Theme.panel
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                id: lines
                anchors.fill: parent
                anchors.margins: Theme.spacing
                clip: true
                model: screen.sale.cart
                onCountChanged: positionViewAtEnd()
                delegate: RowLayout {
                    required property string name
                    required property string quantity
                    required property string unitPrice
                    required property string amount
                    required property string discount
                    width: ListView.view.width
                    height: Theme.target
                    Label {
                        text: parent.name
                        font.pixelSize: Theme.textSize
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: parent.quantity + " × " + parent.unitPrice
                        font.pixelSize: Theme.textSize
                        color: Theme.muted
                    }
                    Label {
                        text: parent.discount
                        visible: parent.discount.length > 0
                        font.pixelSize: Theme.textSize
                        color: Theme.ok
                    }
                    Label {
                        text: parent.amount
                        font.pixelSize: Theme.textSize
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 120
                    }
                }
            }
        }

        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: false  // a layout fills by default: the cart takes the width left
            Layout.preferredWidth: 360
            Layout.fillHeight: true

            Label {
                text: screen.session.staffName
                font.pixelSize: Theme.textSize
                color: Theme.muted
            }
            Label {
                text: screen.sale.total
                font.pixelSize: Theme.hugeText
                font.bold: true
                color: Theme.text
                Accessible.name: qsTr("Total %1").arg(screen.sale.total)
            }
            Label {
                text: qsTr("Change %1").arg(screen.sale.change)
                visible: screen.sale.paid
                font.pixelSize: Theme.largeText
                color: Theme.ok
            }
            Label {
                text: screen.sale.message
                color: screen.sale.messageIsError ? Theme.error : Theme.text
                font.pixelSize: Theme.textSize
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            TextField {
                id: codeField
                placeholderText: qsTr("Barcode")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Barcode")
                onAccepted: if (screen.sale.scan(text)) text = ""
            }
            TextField {
                id: cashField
                placeholderText: qsTr("Cash given")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Cash given")
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Button {
                    text: qsTr("Cash")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: if (screen.sale.tenderCash(cashField.text)) cashField.text = ""
                }
                Button {
                    text: qsTr("Card")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: screen.sale.tenderCard()
                }
            }
            Button {
                text: qsTr("Complete sale")
                enabled: screen.sale.paid
                font.pixelSize: Theme.largeText
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: screen.sale.complete()
            }
            Item { Layout.fillHeight: true }
            Button {
                text: qsTr("Lock")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minimumTarget
                onClicked: screen.session.logout()
            }
        }
    }
}

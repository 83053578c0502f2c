import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The cashier's sale: the cart on the left with what can be done to the selected line and the
// printer's last word; on the right the total, what happened, the card's state, the barcode field,
// payment and the sale's own actions (discount, park, parked sales, void, lock).
Item {
    id: screen
    required property SaleViewModel sale
    required property SessionViewModel session
    required property PrinterViewModel printer
    required property ItemBrowser browser
    property int selectedLine: 0  // 1-based; 0 for none
    signal shiftWanted()
    signal refundWanted()

    Connections {
        target: screen.sale.cart
        function onCountChanged() { if (screen.selectedLine > screen.sale.cart.count) screen.selectedLine = 0 }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            Rectangle {
                color: Theme.panel
                Layout.fillWidth: true
                Layout.fillHeight: true
                ListView {
                    id: lines
                    objectName: "cartList"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    clip: true
                    model: screen.sale.cart
                    onCountChanged: positionViewAtEnd()
                    delegate: Rectangle {
                        id: row
                        required property int line
                        required property string name
                        required property string quantity
                        required property string unitPrice
                        required property string amount
                        required property string discount
                        required property bool ageRestricted
                        width: ListView.view.width
                        height: Theme.target
                        color: screen.selectedLine === row.line ? Theme.selected : "transparent"
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2 at %3, %4").arg(row.name).arg(row.quantity).arg(row.unitPrice).arg(row.amount)
                        TapHandler {
                            onTapped: screen.selectedLine = screen.selectedLine === row.line ? 0 : row.line
                        }
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.spacing / 2
                            anchors.rightMargin: Theme.spacing / 2
                            Label {
                                text: row.name + (row.ageRestricted ? "  " + qsTr("(age check)") : "")
                                font.pixelSize: Theme.textSize
                                color: Theme.text
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: row.quantity + " × " + row.unitPrice
                                font.pixelSize: Theme.textSize
                                color: Theme.muted
                            }
                            Label {
                                text: row.discount
                                visible: row.discount.length > 0
                                font.pixelSize: Theme.textSize
                                color: Theme.ok
                            }
                            Label {
                                text: row.amount
                                font.pixelSize: Theme.textSize
                                color: Theme.text
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 120
                            }
                        }
                    }
                }
            }
            LineActions {
                sale: screen.sale
                line: screen.selectedLine
                Layout.fillWidth: true
                onDone: screen.selectedLine = 0
            }
            GridLayout {
                columns: 4
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Layout.fillWidth: true
                enabled: !screen.sale.busy
                Button {
                    objectName: "saleDiscountButton"
                    text: qsTr("Sale discount")
                    enabled: !screen.sale.empty && !screen.sale.tendered
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: discountDialog.open()
                }
                Button {
                    objectName: "parkButton"
                    text: qsTr("Park")
                    enabled: !screen.sale.empty && !screen.sale.tendered
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: parkDialog.open()
                }
                Button {
                    objectName: "parkedButton"
                    text: qsTr("Parked sales")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: parkedDialog.open()
                }
                Button {
                    objectName: "browseButton"
                    text: qsTr("Items")
                    enabled: !screen.sale.tendered && !screen.sale.busy
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: itemBrowser.open()
                }
                Button {
                    objectName: "receiptOnScreenButton"
                    text: qsTr("Receipt on screen")
                    enabled: screen.sale.empty && screen.sale.receiptText.length > 0
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: receiptQr.open()
                }
                Button {
                    objectName: "voidButton"
                    text: qsTr("Void sale")
                    enabled: !screen.sale.empty
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: voidDialog.open()
                }
            }
            PrinterStrip {
                printer: screen.printer
                Layout.fillWidth: true
            }
        }

        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: false  // a layout fills by default: the cart takes the width left
            Layout.preferredWidth: 400
            Layout.fillHeight: true

            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "staffName"
                    text: screen.session.staffName
                    font.pixelSize: Theme.textSize
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "refundButton"
                    text: qsTr("Refund")
                    enabled: screen.sale.empty && !screen.sale.busy
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: screen.refundWanted()
                }
                Button {
                    objectName: "shiftButton"
                    text: qsTr("Shift")
                    enabled: screen.sale.empty && !screen.sale.busy
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: screen.shiftWanted()
                }
                Button {
                    objectName: "lockButton"
                    text: qsTr("Lock")
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: screen.session.logout()
                }
            }
            Label {
                objectName: "total"
                text: screen.sale.total
                font.pixelSize: Theme.hugeText
                font.bold: true
                color: Theme.text
                Accessible.name: qsTr("Total %1").arg(screen.sale.total)
            }
            Label {
                objectName: "saleMessage"
                text: screen.sale.message
                color: screen.sale.messageIsError ? Theme.error : Theme.text
                font.pixelSize: Theme.textSize
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
            }
            AgeBanner {
                sale: screen.sale
                Layout.fillWidth: true
            }
            CardPanel {
                sale: screen.sale
                Layout.fillWidth: true
            }
            TextField {
                id: codeField
                objectName: "barcodeField"
                placeholderText: qsTr("Barcode")
                font.pixelSize: Theme.textSize
                enabled: !screen.sale.busy && !screen.sale.tendered
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Barcode")
                onAccepted: if (screen.sale.scan(text)) text = ""
            }
            TenderPanel {
                sale: screen.sale
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
        }
    }

    ReasonDialog {
        id: discountDialog
        objectName: "saleDiscount"
        title: qsTr("Discount on the sale")
        placeholder: qsTr("Amount (1.50) or percentage (10%)")
        confirmText: qsTr("Give discount")
        onAccepted: text => screen.sale.discountSale(text)
    }
    ReasonDialog {
        id: parkDialog
        objectName: "park"
        title: qsTr("Park the sale")
        placeholder: qsTr("A name to find it by (optional)")
        confirmText: qsTr("Park")
        onAccepted: text => screen.sale.park(text)
    }
    ReasonDialog {
        id: voidDialog
        objectName: "void"
        title: qsTr("Void the sale")
        placeholder: qsTr("Why")
        confirmText: qsTr("Void")
        onAccepted: text => screen.sale.voidSale(text)
    }
    ParkedDialog {
        id: parkedDialog
        sale: screen.sale
    }
    ApprovalDialog {
        approval: screen.sale.approval
    }
    ReceiptQrDialog {
        id: receiptQr
        sale: screen.sale
    }
    ItemBrowserDialog {
        id: itemBrowser
        browser: screen.browser
        sale: screen.sale
    }
}

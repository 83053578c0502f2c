import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A refund: the receipt's code scanned (or typed), or no receipt; the lines with what is left of
// each and how much comes back; to the original payment or in cash; the reason. What the
// cashier's role may not do alone waits for a supervisor in the approval dialog.
Item {
    id: screen
    required property RefundViewModel refund
    required property PrinterViewModel printer
    signal back()

    Component.onCompleted: screen.refund.active = true
    Component.onDestruction: screen.refund.active = false

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: screen.refund.withoutReceipt ? qsTr("Refund without a receipt")
                    : screen.refund.receipt.length > 0 ? qsTr("Refund of %1").arg(screen.refund.receipt)
                    : qsTr("Refund")
                font.pixelSize: Theme.largeText
                color: Theme.text
                Layout.fillWidth: true
            }
            Button {
                objectName: "refundBack"
                text: qsTr("Back to the sale")
                enabled: !screen.refund.busy
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.minimumTarget
                onClicked: {
                    screen.refund.clear()
                    screen.back()
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: receiptField
                objectName: "receiptField"
                placeholderText: qsTr("Scan the receipt, or type its number")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: placeholderText
                onAccepted: if (screen.refund.scanned(text)) text = ""
            }
            Button {
                objectName: "noReceiptButton"
                text: qsTr("No receipt")
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.target
                onClicked: screen.refund.startWithoutReceipt()
            }
        }
        Rectangle {
            color: Theme.panel
            radius: 6
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                objectName: "refundLines"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                clip: true
                spacing: Theme.spacing / 2
                model: screen.refund.lines
                delegate: RowLayout {
                    id: row
                    required property int index
                    required property string name
                    required property string sold
                    required property string remaining
                    required property string chosen
                    required property string price
                    width: ListView.view.width
                    height: Theme.target
                    spacing: Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2 left to refund, %3 chosen").arg(row.name).arg(row.remaining).arg(row.chosen)
                    Label {
                        text: row.name
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: screen.refund.withoutReceipt ? row.price : qsTr("%1 left at %2").arg(row.remaining).arg(row.price)
                        font.pixelSize: Theme.textSize
                        color: Theme.muted
                    }
                    TextField {
                        objectName: "refundQty" + row.index
                        text: row.chosen
                        font.pixelSize: Theme.textSize
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 110
                        Layout.preferredHeight: Theme.minimumTarget
                        Accessible.name: qsTr("How many of %1 come back").arg(row.name)
                        onEditingFinished: screen.refund.choose(row.index, text)
                    }
                    Button {
                        objectName: "refundAll" + row.index
                        text: qsTr("All")
                        visible: !screen.refund.withoutReceipt
                        font.pixelSize: Theme.textSize
                        Layout.preferredHeight: Theme.minimumTarget
                        onClicked: screen.refund.chooseAll(row.index)
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "toOriginalButton"
                text: screen.refund.paidByCard ? qsTr("Back to the card") : qsTr("Back as paid")
                checkable: true
                checked: !screen.refund.inCash
                enabled: !screen.refund.withoutReceipt
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.target
                onClicked: screen.refund.inCash = false
            }
            Button {
                objectName: "inCashButton"
                text: qsTr("In cash")
                checkable: true
                checked: screen.refund.inCash
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.target
                onClicked: screen.refund.inCash = true
            }
            TextField {
                id: reasonField
                objectName: "refundReason"
                placeholderText: qsTr("Why it came back")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Reason for the refund")
            }
            Button {
                objectName: "refundButton"
                text: qsTr("Refund")
                enabled: screen.refund.lines.count > 0 && !screen.refund.busy
                font.pixelSize: Theme.largeText
                Layout.preferredHeight: Theme.target
                onClicked: if (screen.refund.refund(reasonField.text)) reasonField.text = ""
            }
        }
        Label {
            objectName: "refundMessage"
            text: screen.refund.message
            visible: text.length > 0
            color: screen.refund.messageIsError ? Theme.error : Theme.text
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
        }
        PrinterStrip {
            printer: screen.printer
            Layout.fillWidth: true
        }
    }

    ApprovalDialog {
        approval: screen.refund.approval
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Taking payment: one-touch cash amounts (the exact sum and the next round notes), any other
// amount typed, the card, and Complete once the sale is paid. A split tender is simply one
// payment after another until nothing remains.
ColumnLayout {
    id: panel
    required property SaleViewModel sale
    spacing: Theme.spacing

    Label {
        objectName: "remaining"
        text: panel.sale.tendered ? qsTr("Paid %1, still to pay %2").arg(panel.sale.paidSoFar).arg(panel.sale.remaining)
                                  : ""
        visible: text.length > 0 && !panel.sale.paid
        font.pixelSize: Theme.textSize
        color: Theme.text
        Layout.fillWidth: true
    }
    GridLayout {
        columns: 4
        columnSpacing: Theme.spacing / 2
        rowSpacing: Theme.spacing / 2
        Layout.fillWidth: true
        visible: !panel.sale.paid
        Repeater {
            model: panel.sale.quickAmounts
            delegate: Button {
                required property string modelData
                required property int index
                objectName: "quickCash" + index
                text: modelData
                enabled: !panel.sale.busy
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Cash %1").arg(modelData)
                onClicked: panel.sale.tenderCash(modelData)
            }
        }
    }
    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        visible: !panel.sale.paid
        TextField {
            id: cashField
            objectName: "cashField"
            placeholderText: qsTr("Cash given")
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Cash given")
            onAccepted: if (panel.sale.tenderCash(text)) text = ""
        }
        Button {
            objectName: "cashButton"
            text: qsTr("Cash")
            enabled: !panel.sale.busy && cashField.text.length > 0
            font.pixelSize: Theme.textSize
            Layout.preferredWidth: 2 * Theme.target
            Layout.preferredHeight: Theme.target
            onClicked: if (panel.sale.tenderCash(cashField.text)) cashField.text = ""
        }
    }
    Button {
        objectName: "cardButton"
        text: qsTr("Card %1").arg(panel.sale.remaining)
        visible: !panel.sale.paid
        enabled: !panel.sale.busy && !panel.sale.empty
        font.pixelSize: Theme.textSize
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.target
        onClicked: panel.sale.tenderCard()
    }
    Label {
        objectName: "changeDue"
        text: qsTr("Change %1").arg(panel.sale.change)
        visible: panel.sale.paid
        font.pixelSize: Theme.largeText
        color: Theme.ok
    }
    Switch {
        objectName: "paperReceiptSwitch"
        text: qsTr("Paper receipt")
        checked: panel.sale.paperReceipt
        visible: panel.sale.paid
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.minimumTarget
        Accessible.name: qsTr("Print the receipt on paper; off: show it as a QR code")
        onToggled: panel.sale.paperReceipt = checked
    }
    Button {
        objectName: "completeButton"
        text: qsTr("Complete sale")
        enabled: panel.sale.paid && !panel.sale.busy
        font.pixelSize: Theme.largeText
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.target
        onClicked: panel.sale.complete()
    }
}

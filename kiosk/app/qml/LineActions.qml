import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// What can be done to the selected line: its quantity (or weight, typed from the scale's
// display), a discount as an amount or a percentage, a new unit price, or removing it. A discount
// or price the cashier's role may not give asks for a supervisor (ApprovalDialog).
RowLayout {
    id: bar
    required property SaleViewModel sale
    required property int line  // 1-based; 0 when no line is selected
    signal done()

    spacing: Theme.spacing / 2
    enabled: bar.line > 0 && !bar.sale.busy && !bar.sale.tendered

    TextField {
        id: valueField
        objectName: "lineValue"
        placeholderText: qsTr("Qty, 10%, or price")
        inputMethodHints: Qt.ImhFormattedNumbersOnly
        font.pixelSize: Theme.textSize
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.target
        Accessible.name: qsTr("Quantity, discount or price for the selected line")
    }
    Button {
        objectName: "lineQuantity"
        text: qsTr("Qty")
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.target
        onClicked: if (bar.sale.setQuantity(bar.line, valueField.text)) valueField.text = ""
    }
    Button {
        objectName: "lineDiscount"
        text: qsTr("Discount")
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.target
        onClicked: if (bar.sale.discountLine(bar.line, valueField.text)) valueField.text = ""  // "1.50" or "10%"
    }
    Button {
        objectName: "linePrice"
        text: qsTr("Price")
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.target
        onClicked: if (bar.sale.overridePrice(bar.line, valueField.text)) valueField.text = ""
    }
    Button {
        objectName: "lineRemove"
        text: qsTr("Remove")
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.target
        onClicked: if (bar.sale.removeLine(bar.line)) bar.done()
    }
}

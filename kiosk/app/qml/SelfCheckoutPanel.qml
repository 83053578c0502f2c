import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A customer's own checkout: what they scanned, the total, and the card (the only way to pay
// here). An age-restricted item waits for a member of staff.
ColumnLayout {
    id: panel
    required property SelfServiceViewModel selfService
    required property SaleViewModel sale

    spacing: Theme.spacing

    Label {
        text: panel.sale.empty ? qsTr("Scan your first item") : qsTr("Your items")
        font.pixelSize: Theme.largeText
        color: Theme.text
    }
    Rectangle {
        color: Theme.panel
        radius: 6
        Layout.fillWidth: true
        Layout.fillHeight: true
        ListView {
            objectName: "selfCartList"
            anchors.fill: parent
            anchors.margins: Theme.spacing
            clip: true
            model: panel.sale.cart
            onCountChanged: positionViewAtEnd()
            delegate: RowLayout {
                id: row
                required property string name
                required property string quantity
                required property string amount
                width: ListView.view.width
                height: Theme.target
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2, %3").arg(row.name).arg(row.quantity).arg(row.amount)
                Label {
                    text: row.name
                    font.pixelSize: Theme.textSize
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: row.quantity
                    font.pixelSize: Theme.textSize
                    color: Theme.muted
                }
                Label {
                    text: row.amount
                    font.pixelSize: Theme.textSize
                    color: Theme.text
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 140
                }
            }
        }
    }
    AgeBanner {
        sale: panel.sale
        selfService: true
        Layout.fillWidth: true
    }
    CardPanel {
        sale: panel.sale
        Layout.fillWidth: true
    }
    Label {
        objectName: "selfMessage"
        text: panel.sale.message
        visible: text.length > 0
        color: panel.sale.messageIsError ? Theme.error : Theme.muted
        font.pixelSize: Theme.textSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Label {
            objectName: "selfTotal"
            text: qsTr("Total %1").arg(panel.sale.total)
            font.pixelSize: Theme.hugeText
            font.bold: true
            color: Theme.text
            Layout.fillWidth: true
        }
        Button {
            objectName: "selfCancelButton"
            text: qsTr("Cancel")
            enabled: !panel.sale.busy
            font.pixelSize: Theme.textSize
            Layout.preferredHeight: Theme.target
            onClicked: panel.selfService.reset()
        }
        Button {
            objectName: "payByCardButton"
            text: qsTr("Pay by card")
            enabled: !panel.sale.empty && !panel.sale.ageCheckNeeded && !panel.sale.busy
            font.pixelSize: Theme.largeText
            Layout.preferredHeight: Theme.target * 1.5
            Layout.preferredWidth: 5 * Theme.target
            onClicked: panel.selfService.payByCard()
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The card payment's state, large: present the card (while the terminal waits), approved,
// declined, cancelled, timed out or unreachable. What to do next is the sale's message.
Rectangle {
    id: panel
    required property SaleViewModel sale

    objectName: "cardPanel"
    visible: panel.sale.cardState.length > 0
    color: panel.sale.cardState === "approved" ? Theme.okPanel
         : panel.sale.cardState === "present" ? Theme.panel : Theme.errorPanel
    border.color: Theme.accent
    radius: 6
    implicitHeight: row.implicitHeight + 2 * Theme.spacing

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        BusyIndicator {
            running: panel.sale.busy
            visible: running
            Layout.preferredWidth: Theme.target
            Layout.preferredHeight: Theme.target
        }
        Label {
            objectName: "cardStateText"
            text: {
                switch (panel.sale.cardState) {
                case "present": return qsTr("Present the card")
                case "approved": return qsTr("Card approved")
                case "declined": return qsTr("Card declined")
                case "cancelled": return qsTr("Cancelled on the terminal")
                case "timeout": return qsTr("No answer from the terminal")
                case "offline": return qsTr("Card terminal offline")
                }
                return ""
            }
            font.pixelSize: Theme.largeText
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
        }
    }
}

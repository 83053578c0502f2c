import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A customer checks themselves in: a booking's QR code or their member card, scanned; the
// decision large, with the reason when they are not admitted.
ColumnLayout {
    id: panel
    required property SelfServiceViewModel selfService
    required property ReceptionViewModel reception

    spacing: Theme.spacing * 2

    Item { Layout.fillHeight: true }
    Label {
        text: qsTr("Scan your booking's QR code or your member card")
        font.pixelSize: Theme.largeText
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Rectangle {
        objectName: "selfOutcomePanel"
        visible: panel.reception.outcome.length > 0
        color: panel.reception.outcome === "admitted" ? Theme.okPanel : Theme.errorPanel
        radius: 6
        Layout.fillWidth: true
        implicitHeight: outcome.implicitHeight + 2 * Theme.spacing
        ColumnLayout {
            id: outcome
            anchors.fill: parent
            anchors.margins: Theme.spacing
            Label {
                objectName: "selfOutcomeTitle"
                text: panel.reception.outcomeTitle
                font.pixelSize: Theme.hugeText
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                objectName: "selfOutcomeDetail"
                text: panel.reception.outcomeDetail
                font.pixelSize: Theme.textSize
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
    Label {
        text: panel.reception.message
        visible: text.length > 0
        color: panel.reception.messageIsError ? Theme.error : Theme.muted
        font.pixelSize: Theme.textSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    Button {
        objectName: "selfCheckinDone"
        text: qsTr("Done")
        font.pixelSize: Theme.largeText
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Theme.target
        Layout.preferredWidth: 4 * Theme.target
        onClicked: panel.selfService.reset()
    }
}

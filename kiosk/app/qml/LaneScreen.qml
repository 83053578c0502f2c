import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The self-service till while a member of staff has it: hand it to customers, see to the shift,
// or lock it.
Item {
    id: screen
    required property SelfServiceViewModel selfService
    required property SessionViewModel session
    signal shiftWanted()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.spacing, 560)
        spacing: Theme.spacing
        Label {
            text: qsTr("Self-service till")
            font.pixelSize: Theme.hugeText
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("%1 is responsible for this till while customers use it").arg(screen.session.staffName)
            font.pixelSize: Theme.textSize
            color: Theme.muted
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Button {
            objectName: "handOverButton"
            text: qsTr("Open for customers")
            font.pixelSize: Theme.largeText
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target * 1.5
            onClicked: screen.selfService.start()
        }
        Button {
            objectName: "laneShiftButton"
            text: qsTr("Shift")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: screen.shiftWanted()
        }
        Button {
            objectName: "laneLockButton"
            text: qsTr("Lock")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: screen.session.logout()
        }
        Label {
            objectName: "laneMessage"
            text: screen.selfService.message
            visible: text.length > 0
            color: Theme.error
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}

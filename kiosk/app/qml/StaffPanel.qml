import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A member of staff at the self-service till: their id and PIN take the till back (and log them
// in at the staffed screens). Opened from "Call staff". Their badge does it on any screen of the
// till, this one included.
Popup {
    id: dialog
    required property SelfServiceViewModel selfService

    objectName: "staffPanel"
    modal: true
    closePolicy: Popup.NoAutoClose
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2
    width: 3 * Theme.target * 1.6 + 2 * Theme.spacing + 4 * Theme.spacing

    onOpened: staffField.text = ""

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Staff")
            font.pixelSize: Theme.largeText
            color: Theme.text
        }
        TextField {
            id: staffField
            objectName: "takeOverStaff"
            placeholderText: qsTr("Staff id")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Staff id")
        }
        PinPad {
            objectName: "takeOverPin"
            Layout.fillWidth: true
            onSubmitted: pin => {
                if (dialog.selfService.takeOver(staffField.text, pin)) dialog.close()
            }
        }
        BadgeHint {}
        Label {
            objectName: "takeOverMessage"
            text: dialog.selfService.message
            visible: text.length > 0
            color: Theme.error
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "takeOverCancel"
            text: qsTr("Cancel")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: dialog.close()
        }
    }
}

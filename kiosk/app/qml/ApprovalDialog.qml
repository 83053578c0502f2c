import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A supervisor approves what the cashier's role may not do: their id and PIN, or their badge
// read by the scanner, here on the cashier's screen. Open while an action waits for approval; Cancel drops it.
Popup {
    id: dialog
    required property PendingApproval approval

    objectName: "approvalDialog"
    modal: true
    closePolicy: Popup.NoAutoClose
    visible: dialog.approval.waiting
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2
    width: 3 * Theme.target * 1.6 + 2 * Theme.spacing + 4 * Theme.spacing

    onVisibleChanged: if (visible) supervisorField.text = ""

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Supervisor approval")
            font.pixelSize: Theme.largeText
            color: Theme.text
        }
        Label {
            text: dialog.approval.request
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TextField {
            id: supervisorField
            objectName: "supervisorField"
            placeholderText: qsTr("Supervisor id")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Supervisor id")
        }
        PinPad {
            objectName: "approvalPin"
            Layout.fillWidth: true
            onSubmitted: pin => dialog.approval.approve(supervisorField.text, pin)
        }
        BadgeHint {}
        Label {
            objectName: "approvalMessage"
            text: dialog.approval.message
            visible: text.length > 0
            color: Theme.error
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "approvalCancel"
            text: qsTr("Cancel")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: dialog.approval.cancel()
        }
    }
}

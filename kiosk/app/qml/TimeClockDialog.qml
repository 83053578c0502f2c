import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Staff clock in or out with their own id and PIN, whoever is logged in, or with their badge: read
// while this is open, it clocks its holder in, or out if they are in. Who is on the clock.
Popup {
    id: dialog
    required property ReceptionViewModel reception
    property bool clockingIn: true

    objectName: "timeClockDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2
    width: 3 * Theme.target * 1.6 + 6 * Theme.spacing
    onAboutToShow: staffField.text = ""
    onOpened: dialog.reception.timeClockOpen = true
    onClosed: dialog.reception.timeClockOpen = false

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Time clock")
            font.pixelSize: Theme.largeText
            color: Theme.text
        }
        Label {
            text: dialog.reception.clockedIn.length > 0
                  ? qsTr("On the clock: %1").arg(dialog.reception.clockedIn.map(c => c.name || c.staff).join(", "))
                  : qsTr("Nobody is on the clock")
            font.pixelSize: Theme.textSize
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "clockInMode"
                text: qsTr("Clock in")
                checkable: true
                checked: dialog.clockingIn
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minimumTarget
                onClicked: dialog.clockingIn = true
            }
            Button {
                objectName: "clockOutMode"
                text: qsTr("Clock out")
                checkable: true
                checked: !dialog.clockingIn
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minimumTarget
                onClicked: dialog.clockingIn = false
            }
        }
        TextField {
            id: staffField
            objectName: "clockStaffField"
            placeholderText: qsTr("Staff id")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Staff id")
        }
        PinPad {
            Layout.fillWidth: true
            onSubmitted: pin => {
                const done = dialog.clockingIn ? dialog.reception.clockIn(staffField.text, pin)
                                               : dialog.reception.clockOut(staffField.text, pin)
                if (done) dialog.close()
            }
        }
        BadgeHint {
            text: qsTr("Or scan your staff badge: it clocks you in, or out if you are in")
        }
        Label {
            // A badge punches while the dialog stays open for the next member: its answer shows here.
            objectName: "timeClockMessage"
            text: dialog.reception.message
            visible: text.length > 0
            color: dialog.reception.messageIsError ? Theme.error : Theme.text
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Close")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            onClicked: dialog.close()
        }
    }
}

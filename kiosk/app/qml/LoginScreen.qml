import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Staff login: the staff id, then the PIN on the keypad; or a staff badge, read by the scanner on
// this screen whatever has focus (ScanRouter).
Item {
    id: screen
    required property SessionViewModel session

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing
        width: 3 * Theme.target * 1.6 + 2 * Theme.spacing

        Label {
            text: qsTr("Log in")
            font.pixelSize: Theme.largeText
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
        }
        TextField {
            id: staffField
            objectName: "staffField"
            placeholderText: qsTr("Staff id")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Staff id")
        }
        PinPad {
            objectName: "loginPin"
            Layout.fillWidth: true
            onSubmitted: pin => { if (screen.session.login(staffField.text, pin)) staffField.text = "" }
        }
        BadgeHint {}
        Label {
            objectName: "loginMessage"
            text: screen.session.message
            visible: text.length > 0
            color: Theme.error
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}

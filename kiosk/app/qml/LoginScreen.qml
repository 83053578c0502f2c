import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Staff login: the staff id, then the PIN on a keypad large enough for fingers.
Item {
    id: screen
    required property SessionViewModel session
    property string pin: ""

    function submit() {
        if (screen.session.login(staffField.text, screen.pin)) staffField.text = ""
        screen.pin = ""
    }

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
            placeholderText: qsTr("Staff id")
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: qsTr("Staff id")
        }
        Label {
            text: screen.pin.length > 0 ? "●".repeat(screen.pin.length) : qsTr("PIN")
            font.pixelSize: Theme.largeText
            color: screen.pin.length > 0 ? Theme.text : Theme.muted
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("PIN, %n digits entered", "", screen.pin.length)
        }
        GridLayout {
            columns: 3
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Layout.fillWidth: true
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                delegate: Button {
                    required property string modelData
                    text: modelData === "OK" ? qsTr("OK") : modelData
                    font.pixelSize: Theme.largeText
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    Accessible.name: modelData === "⌫" ? qsTr("Delete a digit") : text
                    onClicked: {
                        if (modelData === "OK") screen.submit()
                        else if (modelData === "⌫") screen.pin = screen.pin.slice(0, -1)
                        else if (screen.pin.length < 12) screen.pin += modelData
                    }
                }
            }
        }
        Label {
            text: screen.session.message
            visible: text.length > 0
            color: Theme.error
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// A PIN keypad large enough for fingers: the digits show as dots, OK submits. Used to log in, to
// approve as a supervisor and to clock in and out.
ColumnLayout {
    id: pad
    property string pin: ""
    signal submitted(string pin)

    function clear() { pad.pin = "" }

    spacing: Theme.spacing

    Label {
        objectName: "pinDots"
        text: pad.pin.length > 0 ? "●".repeat(pad.pin.length) : qsTr("PIN")
        font.pixelSize: Theme.largeText
        color: pad.pin.length > 0 ? Theme.text : Theme.muted
        Layout.alignment: Qt.AlignHCenter
        Accessible.name: qsTr("PIN, %n digits entered", "", pad.pin.length)
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
                objectName: "pinKey" + (modelData === "⌫" ? "Delete" : modelData)
                text: modelData === "OK" ? qsTr("OK") : modelData
                font.pixelSize: Theme.largeText
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: modelData === "⌫" ? qsTr("Delete a digit") : text
                onClicked: {
                    if (modelData === "OK") {
                        const entered = pad.pin
                        pad.pin = ""
                        pad.submitted(entered)
                    } else if (modelData === "⌫") {
                        pad.pin = pad.pin.slice(0, -1)
                    } else if (pad.pin.length < 12) {
                        pad.pin += modelData
                    }
                }
            }
        }
    }
}

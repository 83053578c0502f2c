import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Asks for one line of text before an action: a label to park a sale under, the reason for a
// void. accepted(text) when confirmed.
Popup {
    id: dialog
    property string title: ""
    property string placeholder: ""
    property string confirmText: qsTr("OK")
    signal accepted(string text)

    modal: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2
    width: 560
    onAboutToShow: field.text = ""

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: dialog.title
            font.pixelSize: Theme.largeText
            color: Theme.text
        }
        TextField {
            id: field
            objectName: dialog.objectName + "Field"
            placeholderText: dialog.placeholder
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.target
            Accessible.name: dialog.placeholder
            onAccepted: confirm.clicked()
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Cancel")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: dialog.close()
            }
            Button {
                id: confirm
                objectName: dialog.objectName + "Confirm"
                text: dialog.confirmText
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: {
                    dialog.close()
                    dialog.accepted(field.text)
                }
            }
        }
    }
}

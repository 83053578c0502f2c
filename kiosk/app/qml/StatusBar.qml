import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Along the bottom of every screen: the link to the back office and the receipt printer, each
// with a dot for its state; tapping the bar lists every device and link with its state.
Rectangle {
    id: bar
    required property StatusViewModel status

    function colour(state) {
        return state === "ok" ? Theme.ok : state === "fault" ? Theme.error : state === "warning" ? Theme.warning : Theme.muted
    }

    objectName: "statusBar"
    color: Theme.panel
    implicitHeight: Theme.minimumTarget
    Accessible.role: Accessible.StatusBar
    Accessible.name: bar.status.syncText + ". " + bar.status.printerText

    TapHandler { onTapped: details.open() }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        Rectangle {
            width: Theme.spacing
            height: Theme.spacing
            radius: Theme.spacing / 2
            color: bar.colour(bar.status.syncState)
        }
        Label {
            objectName: "syncText"
            text: bar.status.syncText
            font.pixelSize: Theme.textSize * 0.8
            color: Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Rectangle {
            width: Theme.spacing
            height: Theme.spacing
            radius: Theme.spacing / 2
            color: bar.colour(bar.status.printerState)
        }
        Label {
            objectName: "printerText"
            text: bar.status.printerText
            font.pixelSize: Theme.textSize * 0.8
            color: Theme.text
        }
    }

    Popup {
        id: details
        objectName: "statusDetails"
        modal: true
        anchors.centerIn: Overlay.overlay
        padding: Theme.spacing * 2
        width: 600
        ColumnLayout {
            // Popups live in the window's overlay, outside the mirrored content: mirrored here.
            LayoutMirroring.enabled: Theme.rightToLeft
            LayoutMirroring.childrenInherit: true
            anchors.fill: parent
            spacing: Theme.spacing
            Repeater {
                model: bar.status.details
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Rectangle {
                        width: Theme.spacing
                        height: Theme.spacing
                        radius: Theme.spacing / 2
                        color: bar.colour(modelData.state)
                    }
                    Label {
                        text: modelData.name
                        font.pixelSize: Theme.textSize
                        color: Theme.muted
                        Layout.preferredWidth: 200
                    }
                    Label {
                        text: modelData.text
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
            Button {
                text: qsTr("Close")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: details.close()
            }
        }
    }
}

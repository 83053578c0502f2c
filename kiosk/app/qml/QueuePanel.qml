import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The desk's queue: the number being served, large; how many wait; a number taken for a visitor
// (its ticket prints) and the next one called.
Rectangle {
    id: panel
    required property QueueViewModel queue

    color: Theme.panel
    radius: 6
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    Component.onCompleted: panel.queue.refresh()

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2
        Label {
            objectName: "queueServing"
            text: panel.queue.serving.length > 0 ? qsTr("Now serving %1").arg(panel.queue.serving) : qsTr("Queue")
            font.pixelSize: Theme.largeText
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "queueWaiting"
            text: qsTr("%n waiting", "", panel.queue.waitingCount)
            font.pixelSize: Theme.textSize
            color: Theme.muted
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "takeNumberButton"
                text: qsTr("Take a number")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: panel.queue.take("")
            }
            Button {
                objectName: "callNextButton"
                text: qsTr("Call next")
                enabled: panel.queue.waitingCount > 0
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: panel.queue.callNext()
            }
        }
        Label {
            objectName: "queueMessage"
            visible: text.length > 0
            text: panel.queue.message
            color: panel.queue.messageIsError ? Theme.error : Theme.muted
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The sales parked at this till, to take one back. Opened with open(); lists what the engine holds.
Popup {
    id: dialog
    required property SaleViewModel sale
    property var parked: []

    objectName: "parkedDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacing * 2
    width: 560
    onAboutToShow: dialog.parked = dialog.sale.parkedSales()

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: dialog.parked.length > 0 ? qsTr("Parked sales") : qsTr("No parked sales")
            font.pixelSize: Theme.largeText
            color: Theme.text
        }
        Repeater {
            model: dialog.parked
            delegate: Button {
                required property var modelData
                required property int index
                objectName: "parkedSale" + index
                text: (modelData.label.length > 0 ? modelData.label : qsTr("Parked sale")) + "  ·  " + modelData.at
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: if (dialog.sale.resume(modelData.id)) dialog.close()
            }
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

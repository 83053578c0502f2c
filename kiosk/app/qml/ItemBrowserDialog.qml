import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Items without a barcode: category tiles along the top, the category's items as tiles below, or
// the items whose name starts with what is typed. A tile adds one of its item to the sale; the
// dialog stays open for the next until Done.
Popup {
    id: dialog
    required property ItemBrowser browser
    required property SaleViewModel sale

    objectName: "itemBrowser"
    modal: true
    anchors.centerIn: Overlay.overlay
    // Nearly the whole screen it is opened on: room for a screenful of tiles.
    width: parent ? parent.width - 4 * Theme.spacing : 900
    height: parent ? parent.height - 4 * Theme.spacing : 600
    padding: Theme.spacing

    onOpened: {
        searchField.text = ""
        dialog.browser.refresh()
    }

    ColumnLayout {
        // Popups live in the window's overlay, outside the mirrored content: mirrored here.
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: searchField
                objectName: "itemSearch"
                placeholderText: qsTr("Search by name or code")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: placeholderText
                onTextChanged: dialog.browser.search(text)
            }
            Button {
                objectName: "itemBrowserDone"
                text: qsTr("Done")
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.target
                Layout.preferredWidth: 2 * Theme.target
                onClicked: dialog.close()
            }
        }
        Flow {
            objectName: "categoryTiles"
            spacing: Theme.spacing / 2
            Layout.fillWidth: true
            Repeater {
                model: dialog.browser.categories
                delegate: Button {
                    required property string modelData
                    required property int index
                    objectName: "category" + index
                    text: modelData
                    checkable: true
                    checked: dialog.browser.category === modelData
                    font.pixelSize: Theme.textSize
                    height: Theme.minimumTarget
                    onClicked: {
                        searchField.text = ""
                        dialog.browser.showCategory(modelData)
                    }
                }
            }
        }
        Label {
            text: dialog.browser.message
            visible: text.length > 0
            color: Theme.muted
            font.pixelSize: Theme.textSize
            Layout.fillWidth: true
        }
        GridView {
            id: tiles
            objectName: "itemTiles"
            clip: true
            cellWidth: Math.floor(width / Math.max(1, Math.floor(width / 200)))
            cellHeight: 2 * Theme.target
            model: dialog.browser.items
            Layout.fillWidth: true
            Layout.fillHeight: true
            delegate: Button {
                required property var modelData
                required property int index
                objectName: "itemTile" + index
                width: tiles.cellWidth - Theme.spacing / 2
                height: tiles.cellHeight - Theme.spacing / 2
                text: modelData.name + "\n" + modelData.price + (modelData.weighed ? " / kg" : "")
                font.pixelSize: Theme.textSize
                Accessible.name: qsTr("Add %1, %2").arg(modelData.name).arg(modelData.price)
                onClicked: dialog.sale.addItem(modelData.sku)
            }
        }
        Label {
            objectName: "itemBrowserMessage"
            text: dialog.sale.message
            color: dialog.sale.messageIsError ? Theme.error : Theme.text
            font.pixelSize: Theme.textSize
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The self-service till's welcome: start shopping (or just scan an item), or check in; larger
// text and high contrast for whoever needs them.
ColumnLayout {
    id: panel
    required property SelfServiceViewModel selfService

    spacing: Theme.spacing * 2

    Item { Layout.fillHeight: true }
    Label {
        objectName: "welcomeTitle"
        text: qsTr("Welcome")
        font.pixelSize: Theme.hugeText * 1.5
        font.bold: true
        color: Theme.text
        Layout.alignment: Qt.AlignHCenter
    }
    Label {
        text: qsTr("Scan an item to start, or choose below")
        font.pixelSize: Theme.largeText
        color: Theme.muted
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.spacing * 2
        Layout.alignment: Qt.AlignHCenter
        Button {
            objectName: "startShoppingButton"
            text: qsTr("Pay for items")
            font.pixelSize: Theme.largeText
            Layout.preferredWidth: 5 * Theme.target
            Layout.preferredHeight: 2 * Theme.target
            onClicked: panel.selfService.startCheckout()
        }
        Button {
            objectName: "startCheckInButton"
            text: qsTr("Check in")
            font.pixelSize: Theme.largeText
            Layout.preferredWidth: 5 * Theme.target
            Layout.preferredHeight: 2 * Theme.target
            onClicked: panel.selfService.startCheckIn()
        }
    }
    Item { Layout.fillHeight: true }
    RowLayout {
        spacing: Theme.spacing
        Layout.alignment: Qt.AlignHCenter
        Button {
            objectName: "largerTextButton"
            text: Theme.largeTextMode ? qsTr("Normal text") : qsTr("Larger text")
            font.pixelSize: Theme.textSize
            Layout.preferredHeight: Theme.target
            onClicked: Theme.largeTextMode = !Theme.largeTextMode
        }
        Button {
            objectName: "highContrastButton"
            text: Theme.highContrast ? qsTr("Normal colours") : qsTr("High contrast")
            font.pixelSize: Theme.textSize
            Layout.preferredHeight: Theme.target
            onClicked: Theme.highContrast = !Theme.highContrast
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// Under an id and PIN: a staff badge read by the scanner does here what they do.
Label {
    text: qsTr("Or scan your staff badge")
    font.pixelSize: Theme.textSize
    color: Theme.muted
    wrapMode: Text.WordWrap
    Layout.fillWidth: true
}

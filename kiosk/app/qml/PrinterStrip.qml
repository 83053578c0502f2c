import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The receipt printer's last word: printing, printed, or what went wrong and what to do (the
// sale itself is saved either way), with a reprint.
RowLayout {
    id: strip
    required property PrinterViewModel printer

    visible: strip.printer.available && strip.printer.state.length > 0
    spacing: Theme.spacing

    Label {
        objectName: "printerMessage"
        text: strip.printer.state === "queued" ? qsTr("Receipt not printed yet: %1").arg(strip.printer.message)
            : strip.printer.state === "failed" ? qsTr("Receipt not printed: %1").arg(strip.printer.message)
            : strip.printer.message
        color: strip.printer.state === "queued" || strip.printer.state === "failed" ? Theme.error : Theme.muted
        font.pixelSize: Theme.textSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.StatusBar
    }
    Button {
        objectName: "reprintButton"
        text: qsTr("Reprint")
        visible: strip.printer.canReprint
        font.pixelSize: Theme.textSize
        Layout.preferredHeight: Theme.minimumTarget
        onClicked: strip.printer.reprint()
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The shift: opening it with a float; then paid in and out, a no-sale, the X report, and the close
// with the drawer counted note by note and the Z report. The report last read is shown on the right.
Item {
    id: screen
    required property ShiftViewModel shift
    required property SessionViewModel session
    signal back()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Opening, cash moves, X report
        ColumnLayout {
            spacing: Theme.spacing
            Layout.preferredWidth: 320
            Layout.fillWidth: false
            Layout.fillHeight: true

            Label {
                text: screen.shift.open ? qsTr("Shift") : qsTr("Open the shift")
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            TextField {
                id: amountField
                objectName: "shiftAmount"
                placeholderText: screen.shift.open ? qsTr("Amount") : qsTr("Float in the drawer")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: placeholderText
            }
            TextField {
                id: reasonField
                objectName: "shiftReason"
                visible: screen.shift.open
                placeholderText: qsTr("Reason")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Reason")
            }
            Button {
                objectName: "openShiftButton"
                visible: !screen.shift.open
                text: qsTr("Open shift")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: if (screen.shift.openShift(amountField.text)) amountField.text = ""
            }
            GridLayout {
                visible: screen.shift.open
                columns: 2
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Layout.fillWidth: true
                Button {
                    objectName: "paidInButton"
                    text: qsTr("Paid in")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: if (screen.shift.paidIn(amountField.text, reasonField.text)) { amountField.text = ""; reasonField.text = "" }
                }
                Button {
                    objectName: "paidOutButton"
                    text: qsTr("Paid out")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: if (screen.shift.paidOut(amountField.text, reasonField.text)) { amountField.text = ""; reasonField.text = "" }
                }
                Button {
                    objectName: "noSaleButton"
                    text: qsTr("No sale")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: if (screen.shift.noSale(reasonField.text)) reasonField.text = ""
                }
                Button {
                    objectName: "xReportButton"
                    text: qsTr("X report")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    onClicked: screen.shift.xReport()
                }
            }
            Label {
                objectName: "shiftMessage"
                text: screen.shift.message
                color: screen.shift.messageIsError ? Theme.error : Theme.text
                font.pixelSize: Theme.textSize
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
            }
            Item { Layout.fillHeight: true }
            Button {
                objectName: "backToSaleButton"
                visible: screen.shift.open
                text: qsTr("Back to the sale")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: screen.back()
            }
            Button {
                text: qsTr("Lock")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minimumTarget
                onClicked: screen.session.logout()
            }
        }

        // Counting the drawer, and the close
        ColumnLayout {
            visible: screen.shift.open
            spacing: Theme.spacing / 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("Count the drawer")
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            ListView {
                objectName: "cashCountList"
                clip: true
                model: screen.shift.cashCount
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: RowLayout {
                    id: denomination
                    required property int index
                    required property string label
                    required property var count
                    required property string amount
                    width: ListView.view.width
                    height: Theme.minimumTarget + Theme.spacing / 2
                    Label {
                        text: denomination.label
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 110
                    }
                    TextField {
                        objectName: "count" + denomination.index
                        text: denomination.count > 0 ? String(denomination.count) : ""
                        placeholderText: "0"
                        inputMethodHints: Qt.ImhDigitsOnly
                        font.pixelSize: Theme.textSize
                        Layout.preferredWidth: 110
                        Layout.preferredHeight: Theme.minimumTarget
                        Accessible.name: qsTr("How many of %1").arg(denomination.label)
                        onEditingFinished: screen.shift.cashCount.setCount(denomination.index, text)
                    }
                    Label {
                        text: denomination.amount
                        font.pixelSize: Theme.textSize
                        color: Theme.muted
                        horizontalAlignment: Text.AlignRight
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                objectName: "countTotal"
                text: qsTr("Counted %1").arg(screen.shift.cashCount.total)
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            Button {
                objectName: "closeShiftButton"
                text: qsTr("Close shift")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: screen.shift.closeShift()
            }
        }

        // The report last read
        ColumnLayout {
            visible: screen.shift.report.length > 0
            spacing: Theme.spacing / 2
            Layout.preferredWidth: 300
            Layout.fillWidth: false
            Layout.fillHeight: true
            Label {
                objectName: "reportTitle"
                text: screen.shift.reportTitle
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            Repeater {
                model: screen.shift.report
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Label {
                        text: modelData.label
                        font.pixelSize: Theme.textSize * 0.8
                        color: Theme.muted
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.value
                        font.pixelSize: Theme.textSize * 0.8
                        color: Theme.text
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }
    }

    ApprovalDialog {
        approval: screen.shift.approval
    }
}

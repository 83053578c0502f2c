import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The self-service till as customers see it: the welcome screen, the checkout, the check-in or
// the thanks (selfService.stage), with "Call staff" always at hand. A member of staff who comes
// over approves in the approval dialog (an age check) or takes the till back (StaffPanel).
Item {
    id: screen
    required property SelfServiceViewModel selfService
    required property SaleViewModel sale
    required property ReceptionViewModel reception

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: screen.selfService.stage === "checkout" ? checkout
                           : screen.selfService.stage === "checkin" ? checkin
                           : screen.selfService.stage === "thanks" ? thanks : welcome
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "staffCalledText"
                text: screen.selfService.staffCalled ? qsTr("A member of staff is on the way") : ""
                font.pixelSize: Theme.textSize
                font.bold: true
                color: Theme.warning
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Button {
                objectName: "callStaffButton"
                text: screen.selfService.staffCalled ? qsTr("Staff") : qsTr("Call staff")
                font.pixelSize: Theme.textSize
                Layout.preferredHeight: Theme.target
                onClicked: screen.selfService.staffCalled ? staffPanel.open() : screen.selfService.callStaff()
            }
        }
    }

    Component {
        id: welcome
        WelcomePanel { selfService: screen.selfService }
    }
    Component {
        id: checkout
        SelfCheckoutPanel {
            selfService: screen.selfService
            sale: screen.sale
        }
    }
    Component {
        id: checkin
        SelfCheckinPanel {
            selfService: screen.selfService
            reception: screen.reception
        }
    }
    Component {
        id: thanks
        ColumnLayout {
            spacing: Theme.spacing
            // The next customer need not wait for the idle reset.
            Timer {
                interval: 8000
                running: true
                onTriggered: screen.selfService.reset()
            }
            Item { Layout.fillHeight: true }
            Label {
                objectName: "thanksText"
                text: qsTr("Thank you! Your receipt is printing.")
                font.pixelSize: Theme.hugeText
                color: Theme.text
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Button {
                objectName: "thanksReceiptOnScreen"
                text: qsTr("Receipt on screen")
                visible: screen.sale.receiptText.length > 0
                font.pixelSize: Theme.textSize
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: Theme.target
                onClicked: receiptQr.open()
            }
            Button {
                objectName: "thanksDone"
                text: qsTr("Done")
                font.pixelSize: Theme.largeText
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: Theme.target
                Layout.preferredWidth: 4 * Theme.target
                onClicked: screen.selfService.reset()
            }
            Item { Layout.fillHeight: true }
        }
    }

    ApprovalDialog {
        approval: screen.sale.approval
    }
    StaffPanel {
        id: staffPanel
        selfService: screen.selfService
    }
    ReceiptQrDialog {
        id: receiptQr
        sale: screen.sale
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// An age-restricted item holds payment until a member of staff has seen the customer's ID. At a
// staffed till the cashier confirms; at a self-service till a member of staff comes over and
// approves with their id and PIN (the approval dialog).
Rectangle {
    id: banner
    required property SaleViewModel sale
    property bool selfService: false

    objectName: "ageBanner"
    visible: banner.sale.ageCheckNeeded
    color: Theme.errorPanel
    radius: 6
    implicitHeight: row.implicitHeight + 2 * Theme.spacing

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Label {
            text: banner.selfService ? qsTr("An item needs an age check: a member of staff is on the way")
                                     : qsTr("Age-restricted item: check the customer's ID before payment")
            font.pixelSize: Theme.textSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Button {
            objectName: "confirmAgeButton"
            text: banner.selfService ? qsTr("Staff: confirm age") : qsTr("ID checked")
            font.pixelSize: Theme.textSize
            Layout.preferredHeight: Theme.target
            onClicked: banner.sale.confirmAge()
        }
    }
}

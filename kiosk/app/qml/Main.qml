import QtQuick
import QtQuick.Controls
import Frontdesk.Kiosk

// The window: the login screen until someone is logged in, then the mode's screen.
ApplicationWindow {
    id: root
    required property SessionViewModel session
    required property SaleViewModel sale
    required property string mode
    property string selfTestScreen: ""  // set by --self-test to show every screen

    width: 1024
    height: 768
    visible: true
    title: qsTr("Frontdesk")
    color: Theme.background

    Loader {
        anchors.fill: parent
        sourceComponent: root.session.loggedIn || root.selfTestScreen === "sale" ? saleScreen : loginScreen
    }
    Component {
        id: loginScreen
        LoginScreen { session: root.session }
    }
    Component {
        id: saleScreen
        SaleScreen { sale: root.sale; session: root.session }
    }
}

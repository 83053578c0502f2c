import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import Frontdesk.Kiosk

// The window: the login screen until someone is logged in, then the mode's screen.
ApplicationWindow {
    id: root
    required property SessionViewModel session
    required property SaleViewModel sale
    required property PrinterViewModel printer
    required property ShiftViewModel shift
    required property ReceptionViewModel reception
    required property QueueViewModel queue
    required property SelfServiceViewModel selfService
    required property RefundViewModel refund
    required property ItemBrowser browser
    required property StatusViewModel status
    required property string mode
    property string selfTestScreen: ""  // set by --self-test to show every screen
    property bool shiftShown: false     // the cashier asked for the shift screen
    property bool refundShown: false    // the cashier asked for the refund screen
    // What is on show: login until someone is logged in; then at reception the desk, and at a
    // till the shift until one is open, then the sale; a self-service till shows the staff's lane
    // screen until it is handed to customers, then the customers' screens.
    readonly property string screen: selfTestScreen.length > 0 ? selfTestScreen
        : !session.loggedIn ? "login"
        : mode === "reception" ? "reception"
        : !shift.open || shiftShown ? "shift"
        : mode !== "self-service" ? (refundShown ? "refund" : "sale")
        : selfService.unattended ? "customer" : "lane"

    width: 1024
    height: 768
    // Right to left in Persian: every layout and anchor mirrored, from the window down.
    LayoutMirroring.enabled: Theme.rightToLeft
    LayoutMirroring.childrenInherit: true
    visible: true
    title: qsTr("Frontdesk")
    color: Theme.background

    Loader {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: statusBar.top
        sourceComponent: root.screen === "login" ? loginScreen
                       : root.screen === "shift" ? shiftScreen
                       : root.screen === "reception" ? receptionScreen
                       : root.screen === "lane" ? laneScreen
                       : root.screen === "customer" ? customerScreen
                       : root.screen === "refund" ? refundScreen : saleScreen
    }
    StatusBar {
        id: statusBar
        status: root.status
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
    Component {
        id: loginScreen
        LoginScreen { session: root.session }
    }
    Component {
        id: saleScreen
        SaleScreen {
            sale: root.sale
            session: root.session
            printer: root.printer
            browser: root.browser
            onShiftWanted: root.shiftShown = true
            onRefundWanted: root.refundShown = true
        }
    }
    Component {
        id: refundScreen
        RefundScreen {
            refund: root.refund
            printer: root.printer
            onBack: root.refundShown = false
        }
    }
    Component {
        id: shiftScreen
        ShiftScreen {
            shift: root.shift
            session: root.session
            onBack: root.shiftShown = false
        }
    }
    Component {
        id: receptionScreen
        ReceptionScreen {
            reception: root.reception
            session: root.session
            printer: root.printer
            queue: root.queue
        }
    }
    Component {
        id: laneScreen
        LaneScreen {
            selfService: root.selfService
            session: root.session
            onShiftWanted: root.shiftShown = true
        }
    }
    Component {
        id: customerScreen
        CustomerScreen {
            selfService: root.selfService
            sale: root.sale
            reception: root.reception
        }
    }
    Connections {
        target: root.session
        function onUserChanged() {
            root.shiftShown = false
            root.refundShown = false
        }
    }
    // The on-screen keyboard (Qt Virtual Keyboard), over everything, popups included, while a
    // field wants text; only when the app runs with it (QT_IM_MODULE, kiosk_app.cpp).
    InputPanel {
        id: keyboard
        objectName: "onScreenKeyboard"
        parent: Overlay.overlay
        z: 1000
        width: parent ? parent.width : 0
        y: parent && Qt.inputMethod.visible ? parent.height - height : (parent ? parent.height : 0)
        visible: Qt.inputMethod.visible
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Frontdesk.Kiosk

// The reception desk: today's bookings on the left (search, check in or out by name); in the
// middle what the last check-in decided, large, and the field for a scan or a membership id; on
// the right the visitors (sign in with a badge, sign out); below the middle the queue and the time
// clock.
Item {
    id: screen
    required property ReceptionViewModel reception
    required property SessionViewModel session
    required property PrinterViewModel printer
    required property QueueViewModel queue

    Component.onCompleted: screen.reception.refresh()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Today's bookings
        ColumnLayout {
            spacing: Theme.spacing / 2
            Layout.preferredWidth: 310
            Layout.fillWidth: false
            Layout.fillHeight: true
            Label {
                text: qsTr("Today's bookings")
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            TextField {
                objectName: "bookingSearch"
                placeholderText: qsTr("Search by name, resource or time (14:00)")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: placeholderText
                onTextChanged: screen.reception.filter = text
            }
            ListView {
                objectName: "bookingList"
                clip: true
                spacing: Theme.spacing / 2
                model: screen.reception.bookings
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: Rectangle {
                    id: booking
                    required property int index
                    required property string bookingId
                    required property string time
                    required property string name
                    required property string resource
                    required property string status
                    width: ListView.view.width
                    height: 2 * Theme.minimumTarget
                    color: Theme.panel
                    radius: 4
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2, %3, %4").arg(booking.time).arg(booking.name).arg(booking.resource).arg(booking.status)
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.spacing / 2
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1  // what the button leaves; the texts elide
                            Label {
                                text: booking.time + "  " + booking.resource
                                font.pixelSize: Theme.textSize
                                color: Theme.muted
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: booking.name
                                font.pixelSize: Theme.textSize
                                color: Theme.text
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        Button {
                            objectName: "bookingAction" + booking.index
                            text: booking.status === "booked" ? qsTr("Check in")
                                : booking.status === "checked_in" ? qsTr("Check out") : qsTr("Done")
                            enabled: booking.status !== "completed"
                            font.pixelSize: Theme.textSize
                            Layout.preferredHeight: Theme.minimumTarget
                            onClicked: booking.status === "booked" ? screen.reception.checkInBooking(booking.bookingId)
                                                                   : screen.reception.checkOutBooking(booking.bookingId)
                        }
                    }
                }
            }
        }

        // The last decision, and the scan or member id field
        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: screen.session.staffName
                    font.pixelSize: Theme.textSize
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "lockButton"
                    text: qsTr("Lock")
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: screen.session.logout()
                }
            }
            Rectangle {
                objectName: "outcomePanel"
                visible: screen.reception.outcome.length > 0
                color: screen.reception.outcome === "admitted" ? Theme.okPanel : Theme.errorPanel
                radius: 6
                Layout.fillWidth: true
                implicitHeight: outcomeColumn.implicitHeight + 2 * Theme.spacing
                ColumnLayout {
                    id: outcomeColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Label {
                        objectName: "outcomeTitle"
                        text: screen.reception.outcomeTitle
                        font.pixelSize: Theme.largeText
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.AlertMessage
                    }
                    Label {
                        objectName: "outcomeDetail"
                        text: screen.reception.outcomeDetail
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: codeField
                    objectName: "codeField"
                    placeholderText: qsTr("Scan, or type a membership id")
                    font.pixelSize: Theme.textSize
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.target
                    Accessible.name: placeholderText
                    onAccepted: if (screen.reception.scanned(text)) text = ""
                }
                Button {
                    objectName: "memberIdButton"
                    text: qsTr("Member id")
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.target
                    onClicked: if (screen.reception.checkInMember(codeField.text)) codeField.text = ""
                }
            }
            Label {
                objectName: "receptionMessage"
                text: screen.reception.message
                color: screen.reception.messageIsError ? Theme.error : Theme.text
                font.pixelSize: Theme.textSize
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            // For the staff: small, beside their own controls, not a banner the visitor reads.
            RowLayout {
                objectName: "staffAlert"
                visible: screen.reception.alert.length > 0
                Layout.fillWidth: true
                Label {
                    text: screen.reception.alert
                    font.pixelSize: Theme.textSize
                    color: Theme.error
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Seen")
                    font.pixelSize: Theme.textSize
                    Layout.preferredHeight: Theme.minimumTarget
                    onClicked: screen.reception.dismissAlert()
                }
            }
            Item { Layout.fillHeight: true }
            QueuePanel {
                queue: screen.queue
                Layout.fillWidth: true
            }
            PrinterStrip {
                printer: screen.printer
                Layout.fillWidth: true
            }
            Button {
                objectName: "timeClockButton"
                text: qsTr("Time clock")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: timeClock.open()
            }
        }

        // Visitors
        ColumnLayout {
            spacing: Theme.spacing / 2
            Layout.preferredWidth: 280
            Layout.fillWidth: false
            Layout.fillHeight: true
            Label {
                text: qsTr("Visitors")
                font.pixelSize: Theme.largeText
                color: Theme.text
            }
            TextField {
                id: visitorName
                objectName: "visitorName"
                placeholderText: qsTr("Name")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Visitor's name")
            }
            TextField {
                id: visitorCompany
                objectName: "visitorCompany"
                placeholderText: qsTr("Company")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Visitor's company")
            }
            TextField {
                id: visitorHost
                objectName: "visitorHost"
                placeholderText: qsTr("Visiting")
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                Accessible.name: qsTr("Whom they visit")
            }
            Button {
                objectName: "visitorInButton"
                text: qsTr("Sign in, print badge")
                enabled: visitorName.text.trim().length > 0
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.target
                onClicked: {
                    if (screen.reception.visitorIn(visitorName.text, visitorCompany.text, visitorHost.text)) {
                        visitorName.text = ""
                        visitorCompany.text = ""
                        visitorHost.text = ""
                    }
                }
            }
            ListView {
                objectName: "visitorList"
                clip: true
                model: screen.reception.visitors
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: RowLayout {
                    id: visitor
                    required property int index
                    required property string visitId
                    required property string name
                    required property string company
                    required property string since
                    width: ListView.view.width
                    height: Theme.target
                    Label {
                        text: visitor.since + "  " + visitor.name + (visitor.company.length > 0 ? ", " + visitor.company : "")
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "visitorOut" + visitor.index
                        text: qsTr("Sign out")
                        font.pixelSize: Theme.textSize
                        Layout.preferredHeight: Theme.minimumTarget
                        onClicked: screen.reception.visitorOut(visitor.visitId)
                    }
                }
            }
        }
    }

    TimeClockDialog {
        id: timeClock
        reception: screen.reception
    }
}

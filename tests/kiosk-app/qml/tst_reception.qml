import QtQuick
import QtTest
import Frontdesk.Kiosk

// The receptionist's main flows on a desk whose tables hold members and bookings (testing::deskSeed).
TestCase {
    id: test
    name: "Reception"
    when: windowShown

    Component {
        id: app
        Main {}
    }

    function open() {
        harness.reset(true, true)
        const window = createTemporaryObject(app, test, {
            session: harness.session, sale: harness.sale, printer: harness.printer, shift: harness.shift,
            reception: harness.reception, queue: harness.queue, selfService: harness.selfService, refund: harness.refund, browser: harness.browser, status: harness.status, mode: "reception"
        })
        verify(window, "the window")
        waitForRendering(window.contentItem)
        return window
    }
    function find(window, name) {
        let item = null
        tryVerify(() => (item = findChild(window.contentItem, name) || findChild(window.overlay, name) || findChild(window, name)) !== null,
                  5000, "no item named " + name)
        return item
    }
    function type(window, name, text) {
        const field = find(window, name)
        field.forceActiveFocus()
        for (const c of text) keyClick(c)
        keyClick(Qt.Key_Return)
    }

    function test_aBookingsQrChecksItInAndTheListSaysSo() {
        const w = open()
        compare(find(w, "bookingList").count, 1)
        type(w, "codeField", "01890a5d-ac96-774b-bcce-b302099a0001")
        compare(find(w, "outcomeTitle").text, "Welcome, Robin Example")
        compare(find(w, "bookingAction0").text, "Check out")
        compare(harness.rows("checkins WHERE outcome = 'admitted' AND method = 'qr'"), 1)
    }

    function test_anExpiredMemberIsRefusedWithTheReason() {
        const w = open()
        type(w, "codeField", "CARD-300")
        compare(find(w, "outcomeTitle").text, "Eve Expired: not admitted")
        compare(find(w, "outcomeDetail").text, "Membership expired on 2026-11-17: it can be renewed at the desk")
        compare(harness.rows("checkins WHERE outcome = 'refused'"), 1)
    }

    function test_aVisitorSignsInAndOut() {
        const w = open()
        find(w, "visitorName").text = "Vera Visitor"
        find(w, "visitorCompany").text = "Acme"
        mouseClick(find(w, "visitorInButton"))
        compare(find(w, "visitorList").count, 1)
        mouseClick(find(w, "visitorOut0"))
        compare(find(w, "visitorList").count, 0)
        compare(harness.rows("visits WHERE out_at IS NOT NULL"), 1)
    }

    function test_aBadgeAtTheOpenTimeClockClocksInThenOut() {
        const w = open()
        mouseClick(find(w, "timeClockButton"))
        const dialog = find(w, "timeClockDialog")
        tryCompare(dialog, "opened", true)
        harness.scan(harness.badge("s1"))
        tryCompare(find(w, "timeClockMessage"), "text", "Sue clocked in")
        compare(harness.rows("time_clock WHERE staff = 's1' AND out_at IS NULL"), 1)
        harness.scan(harness.badge("s1"))
        tryCompare(find(w, "timeClockMessage"), "text", "Sue clocked out")
        dialog.close()
        tryCompare(dialog, "visible", false)
        compare(harness.reception.timeClockOpen, false)
    }

    function test_aNumberIsTakenAndCalled() {
        const w = open()
        compare(find(w, "callNextButton").enabled, false)
        mouseClick(find(w, "takeNumberButton"))
        mouseClick(find(w, "takeNumberButton"))
        compare(find(w, "queueWaiting").text, "2 waiting")
        compare(find(w, "queueMessage").text, "Number 2: 1 waiting before it")
        mouseClick(find(w, "callNextButton"))
        compare(find(w, "queueServing").text, "Now serving 1")
        compare(find(w, "queueWaiting").text, "1 waiting")
        compare(harness.rows("queue_tickets WHERE called_at IS NOT NULL"), 1)
    }
}

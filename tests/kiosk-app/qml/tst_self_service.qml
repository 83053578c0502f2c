import QtQuick
import QtTest
import Frontdesk.Kiosk

// The self-service till: a member of staff hands it over, a customer scans and pays by card, an
// age check waits for a member of staff's PIN, and the idle reset returns to the welcome screen
// with the unpaid sale abandoned. Scans come as the keyboard-wedge scanner delivers them
// (selfService.scanned); everything else is touched.
TestCase {
    id: test
    name: "SelfService"
    when: windowShown

    Component {
        id: app
        Main {}
    }

    // Logged in as c1 with a shift open, then handed to customers on the lane screen.
    function open() {
        harness.reset(true)
        const window = createTemporaryObject(app, test, {
            session: harness.session, sale: harness.sale, printer: harness.printer, shift: harness.shift,
            reception: harness.reception, queue: harness.queue, selfService: harness.selfService, refund: harness.refund, browser: harness.browser,
            status: harness.status, mode: "self-service"
        })
        verify(window, "the window")
        waitForRendering(window.contentItem)
        mouseClick(find(window, "handOverButton"))
        find(window, "welcomeTitle")
        return window
    }
    function find(window, name) {
        let item = null
        tryVerify(() => (item = findChild(window.contentItem, name) || findChild(window.overlay, name) || findChild(window, name)) !== null,
                  5000, "no item named " + name)
        return item
    }
    function pin(window, pad, digits) {
        const keypad = find(window, pad)
        for (const d of digits + "K") {
            const key = findChild(keypad, d === "K" ? "pinKeyOK" : "pinKey" + d)
            verify(key, "no key " + d + " on " + pad)
            mouseClick(key)
        }
    }

    function test_aCustomerScansAndPaysByCard() {
        const w = open()
        harness.selfService.scanned("4000000000017")
        compare(find(w, "selfCartList").count, 1)
        mouseClick(find(w, "payByCardButton"))
        tryVerify(() => find(w, "thanksText").visible, 10000, "the thanks screen")
        compare(harness.rows("sales"), 1)
    }

    function test_anAgeCheckWaitsForAMemberOfStaff() {
        const w = open()
        harness.selfService.scanned("4000000000031")
        verify(find(w, "ageBanner").visible)
        compare(find(w, "payByCardButton").enabled, false)
        compare(find(w, "staffCalledText").text, "A member of staff is on the way")
        mouseClick(find(w, "confirmAgeButton"))
        find(w, "supervisorField").text = "s1"
        pin(w, "approvalPin", "3333")
        tryVerify(() => !find(w, "ageBanner").visible, 5000, "the age confirmed")
        compare(find(w, "payByCardButton").enabled, true)
        compare(harness.rows("audit WHERE action = 'age_check'"), 1)
    }

    function test_theIdleResetReturnsToTheWelcomeAndAbandonsTheSale() {
        const w = open()
        mouseClick(find(w, "startShoppingButton"))
        harness.selfService.scanned("4000000000017")
        compare(find(w, "selfCartList").count, 1)
        harness.selfService.reset()  // what the idle watch calls
        verify(find(w, "welcomeTitle").visible)
        compare(harness.rows("voided_sales"), 1)
        compare(harness.sale.empty, true)
    }

    function test_staffTakeTheTillBack() {
        const w = open()
        mouseClick(find(w, "callStaffButton"))
        mouseClick(find(w, "callStaffButton"))  // now "Staff": the panel
        find(w, "takeOverStaff").text = "s1"
        pin(w, "takeOverPin", "3333")
        find(w, "handOverButton")  // the staff's lane screen again
        compare(harness.session.staffName, "Sue")
    }
}

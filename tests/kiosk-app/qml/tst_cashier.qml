import QtQuick
import QtTest
import Frontdesk.Kiosk

// The cashier's main flows, touched as a cashier would: keys on the keypads, taps on buttons,
// text typed into fields. Each runs on a fresh till (harness.reset).
TestCase {
    id: test
    name: "Cashier"
    when: windowShown

    Component {
        id: app
        Main {}
    }

    function open(loggedIn) {
        harness.reset(loggedIn)
        const window = createTemporaryObject(app, test, {
            session: harness.session, sale: harness.sale, printer: harness.printer, shift: harness.shift,
            reception: harness.reception, queue: harness.queue, selfService: harness.selfService, refund: harness.refund, browser: harness.browser, status: harness.status, mode: "cashier"
        })
        verify(window, "the window")
        waitForRendering(window.contentItem)
        return window
    }
    // An item by objectName, among the window's items or its other objects (popups), once it exists and its
    // layouts have placed it (a list's rows and a layout's children come with the next polish).
    function find(window, name) {
        let item = null
        tryVerify(() => (item = findChild(window.contentItem, name) || findChild(window.overlay, name) || findChild(window, name)) !== null,
                  5000, "no item named " + name)
        tryVerify(() => placed(item), 5000, name + " is never laid out")
        return item
    }
    function placed(item) {
        // Items only: a popup is an object whose items live in the window's overlay.
        for (let i = item; i && ("childrenRect" in i); i = i.parent) if (isPolishScheduled(i)) return false
        return true
    }
    function tap(window, name) {
        const item = find(window, name)
        verify(item.enabled, name + " is disabled")
        mouseClick(item)
    }
    function type(window, name, text) {
        const field = find(window, name)
        field.forceActiveFocus()
        for (const c of text) keyClick(c)
        keyClick(Qt.Key_Return)
    }
    // Digits on the keypad named `pad`, then OK.
    function pin(window, pad, digits) {
        const keypad = find(window, pad)
        for (const d of digits + "K") {
            const key = findChild(keypad, d === "K" ? "pinKeyOK" : "pinKey" + d)
            verify(key, "no key " + d + " on " + pad)
            mouseClick(key)
        }
    }

    function test_loginRefusesAWrongPinThenLetsTheCashierIn() {
        const w = open(false)
        find(w, "staffField").text = "c1"
        pin(w, "loginPin", "0000")
        tryVerify(() => find(w, "loginMessage").text.length > 0)
        pin(w, "loginPin", "1111")
        tryCompare(find(w, "staffName"), "text", "Cass")
    }

    function test_aScannedItemPaidInCashIsSavedWithItsChange() {
        const w = open(true)
        type(w, "barcodeField", "4000000000017")
        compare(find(w, "total").text, "EUR 1.99")
        compare(find(w, "cartList").count, 1)
        compare(find(w, "quickCash1").text, "5.00")
        tap(w, "quickCash1")
        compare(find(w, "changeDue").text, "Change 3.01")
        tap(w, "completeButton")
        verify(find(w, "saleMessage").text.indexOf("saved") >= 0, find(w, "saleMessage").text)
        compare(find(w, "total").text, "EUR 0.00")
        compare(harness.rows("sales"), 1)
    }

    function test_anItemWithoutABarcodeIsFoundBySearchAndAddedFromItsTile() {
        const w = open(true)
        tap(w, "browseButton")
        find(w, "itemSearch").text = "bread"
        const tiles = find(w, "itemTiles")
        tryCompare(tiles, "count", 1)
        let tile = null
        tryVerify(() => (tile = findChild(tiles, "itemTile0")) !== null, 5000, "the tile")
        mouseClick(tile)
        compare(find(w, "total").text, "EUR 0.50")
        tap(w, "itemBrowserDone")
        compare(find(w, "cartList").count, 1)
    }

    function test_aReceiptScannedAtTheRefundScreenGivesALineBack() {
        const w = open(true)
        type(w, "barcodeField", "4000000000017")
        tap(w, "quickCash1")
        tap(w, "completeButton")
        tap(w, "refundButton")
        type(w, "receiptField", "t1-000001")
        compare(find(w, "refundLines").count, 1)
        tap(w, "refundAll0")
        find(w, "refundReason").text = "leaking"
        tap(w, "refundButton")
        compare(find(w, "refundMessage").text, "Refund t1-000002 saved: 1.99 back")
        compare(harness.rows("sales WHERE kind = 'refund'"), 1)
        tap(w, "refundBack")
        find(w, "barcodeField")
    }

    function test_aDeclinedCardSaysSoThenTheNextCardIsApproved() {
        const w = open(true)
        type(w, "barcodeField", "4000000000017")
        harness.declineNext("insufficient funds")
        tap(w, "cardButton")
        tryCompare(find(w, "cardStateText"), "text", "Card declined")
        verify(find(w, "saleMessage").text.indexOf("another card") >= 0, find(w, "saleMessage").text)
        compare(harness.rows("sale_tenders"), 0)
        tap(w, "cardButton")
        tryCompare(find(w, "cardStateText"), "text", "Card approved")
        tap(w, "completeButton")
        compare(harness.rows("sales"), 1)
    }

    function test_aLineDiscountTheCashierMayNotGiveIsApprovedBySupervisor() {
        const w = open(true)
        type(w, "barcodeField", "4000000000017")
        const list = find(w, "cartList")
        tryVerify(() => list.itemAtIndex(0) !== null)
        mouseClick(list.itemAtIndex(0))
        type(w, "lineValue", "10%")
        tap(w, "lineDiscount")
        const dialog = find(w, "approvalDialog")
        tryCompare(dialog, "opened", true)
        compare(find(w, "total").text, "EUR 1.99")
        find(w, "supervisorField").text = "s1"
        pin(w, "approvalPin", "3333")
        tryCompare(dialog, "visible", false)
        compare(find(w, "total").text, "EUR 1.79")
    }

    function test_aBadgeLogsTheCashierInAndASupervisorsBadgeApproves() {
        const w = open(false)
        harness.scan("4000000000017")
        tryVerify(() => find(w, "loginMessage").text.indexOf("badge") >= 0, 5000, "an item's code is not a badge")
        harness.scan(harness.badge("c1"))
        tryCompare(find(w, "staffName"), "text", "Cass")
        harness.scan("4000000000017")
        const list = find(w, "cartList")
        tryVerify(() => list.itemAtIndex(0) !== null)
        mouseClick(list.itemAtIndex(0))
        type(w, "lineValue", "10%")
        tap(w, "lineDiscount")
        const dialog = find(w, "approvalDialog")
        tryCompare(dialog, "opened", true)
        harness.scan(harness.badge("s1"))
        tryCompare(dialog, "visible", false)
        compare(find(w, "total").text, "EUR 1.79")
        compare(find(w, "staffName").text, "Cass", "approving is not logging in")
    }

    function test_theShiftClosesWithTheDrawerCountedAndTheVarianceShown() {
        const w = open(true)
        type(w, "barcodeField", "4000000000017")
        tap(w, "quickCash0")  // 1.99 exactly
        tap(w, "completeButton")
        tap(w, "shiftButton")
        tap(w, "xReportButton")
        tryCompare(find(w, "reportTitle"), "text", "X report")
        // float 100.00 + 1.99 expected; counted: one 100 note, one 2 euro coin
        type(w, "count2", "1")  // 100.00 (500, 200, 100, ...)
        type(w, "count7", "1")  // 2.00
        compare(find(w, "countTotal").text, "Counted 102.00")
        tap(w, "closeShiftButton")
        tryCompare(find(w, "reportTitle"), "text", "Z report")
        verify(find(w, "shiftMessage").text.indexOf("over by 0.01") >= 0, find(w, "shiftMessage").text)
        verify(find(w, "openShiftButton").visible, "a closed shift asks for the next float")
        compare(harness.rows("shifts WHERE closed_at IS NOT NULL"), 1)
    }
}

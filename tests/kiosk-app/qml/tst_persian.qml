import QtQuick
import QtTest
import Frontdesk.Kiosk

// The screens in Persian: translated, laid out right to left (the cart on the right, the total on
// the left), amounts in Persian digits, and numbers typed in Persian digits understood.
TestCase {
    id: test
    name: "Persian"
    when: windowShown

    Component {
        id: app
        Main {}
    }

    function init() { verify(harness.useLanguage("fa"), "the Persian translation loads") }
    function cleanup() { harness.useLanguage("en") }

    function open() {
        harness.reset(true)
        const window = createTemporaryObject(app, test, {
            session: harness.session, sale: harness.sale, printer: harness.printer, shift: harness.shift,
            reception: harness.reception, queue: harness.queue, selfService: harness.selfService,
            refund: harness.refund, browser: harness.browser, status: harness.status, mode: "cashier"
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
    function xOf(window, item) { return item.mapToItem(window.contentItem, 0, 0).x }

    function test_theSaleScreenIsPersianAndMirrored() {
        const w = open()
        verify(Theme.rightToLeft)
        compare(find(w, "refundButton").text, "بازپرداخت")
        compare(find(w, "lockButton").text, "قفل")
        // Mirrored: the cart, on the left in English, is on the right.
        tryVerify(() => xOf(w, find(w, "cartList")) > xOf(w, find(w, "total")), 5000, "the cart right of the total")
    }

    function test_amountsInPersianDigitsAndPersianDigitsTyped() {
        const w = open()
        const field = find(w, "barcodeField")
        field.forceActiveFocus()
        for (const c of "4000000000017") keyClick(c)
        keyClick(Qt.Key_Return)
        compare(find(w, "total").text, "EUR ۱٫۹۹")
        find(w, "cashField").text = "۵٫۰۰"
        mouseClick(find(w, "cashButton"))
        compare(find(w, "changeDue").text, "باقی پول ۳٫۰۱")
        compare(harness.sale.paid, true)
    }
}

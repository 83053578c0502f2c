<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AgeBanner</name>
    <message>
        <location filename="../qml/AgeBanner.qml" line="26"/>
        <source>An item needs an age check: a member of staff is on the way</source>
        <translation>یکی از کالاها بررسی سن لازم دارد: یکی از کارکنان در راه است</translation>
    </message>
    <message>
        <location filename="../qml/AgeBanner.qml" line="27"/>
        <source>Age-restricted item: check the customer&apos;s ID before payment</source>
        <translation>کالای دارای محدودیت سنی: پیش از پرداخت کارت شناسایی مشتری را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../qml/AgeBanner.qml" line="38"/>
        <source>Staff: confirm age</source>
        <translation>کارکنان: تأیید سن</translation>
    </message>
    <message>
        <location filename="../qml/AgeBanner.qml" line="38"/>
        <source>ID checked</source>
        <translation>شناسایی بررسی شد</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../qml/ApprovalDialog.qml" line="29"/>
        <source>Supervisor approval</source>
        <translation>تأیید سرپرست</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalDialog.qml" line="42"/>
        <location filename="../qml/ApprovalDialog.qml" line="46"/>
        <source>Supervisor id</source>
        <translation>شناسه سرپرست</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalDialog.qml" line="65"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>BadgeHint</name>
    <message>
        <location filename="../qml/BadgeHint.qml" line="8"/>
        <source>Or scan your staff badge</source>
        <translation>یا کارت کارکنان خود را اسکن کنید</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../qml/CardPanel.qml" line="35"/>
        <source>Present the card</source>
        <translation>کارت را ارائه کنید</translation>
    </message>
    <message>
        <location filename="../qml/CardPanel.qml" line="36"/>
        <source>Card approved</source>
        <translation>کارت تأیید شد</translation>
    </message>
    <message>
        <location filename="../qml/CardPanel.qml" line="37"/>
        <source>Card declined</source>
        <translation>کارت رد شد</translation>
    </message>
    <message>
        <location filename="../qml/CardPanel.qml" line="38"/>
        <source>Cancelled on the terminal</source>
        <translation>روی پایانه لغو شد</translation>
    </message>
    <message>
        <location filename="../qml/CardPanel.qml" line="39"/>
        <source>No answer from the terminal</source>
        <translation>پایانه پاسخ نداد</translation>
    </message>
    <message>
        <location filename="../qml/CardPanel.qml" line="40"/>
        <source>Card terminal offline</source>
        <translation>پایانه کارت در دسترس نیست</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="32"/>
        <source>A member of staff is on the way</source>
        <translation>یکی از کارکنان در راه است</translation>
    </message>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="42"/>
        <source>Staff</source>
        <translation>کارکنان</translation>
    </message>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="42"/>
        <source>Call staff</source>
        <translation>صدا زدن کارکنان</translation>
    </message>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="81"/>
        <source>Thank you! Your receipt is printing.</source>
        <translation>سپاسگزاریم! رسید شما در حال چاپ است.</translation>
    </message>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="92"/>
        <source>Receipt on screen</source>
        <translation>رسید روی صفحه</translation>
    </message>
    <message>
        <location filename="../qml/CustomerScreen.qml" line="101"/>
        <source>Done</source>
        <translation>تمام</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../src/engine_messages.cpp" line="13"/>
        <source>wrong staff id or PIN</source>
        <translation>شناسه کارمند یا رمز اشتباه است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="14"/>
        <source>this badge is not a member of staff&apos;s</source>
        <translation>این کارت متعلق به هیچ‌یک از کارکنان نیست</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="15"/>
        <source>no one is logged in</source>
        <translation>هیچ‌کس وارد نشده است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="16"/>
        <source>staff cannot approve their own operation</source>
        <translation>کارکنان نمی‌توانند کار خودشان را تأیید کنند</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="17"/>
        <source>this till is not in self-service</source>
        <translation>این صندوق در حالت سلف‌سرویس نیست</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="19"/>
        <source>a sale holds at most 500 lines</source>
        <translation>هر فروش حداکثر ۵۰۰ ردیف دارد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="20"/>
        <source>no sale in progress</source>
        <translation>فروشی در جریان نیست</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="21"/>
        <source>no sale in progress to void</source>
        <translation>فروشی برای ابطال در جریان نیست</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="22"/>
        <source>the sale has no lines to discount</source>
        <translation>این فروش ردیفی برای تخفیف ندارد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="23"/>
        <source>payment has started: complete or void the sale to change it</source>
        <translation>پرداخت آغاز شده است: برای تغییر، فروش را تکمیل یا باطل کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="24"/>
        <source>nothing to park: the sale is empty</source>
        <translation>چیزی برای نگه‌داشتن نیست: فروش خالی است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="25"/>
        <source>finish or park the current sale before resuming another</source>
        <translation>پیش از ادامهٔ فروشی دیگر، فروش فعلی را تمام کنید یا نگه دارید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="26"/>
        <source>nothing in this sale is age-restricted</source>
        <translation>هیچ کالایی در این فروش محدودیت سنی ندارد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="27"/>
        <source>nothing to pay: the sale is empty</source>
        <translation>چیزی برای پرداخت نیست: فروش خالی است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="28"/>
        <source>the sale is paid: complete it</source>
        <translation>فروش پرداخت شده است: آن را تکمیل کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="29"/>
        <source>nothing to complete: the sale is empty</source>
        <translation>چیزی برای تکمیل نیست: فروش خالی است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="30"/>
        <source>only a self-service till abandons a sale; a member of staff voids it</source>
        <translation>فقط صندوق سلف‌سرویس فروش را رها می‌کند؛ کارکنان آن را باطل می‌کنند</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="31"/>
        <source>a discount needs exactly one of amount or percent</source>
        <translation>تخفیف باید یا مبلغ باشد یا درصد، نه هر دو</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="32"/>
        <source>discount amount must be positive</source>
        <translation>مبلغ تخفیف باید مثبت باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="33"/>
        <source>price cannot be negative</source>
        <translation>قیمت نمی‌تواند منفی باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="34"/>
        <source>unit price is out of range</source>
        <translation>قیمت واحد خارج از محدوده است</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="35"/>
        <source>barcode must be 1 to 64 characters</source>
        <translation>بارکد باید ۱ تا ۶۴ نویسه باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="36"/>
        <source>search needs at least one character</source>
        <translation>جستجو دست‌کم یک نویسه لازم دارد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="38"/>
        <source>cash tendered must be positive</source>
        <translation>مبلغ نقدی پرداختی باید مثبت باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="39"/>
        <source>card amount must be positive</source>
        <translation>مبلغ کارت باید مثبت باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="40"/>
        <source>payment terminal offline</source>
        <translation>دستگاه کارت‌خوان در دسترس نیست</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="42"/>
        <source>a sale is in progress: complete, park or void it before a refund</source>
        <translation>فروشی در جریان است: پیش از بازپرداخت آن را تکمیل، نگه‌داری یا باطل کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="43"/>
        <source>a refund without a receipt is paid in cash</source>
        <translation>بازپرداخت بدون رسید نقدی پرداخت می‌شود</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="44"/>
        <source>card refund amount must be positive</source>
        <translation>مبلغ بازپرداخت به کارت باید مثبت باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="45"/>
        <source>name the items to refund</source>
        <translation>کالاهایی را که بازپرداخت می‌شوند مشخص کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="46"/>
        <source>name the receipt lines to refund</source>
        <translation>ردیف‌های رسید را که بازپرداخت می‌شوند مشخص کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="48"/>
        <source>no shift is open: open a shift with a float first</source>
        <translation>شیفتی باز نیست: ابتدا شیفتی با موجودی اولیه باز کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="49"/>
        <source>a sale is in progress: complete, park or void it before closing the shift</source>
        <translation>فروشی در جریان است: پیش از بستن شیفت آن را تکمیل، نگه‌داری یا باطل کنید</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="50"/>
        <source>the opening float cannot be negative</source>
        <translation>موجودی اولیه نمی‌تواند منفی باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="51"/>
        <source>counted cash cannot be negative</source>
        <translation>پول شمرده‌شده نمی‌تواند منفی باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="53"/>
        <source>name must be 1 to 200 characters</source>
        <translation>نام باید ۱ تا ۲۰۰ نویسه باشد</translation>
    </message>
    <message>
        <location filename="../src/engine_messages.cpp" line="54"/>
        <source>nobody is waiting: no ticket of today is left to call</source>
        <translation>کسی در انتظار نیست: نوبتی از امروز برای فراخواندن نمانده است</translation>
    </message>
</context>
<context>
    <name>ItemBrowserDialog</name>
    <message>
        <location filename="../qml/ItemBrowserDialog.qml" line="39"/>
        <source>Search by name or code</source>
        <translation>جستجو با نام یا کد</translation>
    </message>
    <message>
        <location filename="../qml/ItemBrowserDialog.qml" line="48"/>
        <source>Done</source>
        <translation>تمام</translation>
    </message>
    <message>
        <location filename="../qml/ItemBrowserDialog.qml" line="101"/>
        <source>Add %1, %2</source>
        <translation>افزودن %1، %2</translation>
    </message>
</context>
<context>
    <name>LaneScreen</name>
    <message>
        <location filename="../qml/LaneScreen.qml" line="19"/>
        <source>Self-service till</source>
        <translation>صندوق سلف‌سرویس</translation>
    </message>
    <message>
        <location filename="../qml/LaneScreen.qml" line="25"/>
        <source>%1 is responsible for this till while customers use it</source>
        <translation>تا وقتی مشتریان از این صندوق استفاده می‌کنند، %1 مسئول آن است</translation>
    </message>
    <message>
        <location filename="../qml/LaneScreen.qml" line="34"/>
        <source>Open for customers</source>
        <translation>باز کردن برای مشتریان</translation>
    </message>
    <message>
        <location filename="../qml/LaneScreen.qml" line="42"/>
        <source>Shift</source>
        <translation>شیفت</translation>
    </message>
    <message>
        <location filename="../qml/LaneScreen.qml" line="50"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <location filename="../qml/LineActions.qml" line="21"/>
        <source>Qty, 10%, or price</source>
        <translation>تعداد، 10% یا قیمت</translation>
    </message>
    <message>
        <location filename="../qml/LineActions.qml" line="26"/>
        <source>Quantity, discount or price for the selected line</source>
        <translation>تعداد، تخفیف یا قیمت برای ردیف انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../qml/LineActions.qml" line="30"/>
        <source>Qty</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location filename="../qml/LineActions.qml" line="37"/>
        <source>Discount</source>
        <translation>تخفیف</translation>
    </message>
    <message>
        <location filename="../qml/LineActions.qml" line="44"/>
        <source>Price</source>
        <translation>قیمت</translation>
    </message>
    <message>
        <location filename="../qml/LineActions.qml" line="51"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="18"/>
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="26"/>
        <location filename="../qml/LoginScreen.qml" line="30"/>
        <source>Staff id</source>
        <translation>شناسه کارمند</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="39"/>
        <source>Frontdesk</source>
        <translation>فرانت‌دسک</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../qml/ParkedDialog.qml" line="26"/>
        <source>Parked sales</source>
        <translation>فروش‌های معلق</translation>
    </message>
    <message>
        <location filename="../qml/ParkedDialog.qml" line="26"/>
        <source>No parked sales</source>
        <translation>فروش معلقی نیست</translation>
    </message>
    <message>
        <location filename="../qml/ParkedDialog.qml" line="36"/>
        <source>Parked sale</source>
        <translation>فروش معلق</translation>
    </message>
    <message>
        <location filename="../qml/ParkedDialog.qml" line="44"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="19"/>
        <source>PIN</source>
        <translation>رمز</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/PinPad.qml" line="23"/>
        <source>PIN, %n digits entered</source>
        <translation>
            <numerusform>رمز، %Ln رقم وارد شده</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="35"/>
        <source>OK</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="39"/>
        <source>Delete a digit</source>
        <translation>پاک کردن یک رقم</translation>
    </message>
</context>
<context>
    <name>PrinterStrip</name>
    <message>
        <location filename="../qml/PrinterStrip.qml" line="17"/>
        <source>Receipt not printed yet: %1</source>
        <translation>رسید هنوز چاپ نشده: %1</translation>
    </message>
    <message>
        <location filename="../qml/PrinterStrip.qml" line="18"/>
        <source>Receipt not printed: %1</source>
        <translation>رسید چاپ نشد: %1</translation>
    </message>
    <message>
        <location filename="../qml/PrinterStrip.qml" line="28"/>
        <source>Reprint</source>
        <translation>چاپ دوباره</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/kiosk_app.cpp" line="110"/>
        <source>keyboard scanner</source>
        <translation>اسکنر صفحه‌کلیدی</translation>
    </message>
    <message>
        <location filename="../src/kiosk_app.cpp" line="111"/>
        <source>simulated card terminal</source>
        <translation>پایانه کارت شبیه‌سازی‌شده</translation>
    </message>
    <message>
        <location filename="../src/kiosk_app.cpp" line="111"/>
        <source>card terminal</source>
        <translation>پایانه کارت</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../qml/QueuePanel.qml" line="24"/>
        <source>Now serving %1</source>
        <translation>نوبت %1</translation>
    </message>
    <message>
        <location filename="../qml/QueuePanel.qml" line="24"/>
        <source>Queue</source>
        <translation>صف</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/QueuePanel.qml" line="35"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%Ln نفر در انتظار</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/QueuePanel.qml" line="44"/>
        <source>Take a number</source>
        <translation>گرفتن نوبت</translation>
    </message>
    <message>
        <location filename="../qml/QueuePanel.qml" line="52"/>
        <source>Call next</source>
        <translation>نفر بعدی</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../qml/ReasonDialog.qml" line="12"/>
        <source>OK</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <location filename="../qml/ReasonDialog.qml" line="46"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>ReceiptQrDialog</name>
    <message>
        <location filename="../qml/ReceiptQrDialog.qml" line="30"/>
        <source>Receipt %1</source>
        <translation>رسید %1</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptQrDialog.qml" line="42"/>
        <source>The receipt as a QR code</source>
        <translation>رسید به صورت کد QR</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptQrDialog.qml" line="45"/>
        <source>Scan it with your phone&apos;s camera to keep the receipt</source>
        <translation>برای نگه داشتن رسید، آن را با دوربین گوشی خود اسکن کنید</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptQrDialog.qml" line="52"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>ReceptionScreen</name>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="31"/>
        <source>Today&apos;s bookings</source>
        <translation>رزروهای امروز</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="37"/>
        <source>Search by name, resource or time (14:00)</source>
        <translation>جستجو با نام، منبع یا ساعت (14:00)</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="64"/>
        <source>%1, %2, %3, %4</source>
        <translation>%1، %2، %3، %4</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="88"/>
        <source>Check in</source>
        <translation>ثبت ورود</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="89"/>
        <source>Check out</source>
        <translation>ثبت خروج</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="89"/>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="116"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="158"/>
        <source>Scan, or type a membership id</source>
        <translation>اسکن کنید یا شناسه عضویت را بنویسید</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="167"/>
        <source>Member id</source>
        <translation>شناسه عضو</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="194"/>
        <source>Seen</source>
        <translation>دیدم</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="211"/>
        <source>Time clock</source>
        <translation>ساعت حضور</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="226"/>
        <source>Visitors</source>
        <translation>بازدیدکنندگان</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="233"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="237"/>
        <source>Visitor&apos;s name</source>
        <translation>نام بازدیدکننده</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="242"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="246"/>
        <source>Visitor&apos;s company</source>
        <translation>شرکت بازدیدکننده</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="251"/>
        <source>Visiting</source>
        <translation>ملاقات با</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="255"/>
        <source>Whom they visit</source>
        <translation>با چه کسی ملاقات دارد</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="259"/>
        <source>Sign in, print badge</source>
        <translation>ثبت ورود و چاپ کارت</translation>
    </message>
    <message>
        <location filename="../qml/ReceptionScreen.qml" line="296"/>
        <source>Sign out</source>
        <translation>ثبت خروج</translation>
    </message>
</context>
<context>
    <name>RefundScreen</name>
    <message>
        <location filename="../qml/RefundScreen.qml" line="27"/>
        <source>Refund without a receipt</source>
        <translation>بازپرداخت بدون رسید</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="28"/>
        <source>Refund of %1</source>
        <translation>بازپرداخت %1</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="29"/>
        <location filename="../qml/RefundScreen.qml" line="158"/>
        <source>Refund</source>
        <translation>بازپرداخت</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="36"/>
        <source>Back to the sale</source>
        <translation>بازگشت به فروش</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="52"/>
        <source>Scan the receipt, or type its number</source>
        <translation>رسید را اسکن کنید یا شماره‌اش را بنویسید</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="61"/>
        <source>No receipt</source>
        <translation>بدون رسید</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="91"/>
        <source>%1, %2 left to refund, %3 chosen</source>
        <translation>%1، %2 قابل بازپرداخت، %3 انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="100"/>
        <source>%1 left at %2</source>
        <translation>%1 باقی‌مانده، هر عدد %2</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="111"/>
        <source>How many of %1 come back</source>
        <translation>چند عدد از %1 برگشت داده می‌شود</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="116"/>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="130"/>
        <source>Back to the card</source>
        <translation>به کارت</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="130"/>
        <source>Back as paid</source>
        <translation>به روش پرداخت</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="140"/>
        <source>In cash</source>
        <translation>نقدی</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="150"/>
        <source>Why it came back</source>
        <translation>دلیل برگشت</translation>
    </message>
    <message>
        <location filename="../qml/RefundScreen.qml" line="154"/>
        <source>Reason for the refund</source>
        <translation>دلیل بازپرداخت</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../qml/SaleScreen.qml" line="59"/>
        <source>%1, %2 at %3, %4</source>
        <translation>%1، %2 عدد به قیمت %3، %4</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="68"/>
        <source>(age check)</source>
        <translation>(بررسی سن)</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="110"/>
        <source>Sale discount</source>
        <translation>تخفیف فروش</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="119"/>
        <location filename="../qml/SaleScreen.qml" line="264"/>
        <source>Park</source>
        <translation>تعلیق</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="128"/>
        <source>Parked sales</source>
        <translation>فروش‌های معلق</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="136"/>
        <source>Items</source>
        <translation>کالاها</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="145"/>
        <source>Receipt on screen</source>
        <translation>رسید روی صفحه</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="154"/>
        <source>Void sale</source>
        <translation>ابطال فروش</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="185"/>
        <source>Refund</source>
        <translation>بازپرداخت</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="193"/>
        <source>Shift</source>
        <translation>شیفت</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="201"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="213"/>
        <source>Total %1</source>
        <translation>جمع %1</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="235"/>
        <location filename="../qml/SaleScreen.qml" line="240"/>
        <source>Barcode</source>
        <translation>بارکد</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="254"/>
        <source>Discount on the sale</source>
        <translation>تخفیف روی کل فروش</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="255"/>
        <source>Amount (1.50) or percentage (10%)</source>
        <translation>مبلغ (1.50) یا درصد (10%)</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="256"/>
        <source>Give discount</source>
        <translation>اعمال تخفیف</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="262"/>
        <source>Park the sale</source>
        <translation>تعلیق فروش</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="263"/>
        <source>A name to find it by (optional)</source>
        <translation>نامی برای پیدا کردن آن (اختیاری)</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="270"/>
        <source>Void the sale</source>
        <translation>ابطال فروش</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="271"/>
        <source>Why</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../qml/SaleScreen.qml" line="272"/>
        <source>Void</source>
        <translation>ابطال</translation>
    </message>
</context>
<context>
    <name>SelfCheckinPanel</name>
    <message>
        <location filename="../qml/SelfCheckinPanel.qml" line="17"/>
        <source>Scan your booking&apos;s QR code or your member card</source>
        <translation>کد QR رزرو یا کارت عضویت خود را اسکن کنید</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckinPanel.qml" line="67"/>
        <source>Done</source>
        <translation>تمام</translation>
    </message>
</context>
<context>
    <name>SelfCheckoutPanel</name>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="16"/>
        <source>Scan your first item</source>
        <translation>اولین کالا را اسکن کنید</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="16"/>
        <source>Your items</source>
        <translation>کالاهای شما</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="40"/>
        <source>%1, %2, %3</source>
        <translation>%1، %2، %3</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="86"/>
        <source>Total %1</source>
        <translation>جمع %1</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="94"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../qml/SelfCheckoutPanel.qml" line="102"/>
        <source>Pay by card</source>
        <translation>پرداخت با کارت</translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="27"/>
        <source>Shift</source>
        <translation>شیفت</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="27"/>
        <source>Open the shift</source>
        <translation>باز کردن شیفت</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="34"/>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="34"/>
        <source>Float in the drawer</source>
        <translation>موجودی اولیه کشو</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="45"/>
        <location filename="../qml/ShiftScreen.qml" line="49"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="54"/>
        <source>Open shift</source>
        <translation>باز کردن شیفت</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="68"/>
        <source>Paid in</source>
        <translation>واریز به صندوق</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="76"/>
        <source>Paid out</source>
        <translation>برداشت از صندوق</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="84"/>
        <source>No sale</source>
        <translation>باز کردن کشو</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="92"/>
        <source>X report</source>
        <translation>گزارش X</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="112"/>
        <source>Back to the sale</source>
        <translation>بازگشت به فروش</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="119"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="134"/>
        <source>Count the drawer</source>
        <translation>شمارش کشو</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="167"/>
        <source>How many of %1</source>
        <translation>تعداد %1</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="181"/>
        <source>Counted %1</source>
        <translation>شمرده‌شده %1</translation>
    </message>
    <message>
        <location filename="../qml/ShiftScreen.qml" line="187"/>
        <source>Close shift</source>
        <translation>بستن شیفت</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../qml/StaffPanel.qml" line="29"/>
        <source>Staff</source>
        <translation>کارکنان</translation>
    </message>
    <message>
        <location filename="../qml/StaffPanel.qml" line="36"/>
        <location filename="../qml/StaffPanel.qml" line="40"/>
        <source>Staff id</source>
        <translation>شناسه کارمند</translation>
    </message>
    <message>
        <location filename="../qml/StaffPanel.qml" line="61"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/StatusBar.qml" line="97"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>TenderPanel</name>
    <message>
        <location filename="../qml/TenderPanel.qml" line="16"/>
        <source>Paid %1, still to pay %2</source>
        <translation>پرداخت‌شده %1، باقی‌مانده %2</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="40"/>
        <source>Cash %1</source>
        <translation>نقد %1</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="52"/>
        <location filename="../qml/TenderPanel.qml" line="57"/>
        <source>Cash given</source>
        <translation>وجه نقد دریافتی</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="62"/>
        <source>Cash</source>
        <translation>نقد</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="72"/>
        <source>Card %1</source>
        <translation>کارت %1</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="82"/>
        <source>Change %1</source>
        <translation>باقی پول %1</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="89"/>
        <source>Paper receipt</source>
        <translation>رسید کاغذی</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="94"/>
        <source>Print the receipt on paper; off: show it as a QR code</source>
        <translation>چاپ رسید روی کاغذ؛ خاموش: نمایش به صورت کد QR</translation>
    </message>
    <message>
        <location filename="../qml/TenderPanel.qml" line="99"/>
        <source>Complete sale</source>
        <translation>پایان فروش</translation>
    </message>
</context>
<context>
    <name>TimeClockDialog</name>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="29"/>
        <source>Time clock</source>
        <translation>ساعت حضور</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="35"/>
        <source>On the clock: %1</source>
        <translation>حاضر: %1</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="36"/>
        <source>Nobody is on the clock</source>
        <translation>کسی حاضر نیست</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="46"/>
        <source>Clock in</source>
        <translation>ثبت حضور</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="56"/>
        <source>Clock out</source>
        <translation>ثبت پایان کار</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="68"/>
        <location filename="../qml/TimeClockDialog.qml" line="72"/>
        <source>Staff id</source>
        <translation>شناسه کارمند</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="83"/>
        <source>Or scan your staff badge: it clocks you in, or out if you are in</source>
        <translation>یا کارت کارکنان خود را اسکن کنید: ورود شما را ثبت می‌کند، یا اگر وارد شده‌اید خروج را</translation>
    </message>
    <message>
        <location filename="../qml/TimeClockDialog.qml" line="96"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="17"/>
        <source>Welcome</source>
        <translation>خوش آمدید</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="24"/>
        <source>Scan an item to start, or choose below</source>
        <translation>برای شروع یک کالا را اسکن کنید، یا از پایین انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="36"/>
        <source>Pay for items</source>
        <translation>پرداخت خرید</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="44"/>
        <source>Check in</source>
        <translation>ثبت ورود</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="57"/>
        <source>Normal text</source>
        <translation>متن معمولی</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="57"/>
        <source>Larger text</source>
        <translation>متن بزرگ‌تر</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="64"/>
        <source>Normal colours</source>
        <translation>رنگ‌های معمولی</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePanel.qml" line="64"/>
        <source>High contrast</source>
        <translation>کنتراست بالا</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::ItemBrowser</name>
    <message>
        <location filename="../src/item_browser.cpp" line="21"/>
        <source>No categories in the catalog: search by name</source>
        <translation>فهرست کالا دسته‌بندی ندارد: با نام جستجو کنید</translation>
    </message>
    <message>
        <location filename="../src/item_browser.cpp" line="31"/>
        <source>Nothing in %1</source>
        <translation>چیزی در %1 نیست</translation>
    </message>
    <message>
        <location filename="../src/item_browser.cpp" line="39"/>
        <source>Nothing starts with %1</source>
        <translation>چیزی با %1 شروع نمی‌شود</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::PrinterViewModel</name>
    <message>
        <location filename="../src/printer_view_model.cpp" line="53"/>
        <source>There is no receipt to print again</source>
        <translation>رسیدی برای چاپ دوباره نیست</translation>
    </message>
    <message>
        <location filename="../src/printer_view_model.cpp" line="83"/>
        <source>Printing</source>
        <translation>در حال چاپ</translation>
    </message>
    <message>
        <location filename="../src/printer_view_model.cpp" line="89"/>
        <source>Printed</source>
        <translation>چاپ شد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::QueueViewModel</name>
    <message>
        <location filename="../src/queue_view_model.cpp" line="46"/>
        <source>Number %1: nobody is waiting before it</source>
        <translation>شماره %1: کسی پیش از آن در انتظار نیست</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/queue_view_model.cpp" line="47"/>
        <source>Number %1: %n waiting before it</source>
        <translation>
            <numerusform>شماره %1: %Ln نفر پیش از آن در انتظارند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/queue_view_model.cpp" line="58"/>
        <source>Nobody is waiting</source>
        <translation>کسی در انتظار نیست</translation>
    </message>
    <message>
        <location filename="../src/queue_view_model.cpp" line="64"/>
        <source>Calling number %1</source>
        <translation>شماره %1 فراخوانده شد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::ReceptionViewModel</name>
    <message>
        <location filename="../src/reception_view_model.cpp" line="65"/>
        <source>Membership suspended: please ask them to see the manager</source>
        <translation>عضویت تعلیق شده است: لطفاً از او بخواهید با مدیر صحبت کند</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="67"/>
        <source>Membership expired on %1: it can be renewed at the desk</source>
        <translation>عضویت در %1 به پایان رسیده است: می‌توان آن را در پذیرش تمدید کرد</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="71"/>
        <source>This booking is for %1, not today</source>
        <translation>این رزرو برای %1 است، نه امروز</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="73"/>
        <source>Already checked in</source>
        <translation>ورود پیش‌تر ثبت شده است</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="74"/>
        <source>This booking is already completed</source>
        <translation>این رزرو پیش‌تر به پایان رسیده است</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="75"/>
        <source>No booking, member or card matches: check the code or search by name</source>
        <translation>هیچ رزرو، عضو یا کارتی پیدا نشد: کد را بررسی کنید یا با نام جستجو کنید</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="90"/>
        <source>Member until %1</source>
        <translation>عضو تا %1</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="91"/>
        <source>Goodbye, %1</source>
        <translation>خدانگهدار، %1</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="91"/>
        <source>Welcome, %1</source>
        <translation>خوش آمدید، %1</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="93"/>
        <source>Not admitted</source>
        <translation>اجازه ورود ندارد</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="93"/>
        <source>%1: not admitted</source>
        <translation>%1: اجازه ورود ندارد</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="133"/>
        <source>Check with the manager before %1 goes in</source>
        <translation>پیش از ورود %1 با مدیر هماهنگ کنید</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="136"/>
        <source>%1 signed in: the badge is printing</source>
        <translation>ورود %1 ثبت شد: کارت در حال چاپ است</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="146"/>
        <source>%1 signed out</source>
        <translation>خروج %1 ثبت شد</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="165"/>
        <source>%1 clocked in</source>
        <translation>حضور %1 ثبت شد</translation>
    </message>
    <message>
        <location filename="../src/reception_view_model.cpp" line="165"/>
        <source>%1 clocked out</source>
        <translation>پایان کار %1 ثبت شد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::RefundViewModel</name>
    <message>
        <location filename="../src/refund_view_model.cpp" line="69"/>
        <source>Receipt %1: choose what comes back</source>
        <translation>رسید %1: آنچه برگشت داده می‌شود را انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="77"/>
        <source>No receipt: scan the items brought back. A supervisor approves the refund.</source>
        <translation>بدون رسید: کالاهای برگشتی را اسکن کنید. سرپرست بازپرداخت را تأیید می‌کند.</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="111"/>
        <source>Quantity &apos;%1&apos; is not a number of items</source>
        <translation>تعداد «%1» تعداد معتبری از کالا نیست</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="117"/>
        <source>Only %1 of %2 is left to refund</source>
        <translation>فقط %1 از %2 قابل بازپرداخت است</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="154"/>
        <source>The card terminal is paying back: follow it on its screen</source>
        <translation>پایانه کارت در حال بازپرداخت است: روی صفحه آن دنبال کنید</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="159"/>
        <source>A refund</source>
        <translation>یک بازپرداخت</translation>
    </message>
    <message>
        <location filename="../src/refund_view_model.cpp" line="172"/>
        <source>Refund %1 saved: %2 back</source>
        <translation>بازپرداخت %1 ثبت شد: %2 برگشت داده شد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::SaleViewModel</name>
    <message>
        <location filename="../src/sale_payment.cpp" line="12"/>
        <source>Cash taken</source>
        <translation>وجه نقد دریافت شد</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="29"/>
        <source>Present the card on the terminal: %1</source>
        <translation>کارت را روی پایانه ارائه کنید: %1</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="38"/>
        <source>Card approved: %1 ending %2</source>
        <translation>کارت تأیید شد: %1 با رقم‌های پایانی %2</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="38"/>
        <source>Card approved</source>
        <translation>کارت تأیید شد</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="47"/>
        <source>%1. Ask for another card or another way to pay.</source>
        <translation>%1. کارت دیگر یا روش پرداخت دیگری بخواهید.</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="51"/>
        <source>The card payment was cancelled on the terminal. Try again, or take another way to pay.</source>
        <translation>پرداخت کارتی روی پایانه لغو شد. دوباره تلاش کنید یا روش پرداخت دیگری بپذیرید.</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="55"/>
        <source>The card terminal did not answer in time. Check its screen, then try the card again or take another way to pay.</source>
        <translation>پایانه کارت به موقع پاسخ نداد. صفحه آن را بررسی کنید، سپس دوباره کارت را امتحان کنید یا روش پرداخت دیگری بپذیرید.</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="61"/>
        <source>The card terminal cannot be reached: check that it is on and connected, or take cash.</source>
        <translation>پایانه کارت در دسترس نیست: روشن و متصل بودن آن را بررسی کنید، یا وجه نقد بگیرید.</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="86"/>
        <source>Sale %1 saved. Change %2</source>
        <translation>فروش %1 ثبت شد. باقی پول %2</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="86"/>
        <source>Sale %1 saved</source>
        <translation>فروش %1 ثبت شد</translation>
    </message>
    <message>
        <location filename="../src/sale_payment.cpp" line="89"/>
        <source>The receipt is too long for the screen: it prints</source>
        <translation>رسید برای صفحه بیش از حد طولانی است: چاپ می‌شود</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="14"/>
        <source>Not approved: nothing changed</source>
        <translation>تأیید نشد: چیزی تغییر نکرد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="98"/>
        <source>Quantity &apos;%1&apos; is not a number</source>
        <translation>تعداد «%1» عدد نیست</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="106"/>
        <source>Line removed</source>
        <translation>ردیف حذف شد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="115"/>
        <source>Type the discount first: an amount like 1.50 or a percentage like 10%</source>
        <translation>ابتدا تخفیف را بنویسید: مبلغی مانند 1.50 یا درصدی مانند 10%</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="124"/>
        <source>A discount on line %1</source>
        <translation>تخفیف روی ردیف %1</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="124"/>
        <location filename="../src/sale_view_model.cpp" line="133"/>
        <source>Discount given</source>
        <translation>تخفیف اعمال شد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="133"/>
        <source>A discount on the sale</source>
        <translation>تخفیف روی کل فروش</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="142"/>
        <source>Price &apos;%1&apos;: %2</source>
        <translation>قیمت «%1»: %2</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="146"/>
        <source>A new price on line %1</source>
        <translation>قیمت تازه روی ردیف %1</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="146"/>
        <source>Price changed</source>
        <translation>قیمت تغییر کرد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="157"/>
        <source>Sale parked</source>
        <translation>فروش معلق شد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="177"/>
        <source>Sale resumed</source>
        <translation>فروش از سر گرفته شد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="191"/>
        <source>Confirming the customer&apos;s age</source>
        <translation>تأیید سن مشتری</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="191"/>
        <source>Age confirmed</source>
        <translation>سن تأیید شد</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="197"/>
        <source>Voiding the sale</source>
        <translation>ابطال فروش</translation>
    </message>
    <message>
        <location filename="../src/sale_view_model.cpp" line="204"/>
        <source>Sale voided</source>
        <translation>فروش باطل شد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::ShiftViewModel</name>
    <message>
        <location filename="../src/shift_view_model.cpp" line="16"/>
        <source>Not approved: nothing changed</source>
        <translation>تأیید نشد: چیزی تغییر نکرد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="49"/>
        <source>Opened</source>
        <translation>باز شده</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="50"/>
        <source>Closed</source>
        <translation>بسته شده</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="51"/>
        <source>Sales</source>
        <translation>فروش‌ها</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="51"/>
        <location filename="../src/shift_view_model.cpp" line="52"/>
        <location filename="../src/shift_view_model.cpp" line="59"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="52"/>
        <source>Refunds</source>
        <translation>بازپرداخت‌ها</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="53"/>
        <source>Voids</source>
        <translation>ابطال‌ها</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="54"/>
        <source>Discounts</source>
        <translation>تخفیف‌ها</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="57"/>
        <source>Refunded by %1</source>
        <translation>بازپرداخت با %1</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="58"/>
        <source>Taken by %1</source>
        <translation>دریافت با %1</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="61"/>
        <source>Float</source>
        <translation>موجودی اولیه</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="62"/>
        <source>Paid in</source>
        <translation>واریز به صندوق</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="63"/>
        <source>Paid out</source>
        <translation>برداشت از صندوق</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="64"/>
        <source>Cash expected</source>
        <translation>نقد مورد انتظار</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="65"/>
        <source>Cash counted</source>
        <translation>نقد شمرده‌شده</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="66"/>
        <source>Over or short</source>
        <translation>اضافه یا کسری</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="81"/>
        <source>Shift open with a float of %1</source>
        <translation>شیفت با موجودی اولیه %1 باز شد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="91"/>
        <source>Paid in %1</source>
        <translation>%1 به صندوق واریز شد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="91"/>
        <source>Paid out %1</source>
        <translation>%1 از صندوق برداشت شد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="92"/>
        <source>Paying in %1</source>
        <translation>واریز %1 به صندوق</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="92"/>
        <source>Paying out %1</source>
        <translation>برداشت %1 از صندوق</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="117"/>
        <source>Opening the drawer without a sale</source>
        <translation>باز کردن کشو بدون فروش</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="124"/>
        <source>Drawer opened</source>
        <translation>کشو باز شد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="134"/>
        <source>X report</source>
        <translation>گزارش X</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="135"/>
        <source>X report: the shift stays open</source>
        <translation>گزارش X: شیفت باز می‌ماند</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="143"/>
        <source>Z report</source>
        <translation>گزارش Z</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="146"/>
        <source>Shift closed: the drawer is right</source>
        <translation>شیفت بسته شد: موجودی کشو درست است</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="147"/>
        <source>Shift closed: the drawer is over by %1</source>
        <translation>شیفت بسته شد: کشو %1 اضافه دارد</translation>
    </message>
    <message>
        <location filename="../src/shift_view_model.cpp" line="148"/>
        <source>Shift closed: the drawer is short by %1</source>
        <translation>شیفت بسته شد: کشو %1 کسری دارد</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::StatusViewModel</name>
    <message>
        <location filename="../src/status_view_model.cpp" line="14"/>
        <source>just now</source>
        <translation>همین حالا</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="15"/>
        <source>%1 min ago</source>
        <translation>%1 دقیقه پیش</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="17"/>
        <source>%1 h %2 min ago</source>
        <translation>%1 ساعت و %2 دقیقه پیش</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="19"/>
        <source>%1 days ago</source>
        <translation>%1 روز پیش</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/status_view_model.cpp" line="27"/>
        <source>%n to send</source>
        <translation>
            <numerusform>%Ln مورد برای ارسال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="30"/>
        <source>, the oldest %1</source>
        <translation>، قدیمی‌ترین %1</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="36"/>
        <source>Online: %1</source>
        <translation>آنلاین: %1</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="37"/>
        <source>Online, all sent</source>
        <translation>آنلاین، همه ارسال شده</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="41"/>
        <source>Offline: %1, kept safe here</source>
        <translation>آفلاین: %1، اینجا امن نگه داشته می‌شود</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="42"/>
        <source>Offline, nothing waiting</source>
        <translation>آفلاین، چیزی در انتظار نیست</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="48"/>
        <location filename="../src/status_view_model.cpp" line="53"/>
        <source>Printer: %1</source>
        <translation>چاپگر: %1</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="52"/>
        <source>Printer: not reachable</source>
        <translation>چاپگر: در دسترس نیست</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="56"/>
        <source>Printer: paper low</source>
        <translation>چاپگر: کاغذ رو به پایان است</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="57"/>
        <source>Printer ready</source>
        <translation>چاپگر آماده است</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="57"/>
        <source>Printer</source>
        <translation>چاپگر</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="68"/>
        <source>Not syncing: this till works on its own</source>
        <translation>بدون همگام‌سازی: این صندوق مستقل کار می‌کند</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="70"/>
        <source>No receipt printer</source>
        <translation>چاپگر رسید ندارد</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="88"/>
        <source>Back office</source>
        <translation>دفتر مرکزی</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="89"/>
        <source>Receipt printer</source>
        <translation>چاپگر رسید</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="90"/>
        <source>Scanner</source>
        <translation>اسکنر</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="91"/>
        <source>Card terminal</source>
        <translation>پایانه کارت</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="93"/>
        <source>Scale</source>
        <translation>ترازو</translation>
    </message>
    <message>
        <location filename="../src/status_view_model.cpp" line="93"/>
        <source>No scale connected: type the weight the scale shows</source>
        <translation>ترازویی وصل نیست: وزنی را که ترازو نشان می‌دهد وارد کنید</translation>
    </message>
</context>
<context>
    <name>frontdesk::kiosk::app::TillAccess</name>
    <message>
        <location filename="../src/till_access.cpp" line="9"/>
        <source>One moment: the till is checking its records</source>
        <translation>لحظه‌ای صبر کنید: صندوق در حال بررسی سوابق خود است</translation>
    </message>
    <message>
        <location filename="../src/till_access.cpp" line="10"/>
        <source>Finish the card payment first: the terminal is waiting for the card</source>
        <translation>ابتدا پرداخت کارتی را تمام کنید: پایانه منتظر کارت است</translation>
    </message>
    <message>
        <location filename="../src/till_access.cpp" line="28"/>
        <source>The till&apos;s records are damaged (%1): nothing more can be recorded on this till. Call support</source>
        <translation>سوابق صندوق آسیب دیده است (%1): دیگر چیزی روی این صندوق ثبت نمی‌شود. با پشتیبانی تماس بگیرید</translation>
    </message>
</context>
</TS>

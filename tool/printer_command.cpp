// `printer profiles`: the printer models this build knows, with any profile file refused and why.
// `printer list`: the USB receipt printers attached. `printer status ADDRESS`: what a printer says
// about itself. `printer test ADDRESS`: a test page that shows what the model can print (styles,
// alignment, code pages, right-to-left text, barcodes, a QR code, the cut), confirmed by the
// printer where the transport is two-way; with --drawer it also opens the cash drawer.
#include <iomanip>
#include <iostream>
#include <memory>

#include "command.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/printer_service.h"
#include "peripherals/usb_printers.h"

namespace frontdesk::tool {

namespace {

using namespace std::chrono_literals;
using peripherals::Align;
using peripherals::Document;
using peripherals::TextStyle;

struct PrinterOptions {
    std::string address;
    std::string model = "epson-tm-t88v";
    std::string profilesDir;
    bool drawer = false;
};

core::Result<firmware_config::PrinterProfiles> profiles(const std::string& dir) {
    return firmware_config::loadPrinterProfiles(dir.empty() ? firmware_config::shippedPrinterProfilesDir()
                                                            : std::filesystem::path(dir));
}

int listProfiles(const std::string& dir) {
    auto loaded = profiles(dir);
    if (!loaded.ok()) return refusal(loaded.status());
    for (const auto& p : loaded->profiles) {
        std::cout << p.id << ": " << p.model << ", " << p.paperMm << " mm, " << p.columns() << " columns, "
                  << p.dotsPerLine << " dots at " << p.dpi << " dpi\n";
    }
    for (const auto& r : loaded->refused) std::cerr << "refused: " << r << "\n";
    return loaded->refused.empty() ? kExitOk : kExitRefused;
}

int listUsb() {
    auto found = peripherals::listUsbPrinters();
    if (!found.ok()) return refusal(found.status());
    if (found->empty()) std::cout << "no USB printers found\n";
    for (const auto& p : *found) {
        std::ostringstream ids;
        ids << std::hex << std::setfill('0') << std::setw(4) << p.vendorId << ":" << std::setw(4) << p.productId;
        std::cout << "usb:" << ids.str() << "  bus " << p.bus << " device " << p.address << "  "
                  << (p.manufacturer.empty() ? "?" : p.manufacturer) << " " << (p.product.empty() ? "?" : p.product)
                  << (p.serial.empty() ? "" : " (serial " + p.serial + ")")
                  << (p.printerClass ? "" : "  [vendor-specific interface, known by its ids]") << "\n";
    }
    return kExitOk;
}

// Opens, claims and enables the printer at the address, as the kiosk does.
core::Result<std::unique_ptr<peripherals::PrinterService>> connect(const PrinterOptions& o) {
    FD_ASSIGN(auto loaded, profiles(o.profilesDir));
    const auto* profile = loaded.find(o.model);
    if (!profile) return core::notFound("no printer profile '" + o.model + "' (frontdesk-tool printer profiles)");
    FD_ASSIGN(auto address, peripherals::parsePrinterAddress(o.address));
    FD_ASSIGN(auto transport, peripherals::makeTransport(address));
    auto service = std::make_unique<peripherals::PrinterService>(*profile, std::move(transport));
    FD_TRY(service->open());
    FD_TRY(service->claim());
    FD_TRY(service->enable());
    return service;
}

int status(const PrinterOptions& o) {
    auto printer = connect(o);
    if (!printer.ok()) return refusal(printer.status());
    const auto s = (*printer)->status();
    std::cout << o.address << ": " << s.describe() << "\n";
    return s.fault().empty() ? kExitOk : kExitRefused;
}

Document testPage(const firmware_config::PrinterProfile& p) {
    Document d;
    d.text("Printer test", TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    d.text(p.model + ", " + std::to_string(p.paperMm) + " mm, " + std::to_string(p.columns()) + " columns", {},
           Align::Center);
    std::string ruler;
    for (int i = 1; i <= p.columns(); ++i) ruler.push_back(static_cast<char>('0' + i % 10));
    d.text(ruler).separator();
    d.text("Bold", TextStyle{.bold = true}).text("Underlined", TextStyle{.underline = true});
    d.text("Inverted", TextStyle{.inverted = true})
        .text("Double", TextStyle{.doubleWidth = true, .doubleHeight = true});
    d.text("Centred", {}, Align::Center).text("Right", {}, Align::End);
    d.columns("An item with a long name that wraps onto a second line", "12.34");
    d.separator().text("Grüße, Ünïcödé: € £ ¥ Ω Ж");
    d.text("سلام، فرانت‌دسک", {}, Align::Start);  // right to left, shaped
    d.barcode(peripherals::BarcodeKind::Ean13, "400000000002");
    d.barcode(peripherals::BarcodeKind::Code128, "FRONTDESK-TEST");
    d.qr("https://frontdesk.invalid/test", 5);
    d.cut();
    return d;
}

int test(const PrinterOptions& o) {
    auto printer = connect(o);
    if (!printer.ok()) return refusal(printer.status());
    auto& service = **printer;
    auto job = service.printAsync(testPage(service.profile()));
    if (!job.ok()) return refusal(job.status());
    if (core::Status done = service.waitForJob(*job, 60s); !done.ok()) return refusal(done);
    std::cout << o.address << ": test page " << (service.twoWay() ? "printed (confirmed by the printer)" : "sent")
              << "\n";
    if (o.drawer) {
        auto kick = service.openDrawer();
        if (!kick.ok()) return refusal(kick.status());
        if (core::Status done = service.waitForJob(*kick, 20s); !done.ok()) return refusal(done);
        std::cout << o.address << ": drawer pulse sent\n";
    }
    std::cout << o.address << ": " << service.status().describe() << "\n";
    return kExitOk;
}

void addAddress(CLI::App* cmd, PrinterOptions& o) {
    cmd->add_option("address", o.address,
                    "tcp://HOST:PORT, usb:VID:PID, usb:, cups:QUEUE, serial:DEVICE[@BAUD], file:PATH")
        ->required();
    cmd->add_option("--model", o.model, "the printer's profile (frontdesk-tool printer profiles)")
        ->capture_default_str();
    cmd->add_option("--profiles", o.profilesDir, "a folder of printer profiles (default: the shipped ones)");
}

}  // namespace

void addPrinterCommands(CLI::App& app, Action& action) {
    CLI::App* printer = app.add_subcommand("printer", "receipt printers")->require_subcommand(1);

    auto dir = std::make_shared<std::string>();
    CLI::App* profilesCmd =
        printer->add_subcommand("profiles", "the printer models known, and any profile refused with why");
    profilesCmd->add_option("--profiles", *dir, "a folder of printer profiles (default: the shipped ones)");
    profilesCmd->callback([dir, &action] { action = [dir] { return listProfiles(*dir); }; });

    CLI::App* listCmd = printer->add_subcommand("list", "the USB receipt printers attached, with their usb: address");
    listCmd->callback([&action] { action = [] { return listUsb(); }; });

    auto statusOptions = std::make_shared<PrinterOptions>();
    CLI::App* statusCmd = printer->add_subcommand("status", "what a printer says about itself");
    addAddress(statusCmd, *statusOptions);
    statusCmd->callback([statusOptions, &action] { action = [statusOptions] { return status(*statusOptions); }; });

    auto testOptions = std::make_shared<PrinterOptions>();
    CLI::App* testCmd = printer->add_subcommand("test", "print a test page of what the model can print");
    addAddress(testCmd, *testOptions);
    testCmd->add_flag("--drawer", testOptions->drawer, "also open the cash drawer");
    testCmd->callback([testOptions, &action] { action = [testOptions] { return test(*testOptions); }; });
}

}  // namespace frontdesk::tool

// Printing a receipt: encoding, and printing through the printer service until the printer
// confirms it, each against a baseline run side by side in the same process.
//
//   BM_EncodeReceipt      a 40-line receipt with a QR code and a Code 128 barcode, document to
//                         ESC/POS bytes (layout, columns, code pages) for an Epson TM-T88V
//   BM_RawReceiptBytes    the same receipt's bytes appended by hand from pre-formatted lines: no
//                         layout, no code-page mapping (what a hard-coded template would cost)
//   BM_PrintConfirmed     the document through PrinterService over TCP to the printer simulator
//                         (which interprets, renders and writes each receipt), confirmed by GS r
//   BM_RawPrintConfirmed  the encoded bytes plus GS r 1 written to the same simulator on a plain
//                         socket, and the reply byte read: the wire and the printer alone
//
// Both pairs report items/s; docs/PERFORMANCE.md records the ratios.

#include <arpa/inet.h>
#include <benchmark/benchmark.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench_support.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/escpos_encoder.h"
#include "peripherals/printer_service.h"
#include "peripherals/printer_simulator.h"
#include "testing/temp_dir.h"

namespace frontdesk::bench {
namespace {

using namespace std::chrono_literals;
using peripherals::Align;
using peripherals::Document;
using peripherals::TextStyle;

constexpr int kLines = 40;

const firmware_config::PrinterProfile& profile() {
    static const auto loaded =
        must(firmware_config::loadPrinterProfile(firmware_config::shippedPrinterProfilesDir() / "epson-tm-t88v.json"),
             "printer profile");
    return loaded;
}

std::string itemName(int i) {
    return "Item number " + std::to_string(i) + " (500 g)";
}
std::string price(int i) {
    return std::to_string(i) + "." + std::to_string(10 + i % 90);
}

Document receipt() {
    Document d;
    d.text("Frontdesk Cafe", TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    d.text("1 Main Street, 10115 Berlin", {}, Align::Center).separator();
    for (int i = 1; i <= kLines; ++i) d.columns(itemName(i), price(i));
    d.separator().columns("Total", "EUR 1234.56", TextStyle{.bold = true});
    d.qr("t1-000042", 5).barcode(peripherals::BarcodeKind::Code128, "t1-000042", 60).cut();
    return d;
}

void BM_EncodeReceipt(benchmark::State& state) {
    auto raster = must(peripherals::TextRaster::open(), "font");
    const peripherals::EscPosEncoder encoder(profile(), raster.get());
    const Document d = receipt();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto encoded = encoder.encode(d);
        if (!encoded.ok()) die(encoded.status().toString());
        bytes = encoded->size();
        benchmark::DoNotOptimize(encoded->data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_RawReceiptBytes(benchmark::State& state) {
    const int columns = profile().columns();
    std::vector<std::pair<std::string, std::string>> lines;
    for (int i = 1; i <= kLines; ++i) lines.emplace_back(itemName(i), price(i));
    for (auto _ : state) {
        std::string out = "\x1b@\x1bt\x00\x1b!\x38\x1b\x61\x01";
        out += "Frontdesk Cafe\n\x1b!\x00";
        out += "1 Main Street, 10115 Berlin\n\x1b\x61";
        out.push_back('\0');
        out += std::string(static_cast<std::size_t>(columns), '-') + "\n";
        for (const auto& [left, right] : lines) {
            out += left;
            out.append(static_cast<std::size_t>(columns) - left.size() - right.size(), ' ');
            out += right + "\n";
        }
        out += std::string(static_cast<std::size_t>(columns), '-') + "\n\033E\001Total";
        out.append(static_cast<std::size_t>(columns) - 16, ' ');
        out += "EUR 1234.56\n\033E";
        out.push_back('\0');
        const std::string qr = "t1-000042";
        out += std::string("\x1d(k\x04\x00\x31\x41\x32\x00", 9) + std::string("\x1d(k\x03\x00\x31\x43\x05", 8);
        out += std::string("\x1d(k", 3) + static_cast<char>(qr.size() + 3) + '\0' + "\x31\x50\x30" + qr;
        out += std::string("\x1d(k\x03\x00\x31\x51\x30", 8) + "\x1dh\x3c\x1dk\x49" + static_cast<char>(qr.size()) + qr;
        out += "\x1dV\x41\x03";
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
}

struct Simulator {
    kiosk::testing::TempDir dir;
    std::unique_ptr<peripherals::PrinterSimulator> sim;
    Simulator() { sim = must(peripherals::PrinterSimulator::start(profile(), {0, dir.file("out")}), "simulator"); }
};

void BM_PrintConfirmed(benchmark::State& state) {
    Simulator s;
    auto address =
        must(peripherals::parsePrinterAddress("tcp://127.0.0.1:" + std::to_string(s.sim->port())), "address");
    peripherals::PrinterService service(profile(), must(peripherals::makeTransport(address), "transport"));
    must(service.open(), "open");
    must(service.claim(), "claim");
    must(service.enable(), "enable");
    const Document d = receipt();
    for (auto _ : state) {
        auto job = service.printAsync(d);
        if (!job.ok()) die(job.status().toString());
        must(service.waitForJob(*job, 60s), "print");
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_RawPrintConfirmed(benchmark::State& state) {
    Simulator s;
    const std::string bytes =
        must(peripherals::EscPosEncoder(profile(), nullptr).encode(receipt()), "encode") + std::string("\x1dr\x01", 3);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(s.sim->port()));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) die("connect to the simulator");
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    for (auto _ : state) {
        if (::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(bytes.size())) die("send");
        char reply = 0;
        if (::recv(fd, &reply, 1, 0) != 1) die("no confirmation from the simulator");
    }
    ::close(fd);
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_EncodeReceipt)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawReceiptBytes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawPrintConfirmed)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PrintConfirmed)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace frontdesk::bench

BENCHMARK_MAIN();

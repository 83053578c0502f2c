// `escpos render FILE --out DIR`: a captured ESC/POS job rendered as the printer simulator would
// print it (the same interpreter and renderer), and `printer profiles`: the printer models this
// build knows, with any profile file it refuses and why.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "command.h"
#include "core/bounded_input.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals/png.h"
#include "peripherals/receipt_renderer.h"

namespace frontdesk::tool {

namespace {

constexpr std::size_t kMaxJobBytes = 64 * 1024 * 1024;

int refused(const core::Status& status) {
    std::cerr << "frontdesk-tool: " << status.toString() << "\n";
    return kExitRefused;
}

struct RenderOptions {
    std::string file, out, profile = "epson-tm-t88v", profilesDir;
};

int render(const RenderOptions& o) {
    auto profiles = firmware_config::loadPrinterProfiles(
        o.profilesDir.empty() ? firmware_config::shippedPrinterProfilesDir() : std::filesystem::path(o.profilesDir));
    if (!profiles.ok()) return refused(profiles.status());
    const auto* profile = profiles->find(o.profile);
    if (!profile)
        return refused(core::notFound("no printer profile '" + o.profile + "' (frontdesk-tool printer profiles)"));
    auto job = core::readFileBounded(o.file, kMaxJobBytes, "ESC/POS file");
    if (!job.ok()) return refused(job.status());
    auto renderer = peripherals::ReceiptRenderer::open(*profile);
    if (!renderer.ok()) return refused(renderer.status());
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);
    int written = 0, skipped = 0;
    core::Status failed;
    peripherals::EscPosInterpreter::Events events;
    events.receipt = [&](peripherals::Receipt receipt) {
        char name[32];
        std::snprintf(name, sizeof name, "%04d%s", ++written, receipt.cut ? "" : "-uncut");
        const std::string base = (std::filesystem::path(o.out) / name).string();
        if (core::Status saved = peripherals::writePng((*renderer)->render(receipt), base + ".png"); !saved.ok())
            failed = saved;
        std::ofstream text(base + ".txt", std::ios::binary);
        for (const auto& line : receipt.text()) text << line << "\n";
        std::cout << base << ".png\n";
    };
    events.skipped = [&](std::size_t offset, std::string what) {
        ++skipped;
        std::cerr << o.file << ": byte " << offset << ": " << what << " (skipped)\n";
    };
    peripherals::EscPosInterpreter interpreter(*profile, events);
    interpreter.feed(*job);
    interpreter.finish();
    if (!failed.ok()) return refused(failed);
    std::cout << written << " receipts from " << job->size() << " bytes, " << skipped << " commands skipped\n";
    return kExitOk;
}

int listProfiles(const std::string& dir) {
    auto profiles = firmware_config::loadPrinterProfiles(dir.empty() ? firmware_config::shippedPrinterProfilesDir()
                                                                     : std::filesystem::path(dir));
    if (!profiles.ok()) return refused(profiles.status());
    for (const auto& p : profiles->profiles) {
        std::cout << p.id << ": " << p.model << ", " << p.paperMm << " mm, " << p.columns() << " columns, "
                  << p.dotsPerLine << " dots at " << p.dpi << " dpi\n";
    }
    for (const auto& r : profiles->refused) std::cerr << "refused: " << r << "\n";
    return profiles->refused.empty() ? kExitOk : kExitRefused;
}

}  // namespace

void addEscPosCommands(CLI::App& app, Action& action) {
    auto render = std::make_shared<RenderOptions>();
    CLI::App* escpos = app.add_subcommand("escpos", "ESC/POS files")->require_subcommand(1);
    CLI::App* renderCmd =
        escpos->add_subcommand("render", "render a captured ESC/POS job as PNG and text, one per receipt");
    renderCmd->add_option("file", render->file, "the job's bytes")->required();
    renderCmd->add_option("--out", render->out, "folder for NNNN.png and NNNN.txt (created if missing)")->required();
    renderCmd->add_option("--profile", render->profile, "the printer model (frontdesk-tool printer profiles)")
        ->capture_default_str();
    renderCmd->add_option("--profiles", render->profilesDir,
                          "a folder of printer profiles (default: the shipped ones)");
    renderCmd->callback([render, &action] { action = [render] { return tool::render(*render); }; });

    auto dir = std::make_shared<std::string>();
    CLI::App* printer = app.add_subcommand("printer", "receipt printers")->require_subcommand(1);
    CLI::App* profilesCmd =
        printer->add_subcommand("profiles", "the printer models known, and any profile refused with why");
    profilesCmd->add_option("--profiles", *dir, "a folder of printer profiles (default: the shipped ones)");
    profilesCmd->callback([dir, &action] { action = [dir] { return listProfiles(*dir); }; });
}

}  // namespace frontdesk::tool

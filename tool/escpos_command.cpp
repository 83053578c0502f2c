// `escpos render FILE --out DIR`: a captured ESC/POS job rendered as the printer simulator would
// print it (the same interpreter and renderer).
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

struct RenderOptions {
    std::string file, out, profile = "epson-tm-t88v", profilesDir;
};

int render(const RenderOptions& o) {
    auto profiles = firmware_config::loadPrinterProfiles(
        o.profilesDir.empty() ? firmware_config::shippedPrinterProfilesDir() : std::filesystem::path(o.profilesDir));
    if (!profiles.ok()) return refusal(profiles.status());
    const auto* profile = profiles->find(o.profile);
    if (!profile)
        return refusal(core::notFound("no printer profile '" + o.profile + "' (frontdesk-tool printer profiles)"));
    auto job = core::readFileBounded(o.file, kMaxJobBytes, "ESC/POS file");
    if (!job.ok()) return refusal(job.status());
    auto renderer = peripherals::ReceiptRenderer::open(*profile);
    if (!renderer.ok()) return refusal(renderer.status());
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
    if (!failed.ok()) return refusal(failed);
    std::cout << written << " receipts from " << job->size() << " bytes, " << skipped << " commands skipped\n";
    return kExitOk;
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

}

}  // namespace frontdesk::tool

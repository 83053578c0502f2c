#include "core/log.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "core/clock.h"

namespace frontdesk::core::log {

namespace {

constexpr std::array<std::string_view, 10> kSecretWords = {"password", "pin",  "secret", "token", "credential",
                                                          "hash",     "pan",  "track",  "card_number", "cvv"};

std::string_view levelName(Level level) {
    switch (level) {
        case Level::Debug: return "debug";
        case Level::Info: return "info";
        case Level::Warn: return "warn";
        case Level::Error: return "error";
        case Level::Off: return "off";
    }
    return "info";
}

spdlog::level::level_enum spdlogLevel(Level level) {
    switch (level) {
        case Level::Debug: return spdlog::level::debug;
        case Level::Info: return spdlog::level::info;
        case Level::Warn: return spdlog::level::warn;
        case Level::Error: return spdlog::level::err;
        case Level::Off: return spdlog::level::off;
    }
    return spdlog::level::info;
}

// A text field value: bare when it is one word, quoted (JSON string rules) otherwise.
std::string textValue(const std::string& value) {
    const bool bare = !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
        return c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20;
    });
    return bare ? value : nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Logger {
    std::mutex mutex;  // guards the swap of logger and format
    std::shared_ptr<spdlog::logger> logger;
    Format format = Format::Text;
};

Logger& state() {
    static Logger* s = [] {
        auto* l = new Logger;  // never destroyed: threads may log during static destruction
        l->logger = std::make_shared<spdlog::logger>("frontdesk", std::make_shared<spdlog::sinks::stderr_sink_mt>());
        l->logger->set_pattern("%v");
        l->logger->set_level(spdlog::level::info);
        return l;
    }();
    return *s;
}

}  // namespace

bool isSecretField(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(kSecretWords.begin(), kSecretWords.end(),
                       [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

Result<Level> parseLevel(std::string_view name) {
    for (Level level : {Level::Debug, Level::Info, Level::Warn, Level::Error, Level::Off}) {
        if (name == levelName(level)) return level;
    }
    return invalidArgument("log level must be debug, info, warn, error or off, not '" + excerpt(name) + "'");
}

Status configure(const Options& options) {
    std::shared_ptr<spdlog::logger> logger;
    try {
        spdlog::sink_ptr sink;
        if (options.file.empty()) {
            sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
        } else {
            sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(options.file, 10u << 20, 5);
        }
        logger = std::make_shared<spdlog::logger>("frontdesk", sink);
    } catch (const spdlog::spdlog_ex& e) {
        return Status(ErrorKind::Unavailable, "cannot open the log " + options.file + ": " + e.what());
    }
    logger->set_pattern("%v");
    logger->set_level(spdlogLevel(options.level));
    logger->flush_on(spdlog::level::info);  // a crash must not swallow what led to it
    Logger& s = state();
    std::lock_guard lock(s.mutex);
    s.logger = std::move(logger);
    s.format = options.format;
    return {};
}

std::string formatLine(Format format, Level level, std::string_view component, std::string_view message, Fields fields,
                       std::string_view at) {
    const auto value = [](const Field& f) { return isSecretField(f.first) ? std::string("[redacted]") : f.second; };
    if (format == Format::JsonLines) {
        nlohmann::ordered_json line{{"at", at}, {"level", levelName(level)}, {"component", component}, {"msg", message}};
        for (const auto& f : fields) line[std::string(f.first)] = value(f);
        return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string line = std::string(at) + " " + std::string(levelName(level)) + " " + std::string(component) + " " +
                       std::string(message);
    for (const auto& f : fields) line += " " + std::string(f.first) + "=" + textValue(value(f));
    return line;
}

void write(Level level, std::string_view component, std::string_view message, Fields fields) {
    Logger& s = state();
    std::shared_ptr<spdlog::logger> logger;
    Format format;
    {
        std::lock_guard lock(s.mutex);
        logger = s.logger;
        format = s.format;
    }
    const auto spd = spdlogLevel(level);
    if (!logger->should_log(spd)) return;
    const auto at = formatIso8601(SystemClock().now());
    logger->log(spd, "{}", formatLine(format, level, component, message, fields, at));
}

}  // namespace frontdesk::core::log

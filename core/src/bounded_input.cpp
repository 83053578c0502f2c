#include "core/bounded_input.h"

#include <fstream>

namespace frontdesk::core {

std::string byteSize(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

Result<std::string> readFileBounded(const std::string& path, std::size_t maxBytes, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return notFound("cannot read " + std::string(what) + " " + path);
    std::string content;
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        content.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (content.size() > maxBytes) {
            return invalidArgument(std::string(what) + " " + path + " is larger than the " + byteSize(maxBytes) +
                                   " limit");
        }
    }
    if (in.bad()) return Status(ErrorKind::Internal, "reading " + std::string(what) + " " + path + " failed");
    return content;
}

Result<bool> readLineBounded(std::istream& in, std::string& line, std::size_t maxBytes) {
    line.clear();
    bool tooLong = false;
    std::size_t length = 0;
    std::streambuf* buffer = in.rdbuf();
    for (;;) {
        const auto c = buffer->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            if (length == 0) return false;
            break;
        }
        if (c == '\n') break;
        ++length;
        if (length > maxBytes) {
            tooLong = true;  // keep consuming to the end of the line, keeping nothing
            line.clear();
        } else {
            line.push_back(static_cast<char>(c));
        }
    }
    if (tooLong) return invalidArgument("line is longer than the " + byteSize(maxBytes) + " limit");
    return true;
}

Status checkJsonBounds(std::string_view text, std::size_t maxBytes, int maxDepth, std::string_view what) {
    if (text.size() > maxBytes) {
        return invalidArgument(std::string(what) + " is larger than the " + byteSize(maxBytes) + " limit");
    }
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) {
                return invalidArgument(std::string(what) + " nests deeper than " + std::to_string(maxDepth) + " levels");
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return {};
}

std::string excerpt(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    std::size_t cut = maxBytes;
    // Back up over UTF-8 continuation bytes (10xxxxxx) so no character is cut in half.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

}  // namespace frontdesk::core

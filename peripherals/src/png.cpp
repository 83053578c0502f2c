#include "peripherals/png.h"

#include <cstdio>
#include <memory>
#include <vector>

#include <png.h>

namespace frontdesk::peripherals {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace

core::Status writePng(const Bitmap& bitmap, const std::string& path) {
    if (bitmap.width <= 0 || bitmap.height <= 0) return core::invalidArgument("an empty image is not written: " + path);
    File file(std::fopen(path.c_str(), "wb"));
    if (!file) return core::Status(core::ErrorKind::Unavailable, "cannot write " + path);
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(bitmap.width);
    image.height = static_cast<png_uint_32>(bitmap.height);
    image.format = PNG_FORMAT_GRAY;
    std::vector<png_byte> gray(static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height), 255);
    for (int y = 0; y < bitmap.height; ++y) {
        for (int x = 0; x < bitmap.width; ++x) {
            if (bitmap.get(x, y))
                gray[static_cast<std::size_t>(y) * static_cast<std::size_t>(bitmap.width) +
                     static_cast<std::size_t>(x)] = 0;
        }
    }
    if (!png_image_write_to_stdio(&image, file.get(), 0, gray.data(), 0, nullptr)) {
        return core::Status(core::ErrorKind::Internal, "writing " + path + ": " + image.message);
    }
    return {};
}

core::Result<Bitmap> readPng(const std::string& path) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str())) {
        return core::notFound("cannot read PNG " + path + ": " + image.message);
    }
    image.format = PNG_FORMAT_GRAY;
    std::vector<png_byte> gray(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, gray.data(), 0, nullptr)) {
        return core::invalidArgument("PNG " + path + ": " + image.message);
    }
    Bitmap out(static_cast<int>(image.width), static_cast<int>(image.height));
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            if (gray[static_cast<std::size_t>(y) * image.width + static_cast<std::size_t>(x)] < 128) out.set(x, y);
        }
    }
    return out;
}

}  // namespace frontdesk::peripherals

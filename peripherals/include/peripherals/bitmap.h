#pragma once
// A 1-bit image as printers take it: rows of (width + 7) / 8 bytes, most significant bit first,
// 1 = black (a dot burnt).

#include <cstdint>
#include <vector>

namespace frontdesk::peripherals {

struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bits;

    Bitmap() = default;
    Bitmap(int w, int h)
        : width(w), height(h), bits(static_cast<std::size_t>(rowBytes(w)) * static_cast<std::size_t>(h)) {}

    static int rowBytes(int width) { return (width + 7) / 8; }
    int rowBytes() const { return rowBytes(width); }
    bool get(int x, int y) const {
        return x >= 0 && y >= 0 && x < width && y < height && (bits[index(x, y)] & (0x80 >> (x % 8))) != 0;
    }
    void set(int x, int y, bool black = true) {
        if (x < 0 || y < 0 || x >= width || y >= height) return;
        if (black) {
            bits[index(x, y)] |= static_cast<std::uint8_t>(0x80 >> (x % 8));
        } else {
            bits[index(x, y)] &= static_cast<std::uint8_t>(~(0x80 >> (x % 8)));
        }
    }
    // Copies `other` with its top left corner at (x, y); black dots only (an overlay).
    void draw(const Bitmap& other, int x, int y) {
        for (int row = 0; row < other.height; ++row) {
            for (int col = 0; col < other.width; ++col) {
                if (other.get(col, row)) set(x + col, y + row);
            }
        }
    }
    bool operator==(const Bitmap&) const = default;

private:
    std::size_t index(int x, int y) const {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(rowBytes()) + static_cast<std::size_t>(x / 8);
    }
};

}  // namespace frontdesk::peripherals

#include "peripherals/text_raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <algorithm>
#include <cstdlib>
#include <vector>

#include <fribidi.h>
#include <hb-ft.h>
#include <hb.h>

#include "peripherals/unicode.h"

namespace frontdesk::peripherals {

namespace {

// A stretch of text at one embedding level (FriBidi), shaped as one HarfBuzz buffer.
struct Run {
    std::size_t start = 0, length = 0;
    int level = 0;
};

struct PlacedGlyph {
    unsigned glyph = 0;
    int x = 0, y = 0;  // pen position in 26.6
};

// The runs of a line in visual order (Unicode bidi rule L2 applied to runs).
std::vector<Run> visualRuns(std::u32string_view text) {
    const auto n = static_cast<FriBidiStrIndex>(text.size());
    std::vector<FriBidiChar> chars(text.begin(), text.end());
    std::vector<FriBidiCharType> types(text.size());
    std::vector<FriBidiBracketType> brackets(text.size());
    std::vector<FriBidiLevel> levels(text.size());
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
    FriBidiParType base = FRIBIDI_PAR_ON;
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()) == 0) {
        return {Run{0, text.size(), 0}};
    }
    std::vector<Run> runs;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (runs.empty() || runs.back().level != levels[i]) {
            runs.push_back(Run{i, 0, levels[i]});
        }
        ++runs.back().length;
    }
    int highest = 0, lowestOdd = 255;
    for (const auto& r : runs) {
        highest = std::max(highest, r.level);
        if (r.level % 2) lowestOdd = std::min(lowestOdd, r.level);
    }
    for (int level = highest; level >= lowestOdd && level > 0; --level) {
        for (std::size_t i = 0; i < runs.size();) {
            if (runs[i].level < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < runs.size() && runs[j].level >= level) ++j;
            std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return runs;
}

Bitmap scaled(const Bitmap& in, int sx, int sy) {
    Bitmap out(in.width * sx, in.height * sy);
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            if (in.get(x / sx, y / sy)) out.set(x, y);
        }
    }
    return out;
}

}  // namespace

struct TextRaster::Impl {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    hb_font_t* font = nullptr;
    int pixelSize = 0;

    ~Impl() {
        if (font) hb_font_destroy(font);
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }

    void setSize(int pixels) {
        if (pixels == pixelSize) return;
        FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixels));
        hb_ft_font_changed(font);
        pixelSize = pixels;
    }

    // Shapes the line at the current size: glyphs at pen positions, and the total advance (26.6).
    std::vector<PlacedGlyph> shape(std::u32string_view text, int& advance) {
        std::vector<PlacedGlyph> placed;
        int pen = 0;
        for (const Run& run : visualRuns(text)) {
            hb_buffer_t* buffer = hb_buffer_create();
            hb_buffer_add_utf32(buffer, reinterpret_cast<const std::uint32_t*>(text.data()),
                                static_cast<int>(text.size()), static_cast<unsigned>(run.start),
                                static_cast<int>(run.length));
            hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
            hb_buffer_guess_segment_properties(buffer);
            hb_shape(font, buffer, nullptr, 0);
            unsigned count = 0;
            const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
            const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
            for (unsigned i = 0; i < count; ++i) {
                placed.push_back(PlacedGlyph{info[i].codepoint, pen + pos[i].x_offset, pos[i].y_offset});
                pen += pos[i].x_advance;
            }
            hb_buffer_destroy(buffer);
        }
        advance = pen;
        return placed;
    }
};

TextRaster::TextRaster(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TextRaster::~TextRaster() = default;

std::string TextRaster::defaultFont() {
    if (const char* font = std::getenv("FRONTDESK_RECEIPT_FONT"); font && *font) return font;
    return "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

std::string TextRaster::monospaceFont() {
    return "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
}

core::Result<std::unique_ptr<TextRaster>> TextRaster::open(const std::string& fontFile) {
    auto impl = std::make_unique<Impl>();
    if (FT_Init_FreeType(&impl->library) != 0) return core::Status(core::ErrorKind::Internal, "FreeType did not start");
    if (FT_New_Face(impl->library, fontFile.c_str(), 0, &impl->face) != 0) {
        return core::Status(core::ErrorKind::Unavailable,
                            "receipt font " + fontFile +
                                " cannot be opened (install fonts-dejavu-core, or set FRONTDESK_RECEIPT_FONT)");
    }
    impl->font = hb_ft_font_create_referenced(impl->face);
    return std::unique_ptr<TextRaster>(new TextRaster(std::move(impl)));
}

namespace {

// Underline, inversion and double size, applied to a drawn line whose ink spans [left, right).
Bitmap styled(Bitmap line, const TextStyle& style, int left, int right) {
    if (style.underline) {
        for (int x = std::max(0, left); x < std::min(line.width, right); ++x) line.set(x, line.height - 2);
    }
    if (style.inverted) {
        for (int y = 0; y < line.height; ++y) {
            for (int x = 0; x < line.width; ++x) line.set(x, y, !line.get(x, y));
        }
    }
    const int sx = style.doubleWidth ? 2 : 1, sy = style.doubleHeight ? 2 : 1;
    return sx == 1 && sy == 1 ? line : scaled(line, sx, sy);
}

}  // namespace

Bitmap TextRaster::cells(std::u32string_view text, const TextStyle& style, int cellWidth, int cellHeight) {
    Impl& r = *m_impl;
    const FT_Face face = r.face;
    const int extent = static_cast<int>(face->ascender - face->descender);
    r.setSize(std::max(4, cellHeight * static_cast<int>(face->units_per_EM) / std::max(1, extent)));
    const int baseline = static_cast<int>(face->size->metrics.ascender / 64);
    Bitmap line(static_cast<int>(text.size()) * cellWidth, cellHeight);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == U' ') continue;
        if (FT_Load_Char(face, text[i], FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_MONO) != 0) continue;
        if (style.bold && face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
            FT_Outline_Embolden(&face->glyph->outline, std::max<FT_Pos>(64, face->size->metrics.x_ppem * 64 / 24));
        }
        if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_MONO) != 0) continue;
        const FT_Bitmap& bm = face->glyph->bitmap;
        const int advance = static_cast<int>(face->glyph->advance.x / 64);
        const int ox = static_cast<int>(i) * cellWidth + (cellWidth - advance) / 2 + face->glyph->bitmap_left;
        const int oy = baseline - face->glyph->bitmap_top;
        for (unsigned row = 0; row < bm.rows; ++row) {
            const unsigned char* src = bm.buffer + static_cast<std::ptrdiff_t>(row) * bm.pitch;
            for (unsigned col = 0; col < bm.width; ++col) {
                if (src[col / 8] & (0x80 >> (col % 8)))
                    line.set(ox + static_cast<int>(col), oy + static_cast<int>(row));
            }
        }
    }
    const int width = line.width;
    return styled(std::move(line), style, 0, width);
}

Bitmap TextRaster::line(std::u32string_view text, const TextStyle& style, Align align, int widthDots, int heightDots) {
    Impl& r = *m_impl;
    const int width = style.doubleWidth ? widthDots / 2 : widthDots, height = heightDots;
    // The em size at which ascender to descender fills the line's height.
    const FT_Face face = r.face;
    const int extent = static_cast<int>(face->ascender - face->descender);
    int pixels = std::max(4, height * static_cast<int>(face->units_per_EM) / std::max(1, extent));
    r.setSize(pixels);
    int advance = 0;
    auto glyphs = r.shape(text, advance);
    if (advance / 64 > width && advance > 0) {
        pixels = std::max(4, pixels * width * 64 / advance);
        r.setSize(pixels);
        glyphs = r.shape(text, advance);
    }
    Bitmap line(width, height);
    const int baseline = static_cast<int>(face->size->metrics.ascender / 64);
    const int textWidth = advance / 64;
    const bool rtl = hasRightToLeft(text);
    const Align resolved =
        align == Align::Center ? Align::Center : ((align == Align::Start) != rtl ? Align::Start : Align::End);
    const int left = resolved == Align::Center ? (width - textWidth) / 2
                     : resolved == Align::End  ? width - textWidth
                                               : 0;
    for (const PlacedGlyph& g : glyphs) {
        if (FT_Load_Glyph(face, g.glyph, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_MONO) != 0) continue;
        if (style.bold && face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
            FT_Outline_Embolden(&face->glyph->outline, std::max<FT_Pos>(64, face->size->metrics.x_ppem * 64 / 24));
        }
        if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_MONO) != 0) continue;
        const FT_Bitmap& bm = face->glyph->bitmap;
        const int ox = left + g.x / 64 + face->glyph->bitmap_left;
        const int oy = baseline - g.y / 64 - face->glyph->bitmap_top;
        for (unsigned row = 0; row < bm.rows; ++row) {
            const unsigned char* src = bm.buffer + static_cast<std::ptrdiff_t>(row) * bm.pitch;
            for (unsigned col = 0; col < bm.width; ++col) {
                if (src[col / 8] & (0x80 >> (col % 8)))
                    line.set(ox + static_cast<int>(col), oy + static_cast<int>(row));
            }
        }
    }
    return styled(std::move(line), style, left, left + textWidth);
}

}  // namespace frontdesk::peripherals

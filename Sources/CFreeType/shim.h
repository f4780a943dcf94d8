#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_GLYPH_H
#include FT_BITMAP_H
#include FT_SIZES_H
#include FT_BBOX_H
#include FT_TRUETYPE_TABLES_H

/* Load-flag combinations built from function-like macros, which do not import into Swift. */

/* Light hinting (vertical only) by the auto-hinter: what Plotline draws horizontal text with. */
static const FT_Int32 PLFT_LOAD_HINTED_LIGHT =
    FT_LOAD_NO_BITMAP | FT_LOAD_FORCE_AUTOHINT | FT_LOAD_TARGET_LIGHT;
/* Normal (both axes) auto-hinting, kept for comparisons. */
static const FT_Int32 PLFT_LOAD_HINTED_NORMAL =
    FT_LOAD_NO_BITMAP | FT_LOAD_FORCE_AUTOHINT | FT_LOAD_TARGET_NORMAL;
/* Unhinted, scaled outlines (for arbitrary rotations and text as paths). */
static const FT_Int32 PLFT_LOAD_UNHINTED =
    FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING;
/* Unscaled outlines in font units. */
static const FT_Int32 PLFT_LOAD_FONT_UNITS =
    FT_LOAD_NO_BITMAP | FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING;

#include "pngshim.h"
#include <png.h>
int plotline_png_shim_version(void) { return PNG_LIBPNG_VER; }

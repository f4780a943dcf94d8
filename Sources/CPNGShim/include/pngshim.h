#ifndef PLOTLINE_PNGSHIM_H
#define PLOTLINE_PNGSHIM_H
int plotline_png_shim_version(void);
#endif

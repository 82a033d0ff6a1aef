#ifndef INCIDENTMAP_CZLIB_SHIM_H
#define INCIDENTMAP_CZLIB_SHIM_H
#include <zlib.h>
#endif

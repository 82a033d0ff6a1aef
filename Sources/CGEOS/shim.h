#ifndef INCIDENTMAP_CGEOS_SHIM_H
#define INCIDENTMAP_CGEOS_SHIM_H
/* Only the reentrant (_r) API: every call takes its own context handle. */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif

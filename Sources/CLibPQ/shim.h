#ifndef INCIDENTMAP_CLIBPQ_SHIM_H
#define INCIDENTMAP_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif

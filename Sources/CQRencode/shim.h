#ifndef PURSEDESK_CQRENCODE_SHIM_H
#define PURSEDESK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif

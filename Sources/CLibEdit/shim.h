// The native libedit API (histedit.h); a relative umbrella header so no absolute include path is needed.
#include <histedit.h>

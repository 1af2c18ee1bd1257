// libxml2's parser and tree API, for the server's CIM-XML bodies (the include path comes from pkg-config's
// libxml-2.0: /usr/include/libxml2).
//
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, which clash with the copy
// Foundation carries. Only xmlCharEncodingHandler's layout depends on that switch, and cmsh never looks
// inside one, so the ICU part is left out of what Swift sees.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// Entry points for the fuzz targets.
//
// SwiftPM links an executable with `--defsym main=<Target>_main` (so tests can link executables), which
// leaves libFuzzer's own main unused and wants a `<Target>_main` symbol instead. Each one here hands control
// to libFuzzer's driver with the target's LLVMFuzzerTestOneInput (defined in Swift with @_cdecl). Every
// target links all of them; only its own is ever called.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#define FUZZ_ENTRY(target) \
    int target##_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

FUZZ_ENTRY(FuzzParser)
FUZZ_ENTRY(FuzzInterpreter)
FUZZ_ENTRY(FuzzMOF)
FUZZ_ENTRY(FuzzObjectPath)
FUZZ_ENTRY(FuzzNALPath)
FUZZ_ENTRY(FuzzCIMXML)
FUZZ_ENTRY(FuzzCIMXMLReply)
FUZZ_ENTRY(FuzzODataReply)

# Write pcreg_ffi.h: the public API as plain C declarations for FFI
# (LuaJIT's ffi.cdef, Python cffi's cdef): no macros, no includes, no
# export attributes.
#
# The compiler's preprocessor does the real work (PREPROCESSED is
# include/pcreg/pcreg.h run through `cc -E -P -DPCREG_FFI_GENERATE`, which
# leaves out <stdint.h> and empties PCREG_API). This script tidies its
# whitespace, so the text does not depend on the compiler's layout, and
# turns the headers' numeric #defines (struct versions, the library
# version) into an enum, since an FFI cannot see macros.
#
# Inputs: PREPROCESSED, HEADER_DIR, OUTPUT.

file(READ "${PREPROCESSED}" body)
string(REPLACE "\t" " " body "${body}")
string(REGEX REPLACE " +" " " body "${body}")
string(REGEX REPLACE " \n" "\n" body "${body}")
string(REGEX REPLACE "\n +" "\n " body "${body}")
string(REGEX REPLACE "\n\n+" "\n" body "${body}")
string(REGEX REPLACE "^\n+" "" body "${body}")

file(GLOB headers "${HEADER_DIR}/*.h")
list(SORT headers)
set(constants "")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" defines REGEX "^#define PCREG_[A-Z0-9_]+ [0-9]+$")
  foreach(define IN LISTS defines)
    string(REGEX REPLACE "^#define (PCREG_[A-Z0-9_]+) ([0-9]+)$" " \\1 = \\2,\n" entry "${define}")
    string(APPEND constants "${entry}")
  endforeach()
endforeach()

file(WRITE "${OUTPUT}.new"
  "/* pcreg_ffi.h: libpcreg's public API for FFI (LuaJIT ffi.cdef, cffi cdef).\n"
  " * Generated from the headers in include/pcreg/ by cmake/ffi_header.cmake; do not edit.\n"
  " * The build checks that it is in step with the headers (test ffi_header).\n"
  " * It needs int32_t and int64_t declared first, as LuaJIT and cffi do. */\n"
  "enum pcreg_constants {\n${constants}};\n"
  "${body}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")

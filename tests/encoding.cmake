# check_encoding (tests/check_encoding.c, added with every check_*.c) reads
# lib/csvread.c's reader directly, which the shared library hides: link
# the static library, before testutil's shared one, as the suites that
# include lib/record.h do.
target_link_libraries(check_encoding PRIVATE pcreg::pcreg_static)

# Its allocation-failure loop over an import fails every third allocation
# in the ordinary build and every sixteenth under the sanitizers (as
# check_oom strides); the loop over the reader alone fails every one.
if(PCREG_SANITIZE)
  set_tests_properties(check_encoding PROPERTIES ENVIRONMENT "CK_FORK=no;PCREG_OOM_STRIDE=16")
else()
  set_tests_properties(check_encoding PROPERTIES ENVIRONMENT "CK_FORK=no;PCREG_OOM_STRIDE=3")
endif()

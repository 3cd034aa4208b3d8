# The ODS XML reader (lib/odsxml.c): its Check suite, a driver that reads
# a file to its end, and the memory test. Included from tests/CMakeLists.txt.
#
# check_odsxml is a tests/check_*.c, so the glob there adds it; it includes
# lib/fileio.h, so it links the static library too (the reader is internal).
# Its fixtures are found from PCREG_SOURCE_DIR (testutil's definition).
target_include_directories(check_odsxml PRIVATE "${PROJECT_SOURCE_DIR}/lib")

# Reads a file with the reader; prints the count and the peak RSS.
add_executable(odsxml_read odsxml_read.c)
target_link_libraries(odsxml_read PRIVATE pcreg::pcreg_static PkgConfig::SQLITE3)
target_include_directories(odsxml_read PRIVATE "${PROJECT_SOURCE_DIR}/lib"
                                               "${PROJECT_SOURCE_DIR}/include")

# Peak memory must not grow with the file: 3,000 and 300,000 organisations
# (about 650 MB) are read, and imported with the CLI, and their peaks compared. Slow (tens of seconds);
# meaningless under the sanitizers, whose shadow memory and quarantine
# grow with the bytes allocated, so it skips itself there.
add_test(NAME odsxml_memory
         COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/odsxml_memory.sh" $<TARGET_FILE:odsxml_read>
                 "${PROJECT_SOURCE_DIR}/bench/gen_odsxml.py" "${PCREG_SANITIZE}"
                 $<TARGET_FILE:pcreg_cli>)
set_tests_properties(odsxml_memory PROPERTIES LABELS "slow" SKIP_RETURN_CODE 77 TIMEOUT 900)

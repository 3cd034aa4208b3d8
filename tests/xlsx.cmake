# The workbook reader's suite (tests/check_xlsxread.c). The check_*.c glob
# in tests/CMakeLists.txt already builds and adds it, linked to the static
# library because it includes lib/fileio.h; what is set here is its own.
# It reads ../shared/data/pcn/xlsx/ePCN-2022-05.xlsx when ../shared/data
# exists (PCREG_SHARED_DATA names another folder).
if(TARGET check_xlsxread)
  set_tests_properties(check_xlsxread PROPERTIES ENVIRONMENT "CK_FORK=no" LABELS "xlsx" TIMEOUT 600)
endif()

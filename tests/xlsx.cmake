# The workbook reader's suite (tests/check_xlsxread.c). The check_*.c glob
# in tests/CMakeLists.txt already builds and adds it, linked to the static
# library because it includes lib/fileio.h; what is set here is its own.
# Its case on ../shared/data/pcn/xlsx/ePCN-2022-05.xlsx is the test
# check_xlsxread_shared_data (the environment variable PCREG_SHARED_DATA
# names another folder: testutil.h). ENVIRONMENT is pcreg_check_test()'s.
if(TARGET check_xlsxread)
  set_tests_properties(check_xlsxread PROPERTIES LABELS "xlsx" TIMEOUT 600)
  set_tests_properties(check_xlsxread_shared_data PROPERTIES LABELS "xlsx;shared_data" TIMEOUT 600)
endif()

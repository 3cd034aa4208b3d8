# Compile the migrations in sql/ into a C source file.
#
# Run at build time (cmake -P) so that editing a migration rebuilds the
# library. Each file must be named NNNN_slug.sql with versions 1, 2, 3...
# in order; its SHA-256 is recorded so that a registry can tell whether the
# steps it took are the ones this library would take.
#
# Inputs: SQL_DIR, OUTPUT.

file(GLOB sql_files LIST_DIRECTORIES false "${SQL_DIR}/*.sql")
list(SORT sql_files)

set(arrays "")
set(entries "")
set(expected 1)
foreach(path IN LISTS sql_files)
  get_filename_component(file_name "${path}" NAME)
  if(NOT file_name MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "${path}: migration files are named NNNN_slug.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  set(slug "${CMAKE_MATCH_2}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "${path}: expected migration ${expected} next, found ${version}")
  endif()
  file(SHA256 "${path}" sha)
  file(READ "${path}" hex HEX)
  # Bytes rather than a string literal: no escaping to get wrong, and no
  # limit on literal length.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){16})" "\\1\n\t" bytes "${bytes}")
  string(APPEND arrays "static const char migration_${version}[] = {\n\t${bytes}0x00\n};\n\n")
  string(APPEND entries "\t{ ${version}, \"${slug}\", \"${sha}\", migration_${version} },\n")
  math(EXPR expected "${expected} + 1")
endforeach()
math(EXPR count "${expected} - 1")
if(count EQUAL 0)
  message(FATAL_ERROR "${SQL_DIR}: no migrations found")
endif()

set(content "/* Generated from sql/ by cmake/embed_sql.cmake; do not edit. */
#include \"internal.h\"

${arrays}const struct pcreg__migration pcreg__migrations[] = {
${entries}};

const int pcreg__migration_count = ${count};
")

# Rewrite only on change, so that an unchanged sql/ rebuilds nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")

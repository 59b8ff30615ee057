# Fails when a translation file is not complete: an entry unfinished or vanished/obsolete, an empty
# translation, or a string in the sources that the file lacks (lupdate is run on a temporary copy,
# so the .ts files in the tree are never touched).
# cmake -DLUPDATE=<lupdate> -DSOURCE_ROOT=<repo> -DWORK_DIR=<tmp> -DTS_DIR=<translations> -P check_translations.cmake
foreach(var LUPDATE SOURCE_ROOT WORK_DIR TS_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_translations.cmake: -D${var}=... is missing")
  endif()
endforeach()

# Everything that may hold tr(): the widgets, the Qt-using core and the desktop app's main().
set(scanned "${SOURCE_ROOT}/ui" "${SOURCE_ROOT}/core" "${SOURCE_ROOT}/app/gui_main.cpp")

# Splits a .ts text into its <message> blocks as a CMake list: XML entities are decoded first
# (so that no ';' is left but the separators), markup '<'/'>' stay.
function(split_messages text out)
  string(REPLACE "&amp;" "&" text "${text}")
  string(REPLACE "&apos;" "'" text "${text}")
  string(REPLACE "&quot;" "\"" text "${text}")
  string(REPLACE "&lt;" "{lt}" text "${text}")
  string(REPLACE "&gt;" "{gt}" text "${text}")
  string(REPLACE ";" "{semicolon}" text "${text}")
  string(REPLACE "</message>" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

file(GLOB TS_FILES "${TS_DIR}/*.ts")
set(failures "")
if(NOT TS_FILES)
  set(failures "\nno .ts files in ${TS_DIR}")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(ts IN LISTS TS_FILES)
  get_filename_component(name "${ts}" NAME)
  if(NOT EXISTS "${ts}")
    string(APPEND failures "\n${name}: does not exist")
    continue()
  endif()

  # Empty translations that are not marked unfinished would silently show English.
  file(READ "${ts}" text)
  string(REGEX MATCHALL "<translation>[ \t\r\n]*</translation>|<numerusform>[ \t\r\n]*</numerusform>|<translation/>"
         empty "${text}")
  list(LENGTH empty empty_count)
  if(empty_count GREATER 0)
    string(APPEND failures "\n${name}: ${empty_count} empty translations")
  endif()

  # Each translation keeps the source's placeholders (%1, %n) and its one keyboard accelerator (&).
  split_messages("${text}" messages)
  set(mismatched "")
  foreach(message IN LISTS messages)
    if(NOT message MATCHES "<source>([^<]*)</source>")
      continue()
    endif()
    set(source "${CMAKE_MATCH_1}")
    string(REGEX MATCHALL "%[0-9n]" want "${source}")
    list(SORT want)
    list(REMOVE_DUPLICATES want)
    string(REPLACE "&&" "" plain "${source}")
    string(REGEX MATCHALL "&" want_accel "${plain}")
    list(LENGTH want_accel want_accel)
    string(REGEX MATCHALL "<(translation|numerusform)[^>]*>[^<]+</" forms "${message}")
    foreach(form IN LISTS forms)
      string(REGEX MATCHALL "%[0-9n]" have "${form}")
      list(SORT have)
      list(REMOVE_DUPLICATES have)
      string(REPLACE "&&" "" plain "${form}")
      string(REGEX MATCHALL "&" have_accel "${plain}")
      list(LENGTH have_accel have_accel)
      if(NOT "${have}" STREQUAL "${want}" OR NOT have_accel EQUAL want_accel)
        string(REGEX REPLACE "^<[^>]*>(.*)</$" "\\1" form "${form}")
        string(APPEND mismatched "\n    ${source}  ->  ${form}")
      endif()
    endforeach()
  endforeach()
  if(mismatched)
    string(REPLACE "{semicolon}" ";" mismatched "${mismatched}")
    string(APPEND failures "\n${name}: placeholders (%1, %n) or accelerators (&) differ from the source:${mismatched}")
  endif()

  # The file brought up to date with today's sources: entries left unfinished and strings new in
  # the sources show as type="unfinished", strings gone from the sources as "vanished"/"obsolete".
  set(copy "${WORK_DIR}/${name}")
  file(COPY_FILE "${ts}" "${copy}")
  set(only "")
  if(name STREQUAL "droste_en.ts")
    set(only -pluralonly)  # English: only the plural forms of the sources' own text
  endif()
  execute_process(COMMAND "${LUPDATE}" -I "${SOURCE_ROOT}" -extensions cpp,h -locations none ${only}
                          ${scanned} -ts "${copy}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(APPEND failures "\n${name}: lupdate failed (${rc}): ${err}")
    continue()
  endif()
  file(READ "${copy}" updated)
  split_messages("${updated}" messages)
  set(incomplete "")
  foreach(message IN LISTS messages)
    if(message MATCHES "type=\"(unfinished|vanished|obsolete)\"")
      set(kind "${CMAKE_MATCH_1}")
      string(REGEX MATCH "<source>[^<]*</source>" source "${message}")
      string(REGEX REPLACE "</?source>" "" source "${source}")
      string(REPLACE "{semicolon}" ";" source "${source}")
      string(APPEND incomplete "\n    ${kind}: ${source}")
    endif()
  endforeach()
  if(incomplete)
    string(APPEND failures "\n${name} (run the update_translations target, then translate "
                           "in Qt Linguist):${incomplete}")
  endif()
endforeach()

if(failures)
  message(FATAL_ERROR "Translations are not complete:${failures}")
endif()
message(STATUS "Translations complete: ${TS_FILES}")

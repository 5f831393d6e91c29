# Fails when code or build files point outside the repository for the rules (the digest is
# docs/rules.md, owned by the project) or cite tracker issue numbers, which mean nothing to a
# reader of the code.
# cmake -DSOURCE_DIR=... -P commentcheck.cmake
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/core/*CMakeLists.txt
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/ui/*CMakeLists.txt
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*CMakeLists.txt
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/tests/*CMakeLists.txt
    ${SOURCE_DIR}/scripts/*.sh ${SOURCE_DIR}/cmake/*.cmake ${SOURCE_DIR}/CMakeLists.txt
    ${SOURCE_DIR}/resources/*.json ${SOURCE_DIR}/resources/*.md)
set(problems)
foreach(source IN LISTS sources)
    file(STRINGS ${SOURCE_DIR}/${source} lines REGEX "shared/spec|[Ii]ssue #?[0-9]+")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        list(APPEND problems "${source}: ${line}")
    endforeach()
endforeach()
if(problems)
    list(JOIN problems "\n  " listing)
    message(FATAL_ERROR "Point to docs/rules.md instead of shared/spec, and leave tracker issue numbers "
                        "out of the code:\n  ${listing}")
endif()
if(NOT EXISTS ${SOURCE_DIR}/docs/rules.md)
    message(FATAL_ERROR "docs/rules.md, the rules digest the code points to, is missing")
endif()
list(LENGTH sources count)
message(STATUS "${count} files point to docs/rules.md and cite no issue numbers")

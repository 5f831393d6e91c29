# Fails when a program carries an RPATH or RUNPATH. The project's libraries are static and Qt's are in
# the system's folders, so none is needed; an empty entry in one means the current folder, where the
# program would look for its libraries first, and load one put there.
# cmake "-DPROGRAMS=a;b" -P runpathcheck.cmake
set(problems)
foreach(program IN LISTS PROGRAMS)
    file(READ_ELF ${program} RPATH rpath RUNPATH runpath CAPTURE_ERROR error)
    if(error)
        list(APPEND problems "${program}: cannot be read as ELF: ${error}")
    endif()
    if(NOT "${rpath}" STREQUAL "" OR NOT "${runpath}" STREQUAL "")
        list(APPEND problems "${program}: RPATH '${rpath}' RUNPATH '${runpath}'")
    endif()
endforeach()
if(problems)
    list(JOIN problems "\n" report)
    message(FATAL_ERROR "Programs with a library search path of their own:\n${report}")
endif()
list(LENGTH PROGRAMS count)
message(STATUS "${count} programs, none with an RPATH or RUNPATH")

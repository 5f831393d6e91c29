# One INTERFACE target carries the flags every project target shares.
add_library(superbill_common_flags INTERFACE)
target_compile_definitions(superbill_common_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    SUPERBILL_VERSION="${PROJECT_VERSION}")
target_compile_options(superbill_common_flags INTERFACE -Wall -Wextra -Wpedantic)
if(SUPERBILL_WERROR)
    target_compile_options(superbill_common_flags INTERFACE -Werror)
endif()
if(SUPERBILL_SANITIZE)
    target_compile_options(superbill_common_flags INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(superbill_common_flags INTERFACE -fsanitize=address,undefined)
endif()
if(SUPERBILL_FUZZERS)
    # Coverage instrumentation for everything the fuzz targets link, not only their own file.
    target_compile_options(superbill_common_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(superbill_common_flags INTERFACE -fsanitize=address,undefined)
endif()

# Shared compiler settings for Droste's own targets.

# ccache as compiler launcher when present (dev.sh sets CCACHE_BASEDIR/NOHASHDIR so a
# fresh clone in another folder still hits the cache).
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

# Sanitizer builds (./dev.sh with DROSTE_SANITIZE=address,undefined or =thread; their own build
# folder): every target of ours instrumented, stopping at the first report so that a test fails on it.
# The libraries (libtorch, Qt, FFmpeg) are not instrumented: ASan still sees our overflows and misuse of
# their memory, TSan only our own synchronisation.
set(DROSTE_SANITIZE "" CACHE STRING "Sanitizers to build with, as -fsanitize= takes them (address,undefined / thread)")
if(DROSTE_SANITIZE)
  add_compile_options(-fsanitize=${DROSTE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${DROSTE_SANITIZE})
endif()

# Call on every target we own: warnings, and no Qt keyword macros (they break torch headers).
function(droste_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
endfunction()

# <torch/torch.h> precompiled once, in droste_io (the lowest torch library, core/io/CMakeLists.txt);
# every other target of torch translation units reuses it (droste_reuse_torch_pch), so the 2-core build
# compiles one PCH instead of one per target. Reusers must be compiled with the same definitions.
function(droste_torch_pch target)
  if(DROSTE_TORCH_PCH)
    target_precompile_headers(${target} PRIVATE <torch/torch.h>)
  endif()
endfunction()

function(droste_reuse_torch_pch target)
  if(DROSTE_TORCH_PCH)
    target_precompile_headers(${target} REUSE_FROM droste_io)
  endif()
endfunction()

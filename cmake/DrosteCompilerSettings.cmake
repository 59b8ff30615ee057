# Shared compiler settings for Droste's own targets.

# ccache as compiler launcher when present (dev.sh sets CCACHE_BASEDIR/NOHASHDIR so a
# fresh clone in another folder still hits the cache).
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

# Call on every target we own: warnings, and no Qt keyword macros (they break torch headers).
function(droste_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
endfunction()

# A target made only of torch translation units gets <torch/torch.h> precompiled.
function(droste_torch_pch target)
  if(DROSTE_TORCH_PCH)
    target_precompile_headers(${target} PRIVATE <torch/torch.h>)
  endif()
endfunction()

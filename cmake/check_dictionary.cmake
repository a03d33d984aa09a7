# cmake -DTRAINED=<file> -DSHIPPED=<file> -P check_dictionary.cmake
# Fails the build when training no longer reproduces the shipped dictionary.
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${TRAINED} ${SHIPPED} RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "The trained batch dictionary differs from ${SHIPPED}. Old SDKs still "
          "send frames made with that one, so it stays: give the new one the next id in "
          "sdk/encode/dictionary.h and commit it as sdk/encode/dictionaries/friction-<id>.zdict.")
endif()

# Writes the bash, zsh and fish completion scripts that the program generates from its command tree.
#   cmake -DPROGRAM=path/to/careerplan -DOUT_DIR=dir -P completions.cmake
file(MAKE_DIRECTORY ${OUT_DIR})
foreach(pair "bash;careerplan" "zsh;_careerplan" "fish;careerplan.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${PROGRAM} completion ${shell} OUTPUT_FILE ${OUT_DIR}/${name} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} completion ${shell} failed: ${rc}")
  endif()
endforeach()

#pragma once
// The bundled data files (data/*.json), compiled into the binary by cmake/embed.cmake.
#include <string_view>
#include <vector>

namespace careerplan {

struct EmbeddedFile
{
  std::string_view path; // relative to data/, e.g. "roles/machine-learning-engineer.json"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

} // namespace careerplan

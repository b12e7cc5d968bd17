#pragma once
// `careerplan validate [PATH...]`: what was checked, and every problem with its file and JSON path.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/errors.hpp"
#include "render/document.hpp"

namespace careerplan {

// What `validate` checked and found (cmd_validate.cpp gathers it; the core checks the files).
struct ValidateResult
{
  struct Seeds
  {
    std::string dir; // --seeds DIR
    std::vector<std::string> sources; // ids of the sources whose seed file is there
  };
  struct DataDir
  {
    std::string path;
    std::string origin; // what put it in the search order
    bool present = false;
  };
  struct AssessmentFile
  {
    std::string path;
    std::string origin;
    bool present = false;
  };

  std::optional<Seeds> seeds; // with --seeds
  // Without PATH: the catalog in use. Then data_dirs and assessment are reported; an empty
  // assessment path means none ($HOME is not set).
  bool catalog_in_use = false;
  bool bundled = true; // the catalog built into the program is in use (not with --no-bundled)
  std::vector<DataDir> data_dirs;
  AssessmentFile assessment;
  std::vector<std::string> checked; // every file checked, in order
  std::vector<std::string> notes; // "x.json was checked with the skills and sources of its data directory ..."
  std::size_t roles = 0; // roles of the catalog in use
  std::vector<Problem> problems;
};

Document validate_document(const ValidateResult& r);
// careerplan/validate/v1 (schemas/validate-v1.json).
nlohmann::json validate_json(const ValidateResult& r);

} // namespace careerplan

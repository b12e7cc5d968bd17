#pragma once
// What `import onet` and `import --list` print: the release, where it came from and went, rows per file.
#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "core/onet.hpp"
#include "core/oews_store.hpp"
#include "core/onet_import.hpp"
#include "render/document.hpp"

namespace careerplan {

Document import_onet_document(const OnetImportReport& report, const OnetRelease& release);
nlohmann::json import_onet_json(const OnetImportReport& report, const OnetRelease& release);
Document import_list_document(const std::optional<OnetRelease>& onet, const std::vector<OewsImportedFile>& oews);
nlohmann::json import_list_json(const std::optional<OnetRelease>& onet, const std::vector<OewsImportedFile>& oews);
// `import oews FILE...`: the files read and the rows imported into the store at `path`.
Document import_oews_document(const OewsImportResult& result, const std::vector<OewsFile>& files, const std::string& path);
nlohmann::json import_oews_json(const OewsImportResult& result, const std::string& path);
// The O*NET release as a source line, for `sources` and every O*NET view.
nlohmann::json onet_source_json(const OnetRelease& release);

} // namespace careerplan

#pragma once
// `careerplan sources [ROLE]`: every source behind the figures, and which figures use it.
#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "core/onet.hpp"
#include "core/summary.hpp"
#include "render/document.hpp"

namespace careerplan {

// The sources and the figures that cite each (core/summary.hpp), and the imported O*NET release
// when there is one.
struct SourcesResult
{
  std::vector<SourceUse> uses; // only the sources in use when a role was named
  std::optional<OnetRelease> onet;
};

Document sources_document(const SourcesResult& r);
nlohmann::json sources_json(const SourcesResult& r);
// One source: id, title, publisher, date, kind; url, seed, cites and note when it has them.
nlohmann::json source_json(const Source& s);

} // namespace careerplan

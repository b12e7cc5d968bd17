#pragma once
// `careerplan roles`: the curated roles with their headline figures, then the O*NET occupations
// found or listed. Ten thousand roles are added one at a time, and only the format asked for is
// kept (holding each role three times, as a table row, a CSV row and JSON, would triple the memory).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/onet.hpp"
#include "core/summary.hpp"
#include "render/document.hpp"

namespace careerplan {

class RolesView
{
public:
  // `search`: the text roles were searched for (changes the heading and the empty-list message).
  RolesView(ViewFormat format, std::optional<std::string> search);

  // One curated role (a digest is enough) and its summary.
  void add(const Role& role, const RoleSummary& summary);
  // After the roles: the O*NET occupations found (`--search`) or listed (`--onet`).
  void add_occupations(const OnetRelease& release, const std::vector<OccupationHit>& hits);
  // After the roles, when O*NET data is imported but neither searched nor listed: how to.
  void mention_occupations(const OnetRelease& release);

  // careerplan/roles/v2 (and the Document for table, markdown and CSV). Each is called at most once.
  Document document();
  nlohmann::json json();

private:
  ViewFormat m_format;
  std::optional<std::string> m_search;
  Document m_doc;
  Section m_roles;
  nlohmann::json m_json;
  std::size_t m_listed = 0;
  bool m_anchored = false;
  std::optional<Section> m_occupations;
  std::vector<std::string> m_occupation_notes;
};

} // namespace careerplan

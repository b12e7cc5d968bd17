#pragma once
// The checks that keep a role's labels true to its sources (issue 17):
// - a figure labelled as published carries a quote, and the quote contains the figure;
// - a quote is found in its source, where the source's text is at hand (the seed documents);
// - a SOC mapping's source names the occupation (its code, or for an assumption its title),
//   and a mapping marked as_published has its code in the source.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/json_reader.hpp"
#include "core/model.hpp"

namespace careerplan {

// A role's own source by id, else the catalog's shared one, as Catalog::find_source finds it,
// but with its own table of a role's many sources where the catalog keeps one per role it was
// asked about: `validate` checks roles in several threads at once, each role gone once checked.
class RoleSources
{
public:
  RoleSources(const Role& role, const Catalog& catalog) : m_role(role), m_catalog(catalog) {}
  const Source* find(const std::string& id) const;

private:
  const Role& m_role;
  const Catalog& m_catalog;
  mutable std::unordered_map<std::string_view, const Source*> m_by_id; // a role with many: made when first asked
};

// Published figures and their quotes (the catalog tells which sources are guides).
void check_role_figures(const Role& role, const Catalog& catalog, std::vector<Problem>& problems);

// The numbers a text states (commas, "$" and "~" dropped, "130k" read as 130000, "35%" as 35).
std::vector<double> numbers_in(const std::string& text);

// A quote is found in a text when each of its parts (split at "...") occurs in the text, in
// order, comparing letters and digits only (case, punctuation, dashes and line breaks ignored).
bool quote_in_text(const std::string& quote, const std::string& text);

// Source id -> the source's full text.
using SourceTexts = std::map<std::string, std::string>;

// Reads the text of every source with a seed file under dir (missing files are skipped).
SourceTexts read_seed_texts(const std::vector<Source>& sources, const std::string& dir);

// Quotes and SOC mappings checked against the texts of their sources, where known.
void check_role_quotes(const Role& role, const SourceTexts& texts, std::vector<Problem>& problems);

} // namespace careerplan

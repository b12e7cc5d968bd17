// The catalog's BLS figures (core/salary_bls.hpp): those of the reference roles and of the role
// asked about, by SOC code and area.
#include "core/salary_bls.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/errors.hpp"
#include "core/role_digest.hpp"

namespace careerplan {

namespace {

std::string bucket_key(const std::string& soc, const std::string& area)
{
  return soc + '\t' + area;
}

BlsFigure catalog_figure(const SalaryFigure& f)
{
  BlsFigure b;
  b.figure = f;
  b.figure.note.clear(); // a note of the role that carries the figure, not of BLS's figure
  b.figure.level.clear();
  b.period = fmt::format("May {}", f.year);
  b.title = f.occupation.substr(0, f.occupation.find(" (SOC"));
  b.origin = "catalog";
  return b;
}

// The area of a BLS figure the catalog's lists hold ("US" for a national figure, a state's code
// for a state's); "" for any other figure.
std::string bls_list_area(const SalaryFigure& f)
{
  if (!is_bls(f) || f.year == 0) {
    return {};
  }
  if (f.scope == FigureScope::national) {
    return "US";
  }
  return f.scope == FigureScope::state && f.state != "US" ? f.state : std::string();
}

// Calls `use` with every SOC code an occupation names, as "(SOC code)" (each ')' after "(SOC "
// may end one), until it returns true; whether it did.
template <typename Use>
bool any_soc_named(std::string_view occupation, Use use)
{
  for (auto at = occupation.find("(SOC "); at != std::string_view::npos; at = occupation.find("(SOC ", at + 1)) {
    for (auto close = occupation.find(')', at + 5); close != std::string_view::npos;
         close = occupation.find(')', close + 1)) {
      if (use(occupation.substr(at + 5, close - at - 5))) {
        return true;
      }
    }
  }
  return false;
}

std::set<std::string> socs_named(const std::string& occupation)
{
  std::set<std::string> socs;
  any_soc_named(occupation, [&](std::string_view soc) {
    socs.emplace(soc);
    return false;
  });
  return socs;
}

bool names_soc(const std::string& occupation, const std::string& soc)
{
  return any_soc_named(occupation, [&](std::string_view named) { return named == soc; });
}

// Each figure id once: its first role's.
std::vector<BlsFigure> first_of_each(const std::vector<const BlsFigure*>& figures)
{
  std::vector<BlsFigure> out;
  for (const BlsFigure* f : figures) {
    if (std::none_of(out.begin(), out.end(), [&](const BlsFigure& o) { return o.figure.id == f->figure.id; })) {
      out.push_back(*f);
    }
  }
  return out;
}

// The reference roles' BLS figures (bls_reference_ids) by "CODE\tAREA", each with the id of its
// role, in the order of the ids, and each list as catalog_bls_figures gives it without a role of
// its own; worked out once per catalog.
struct ReferenceBls
{
  std::unordered_set<std::string> ids;
  std::unordered_map<std::string, std::vector<std::pair<std::string, BlsFigure>>> figures;
  std::unordered_map<std::string, std::vector<BlsFigure>> lists;
};

ReferenceBls reference_bls(const Catalog& catalog)
{
  ReferenceBls out;
  auto take = [&](const Role& r) {
    out.ids.insert(r.id);
    for (const auto& f : r.salary) {
      if (const std::string area = bls_list_area(f); !area.empty()) {
        for (const auto& soc : socs_named(f.occupation)) {
          out.figures[bucket_key(soc, area)].emplace_back(r.id, catalog_figure(f));
        }
      }
    }
  };
  if (!catalog.bundled) { // every role, each decoded only for the call
    for_each_role_digest(catalog, take);
  } else {
    for (const auto& id : bls_reference_ids(catalog)) {
      const Role* r = nullptr;
      try {
        r = find_role_summary(catalog, id);
      } catch (const IoError&) {
        continue; // an unreadable file, left out as by every command that reads the whole catalog (it was reported)
      }
      if (r != nullptr && r->id == id) { // (not: no such role, or another's alias)
        take(*r);
      }
    }
  }
  for (const auto& [key, figures] : out.figures) {
    std::vector<const BlsFigure*> all;
    for (const auto& f : figures) {
      all.push_back(&f.second);
    }
    out.lists[key] = first_of_each(all);
  }
  return out;
}

} // namespace

std::vector<std::string> bls_reference_ids(const Catalog& catalog)
{
  if (!catalog.bundled) {
    return catalog.role_ids();
  }
  std::vector<std::string> ids;
  for (const auto& f : embedded_files()) { // a role's file is named by its id (catalog_validate.cpp)
    if (f.path.starts_with("roles/") && f.path.ends_with(".json")) {
      ids.emplace_back(f.path.substr(6, f.path.size() - 6 - 5));
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<BlsFigure> catalog_bls_figures(const Catalog& catalog, const std::string& soc, const std::string& area,
                                           const Role* role)
{
  const auto references = catalog_memo<ReferenceBls>(catalog, "bls", [&] { return reference_bls(catalog); });
  const std::string key = bucket_key(soc, area);
  std::vector<BlsFigure> own;
  if (role != nullptr && !references->ids.contains(role->id)) {
    for (const auto& f : role->salary) {
      if (bls_list_area(f) == area && names_soc(f.occupation, soc)) {
        own.push_back(catalog_figure(f));
      }
    }
  }
  const auto it = references->figures.find(key);
  if (own.empty()) {
    const auto list = references->lists.find(key);
    return list == references->lists.end() ? std::vector<BlsFigure>{} : list->second;
  }
  // The role's own figures in their place by id.
  std::vector<const BlsFigure*> all;
  bool placed = false;
  if (it != references->figures.end()) {
    for (const auto& [id, f] : it->second) {
      if (!placed && id > role->id) {
        std::transform(own.begin(), own.end(), std::back_inserter(all), [](const BlsFigure& o) { return &o; });
        placed = true;
      }
      all.push_back(&f);
    }
  }
  if (!placed) {
    std::transform(own.begin(), own.end(), std::back_inserter(all), [](const BlsFigure& o) { return &o; });
  }
  return first_of_each(all);
}

} // namespace careerplan

#pragma once
// BLS OEWS wages beside a role's bands: the wages of the role's anchor occupation (its first SOC
// mapping that is not marked a conflict), and BLS's figure beside every other source's figure
// for the same place, with the difference.
//
// BLS figures come from the store (careerplan import oews) and from the catalog: the figures
// whose source is BLS OEWS, for that SOC code and place, of the role itself and of the reference
// roles (bls_reference_ids). With the bundled catalog, those are the bundled roles, as the data
// directories have them, and not every role of the catalog: `salary ROLE` then reads a few files
// whatever the catalog's size. The newest period wins, the store's at the same period. A role
// that has no figure of its own for a place gets the anchor's, labelled as the anchor
// occupation's: an assumption, not specific to the role.
//
//   difference     = the source's point figure (median, else its single value) - BLS's median
//   difference_pct = difference / BLS's median x 100
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/oews_store.hpp"
#include "core/salary.hpp"

namespace careerplan {

// Whether a figure is BLS OEWS's (its source id starts with "bls-oews").
bool is_bls(const SalaryFigure& f);
// The role's anchor occupation, or nullptr when it has none.
const SocMapping* anchor_occupation(const Role& role);

// A BLS figure with where it came from.
struct BlsFigure
{
  SalaryFigure figure; // annual figures; scope "national" or "state"
  std::string period; // "May 2024"
  std::string title; // the occupation's title ("Data Scientists")
  std::vector<std::string> top_coded; // statistics marked '#'
  std::optional<double> top_code; // the period's annual top code, when known
  bool derived_from_hourly = false;
  std::string origin; // "catalog", or "FILE row N" for an imported figure
};

// An imported row as a figure (annual = hourly x 2,080 where BLS publishes only hourly wages).
BlsFigure bls_figure(const OewsWages& w);
// The roles whose BLS figures every role's salary may use, sorted: the bundled roles' ids when the
// catalog has them (Catalog::bundled), else every role's.
std::vector<std::string> bls_reference_ids(const Catalog& catalog);
// The catalog's BLS OEWS figures for an SOC code in an area ("US" or a state's code): those of the
// reference roles and of `role` (nullptr: none but theirs), in the order of their ids, each figure
// id once (its first role's).
std::vector<BlsFigure> catalog_bls_figures(const Catalog& catalog, const std::string& soc, const std::string& area,
                                           const Role* role);
// The newest of `candidates` (the first of equals: put the store's first); nullopt when empty.
std::optional<BlsFigure> newest(const std::vector<BlsFigure>& candidates);

struct BlsInput
{
  std::optional<BlsFigure> here; // the place's newest BLS figure for the anchor
  std::vector<BlsFigure> national; // every national BLS figure for the anchor, newest first
};

// Adds the anchor's band (when the role has no BLS figure of its own for that occupation, place
// and period) and a BLS check on every other published band for the place.
void add_bls(SalaryResult& result, const SocMapping& anchor, const BlsInput& input);

// `salary SOC-CODE`: an occupation's imported figures for an area (`rows`, newest period first,
// not empty), with the difference from the national figure of the same period (`national`,
// empty for the national view), or a note when the periods differ. `holder` becomes the
// occupation as a role (id: the SOC code, title: BLS's).
SalaryResult occupation_salary(const std::vector<OewsWages>& rows, const std::vector<OewsWages>& national,
                               const Place& place, Role& holder);

// The area of BLS's figures for a place: "US" for the national view, a state's code, else "".
std::string bls_area(const Place& place);
// BLS's figures for an occupation in an area: the store's (db may be null) first, then the catalog's
// (catalog_bls_figures, with `role`'s own; nullptr for an occupation asked about apart from a
// role), the newest period first.
std::vector<BlsFigure> bls_candidates(const Catalog& cat, Db* db, const std::string& soc, const std::string& area,
                                      const Role* role);
// The role's anchor-occupation wages and BLS's figure beside every other band for the place (add_bls).
void attach_bls(SalaryResult& r, const Catalog& cat, Db* db);

// `salary 15-2041`: an occupation's imported BLS figures, national or for a state (`holder` is the
// stand-in role the result points to). UsageError when none is imported.
SalaryResult soc_salary(Db* db, const std::string& soc, const Place& place, Role& holder);
// What an O*NET occupation's wages are: its SOC code's, or its SOC parent's when O*NET's code is finer.
std::string onet_soc_note(const std::string& onet_code);

// An O*NET occupation's national wages (`show OCC`), as `salary OCC` gives them.
struct OccupationWages
{
  std::string soc; // "15-2041"
  std::unique_ptr<Role> holder; // the stand-in role `result` points to
  std::optional<SalaryResult> result; // none: the imported files have no national figure for the code
};
// None when no BLS OEWS data is imported.
std::optional<OccupationWages> occupation_wages(Db& db, const std::string& onet_code);

} // namespace careerplan

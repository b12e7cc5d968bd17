#pragma once
// The plain data the core works on: the skill catalog, role profiles and their sources.
// Every figure carries the id of the source it comes from.
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/model_kinds.hpp"

namespace careerplan {

struct Source
{
  std::string id;
  std::string title;
  std::string publisher;
  std::string date;
  std::string url;
  std::string seed; // file name under shared/seeds when the source is one of the seed documents
  SourceKind kind = SourceKind::guide; // always set by the loader
  std::vector<std::string> cites; // what the source itself cites
  std::string note;
};

struct ScaleLevel
{
  int value = 0;
  std::string label;
  std::string descriptor;
};

struct Scale
{
  std::string id;
  std::string name;
  int min = 0;
  int max = 5;
  std::vector<ScaleLevel> levels;
  std::string note;
};

struct SkillDef
{
  std::string id;
  std::string name;
  std::string category;
  std::string description;
  std::vector<std::string> aliases;
};

// The kind's id in the data files and in JSON output (see model_kinds.hpp).
inline std::string_view basis_kind_id(BasisKind kind)
{
  return id_of(kind);
}

// The kind with this id; none for an unknown id.
inline std::optional<BasisKind> basis_kind_from_id(std::string_view id)
{
  return from_id<BasisKind>(id);
}

struct Basis
{
  BasisKind kind = BasisKind::published; // always set by the loader
  std::string source;
  std::string quote; // the sentence of the source it rests on
  std::string derivation;
};

struct Cited
{
  std::string text;
  std::string source;
};

struct RoleSkill
{
  std::string skill;
  double weight = 0;
  Basis weight_basis;
  int rank = 0; // 0: not ranked by any source
  std::map<std::string, double> required; // level id -> required level on the role's scale
  Basis required_basis;
  std::vector<std::string> named_by; // sources that name the skill for the role
  std::vector<Cited> expects;        // what this role expects of the skill, in its sources' words
};

struct Rule
{
  std::string id;
  std::string description;
  std::vector<std::string> skills;
  double min_level = 0;
  int at_least = 0; // how many of `skills` must reach min_level
  Basis basis;
};

struct LadderLevel
{
  std::string level; // one of the role's level ids
  std::string title;
  std::optional<double> years_min;
  std::optional<double> years_max; // none: open-ended ("7+ yrs")
  std::string focus;
  std::string pay; // the source's words on pay at this level
};

struct Ladder
{
  std::string id;
  std::string source;
  // Set when the ladder is careerplan's choice (e.g. another role's year bands applied to this
  // one because no source gives a ladder for it).
  std::optional<Basis> basis;
  std::vector<LadderLevel> levels;
};

struct SalaryFigure
{
  std::string id;
  std::string label;
  std::optional<double> low, p10, p25, median, mean, p75, p90, high, value;
  bool high_open = false; // "$300,000+"
  std::string currency = "USD";
  std::string period = "year";
  PayBasis basis = PayBasis::unspecified;
  FigureScope scope = FigureScope::national;
  std::string level;
  std::string state;
  std::string region;
  std::string country;
  std::optional<long> employment;
  std::optional<double> vs_national_pct; // as published
  std::string occupation; // e.g. "Data Scientists (SOC 15-2051)" when a figure is for an anchor occupation
  std::string words; // for figures given in words only
  int year = 0; // 0: the source does not date the figure
  std::string source;
  std::string quote;
  std::string note;
};

struct Adjustment
{
  std::string id;
  std::string region;
  std::string description;
  MemberType member_type = MemberType::us_state; // USPS codes or ISO 3166-1 alpha-2 codes
  std::vector<std::string> members; // the codes the region covers (a modelling choice)
  Basis members_basis;
  double change_low = 0; // e.g. -0.35
  double change_high = 0; // e.g. -0.25
  std::string relative_to; // region id the change is measured against
  PayBasis basis = PayBasis::unspecified; // pay basis the change applies to
  std::string source;
  std::string quote;
};

struct Duration
{
  double min = 0;
  double max = 0;
  DurationUnit unit = DurationUnit::months; // always set by the loader
};

struct Route
{
  std::string id;
  std::string title;
  std::vector<std::string> from; // catalog role ids the route starts from
  std::string cohort;
  std::vector<std::string> steps;
  std::vector<Cited> advice;
  std::vector<Cited> pitfalls;
  std::optional<Duration> duration;
  std::string source;
  // Skills the route's steps develop (careerplan's reading of the steps; a modelling choice).
  std::vector<std::string> develops;
  std::optional<Basis> develops_basis;
};

struct PathStep
{
  std::string title;
  std::string summary;
  std::optional<Duration> duration;
  std::vector<std::string> items;
  std::string source;
};

struct Certification
{
  std::string id;
  std::string name;
  std::string issuer;
  std::optional<double> cost;
  std::string currency = "USD";
  std::string cost_source;
  std::vector<std::string> skills;
  std::vector<std::string> named_by;
  std::string note;
};

struct Tool
{
  std::string name;
  std::string category;
  std::string note;
  std::vector<std::string> skills;
  std::string source;
};

struct Link
{
  std::string role; // catalog role id when the target is in the catalog
  std::string title;
  std::string source;
};

struct Outlook
{
  std::string id;
  OutlookMetric metric = OutlookMetric::statement;
  std::optional<double> value;
  std::string unit; // "percent", "per_year"
  std::string period;
  std::string occupation;
  std::string text;
  std::string source;
};

struct SocMapping
{
  std::string code;
  std::string title;
  SocStatus status = SocStatus::assumption;
  std::string note;
  std::string source;
};

struct AssessmentWeight
{
  std::string family;
  double relevance = 0;
  std::vector<std::string> skills;
  std::string source;
};

struct Project
{
  std::string text;
  std::vector<std::string> skills;
  std::string source;
};

// The scale of the self-ratings (0-5), and of a role that names no other scale.
inline constexpr const char* k_rating_scale_id = "proficiency-0-5";

struct Role
{
  std::string id;
  std::string title;
  std::string family;
  std::vector<std::string> aliases;
  std::string summary;
  std::string summary_source;
  std::string scale = k_rating_scale_id;
  std::vector<std::string> levels; // ordered level ids, e.g. entry, mid, senior
  std::string primary_ladder;
  std::vector<SocMapping> soc;
  std::vector<RoleSkill> skills;
  std::vector<Cited> skills_also_named;
  std::vector<AssessmentWeight> assessment_weights;
  std::vector<Rule> rules;
  std::vector<Ladder> ladders;
  std::vector<SalaryFigure> salary;
  std::vector<Adjustment> adjustments;
  std::vector<Cited> salary_notes;
  std::vector<Route> routes;
  std::vector<PathStep> path;
  std::vector<Certification> certifications;
  std::vector<Tool> tools;
  std::vector<Link> progressions;
  std::vector<Link> pivots;
  std::vector<Outlook> outlook;
  std::vector<Project> projects;
  std::vector<Cited> interview_topics;
  std::vector<Cited> education;
  std::vector<Cited> challenges;
  // Parts the profile leaves empty, each with why (no citable public source found, not yet
  // researched): an empty part is then answered in the data, not left to look like an oversight.
  struct Absent
  {
    RolePart part = RolePart::education; // always set by the loader
    std::string note;
  };
  std::vector<Absent> absent;
  std::vector<Source> sources;
  std::string file; // where it was loaded from ("<bundled>/roles/x.json" for the built-in catalog)
  // The validated document, as loaded (none when read for a whole-catalog command). Shared, so
  // that this header needs only json_fwd.hpp and a Role copy stays cheap.
  std::shared_ptr<const nlohmann::json> raw;
  // Only on a role decoded from its digest (core/role_digest.hpp), which leaves out the parts that
  // only one-role commands print: which of those the file has ("routes", "tools", ...), so that a
  // summary (the roles command's PROFILE column) stays true.
  std::vector<std::string> digest_parts_present;
  bool from_digest = false;

  // References to check once the whole catalog is loaded: (JSON pointer, id).
  struct Refs
  {
    std::vector<std::pair<std::string, std::string>> sources, skills, levels;
  } refs;
};

struct SkillCatalog
{
  std::vector<Scale> scales;
  std::vector<SkillDef> skills;
};

// A role file of the catalog, known by its name before it is read: the id is the file name.
struct RoleFile
{
  std::string id; // the file name without ".json"
  std::string file; // display path ("<bundled>/roles/x.json" for the built-in catalog)
  std::string_view text; // the bundled text; empty for a file on disk, read when first needed
  bool bundled = false;
  std::string unreadable; // why it cannot be read, once found out (it was reported then)
};

// The catalog. Skills and shared sources are read whole (they are small); roles are either held
// in `roles` (load_catalog, tests) or indexed by file and read one by one when a command first
// asks for them (open_catalog), so that a command pays only for the roles it uses.
class RoleDigests;

class Catalog
{
public:
  SkillCatalog skills;
  std::vector<Source> sources; // shared sources (data/sources.json)
  std::vector<Role> roles; // roles read eagerly, sorted by id
  // Whether the bundled roles are in it (LoadOptions::bundled): they are then the reference roles
  // whose BLS figures every role's salary may use (core/salary_bls.hpp).
  bool bundled = false;

  Catalog();
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  const SkillDef* find_skill(const std::string& id_or_alias) const;
  const Scale* find_scale(const std::string& id) const;
  // The role for an id or alias, case-insensitive. An indexed role is read on first use; an
  // invalid one throws DataError, an unreadable one IoError.
  const Role* find_role(const std::string& id_or_alias) const;
  // The id of that role, as find_role finds it, without reading a role file that the catalog
  // already holds checked (an indexed id); nullopt when there is none.
  std::optional<std::string> role_id(const std::string& id_or_alias) const;
  // Every role, sorted by id. Indexed roles are read now; a file that cannot be read is reported
  // through the warning callback and left out; invalid ones throw DataError (all problems).
  std::vector<std::reference_wrapper<const Role>> all_roles() const;
  // The ids of every role, sorted, without reading a role file.
  std::vector<std::string> role_ids() const;
  std::vector<std::string> skill_ids() const;
  std::vector<std::string> role_names() const; // ids and aliases, for suggestions
  // A role-local source first, then the shared catalog.
  const Source* find_source(const Role* role, const std::string& id) const;

  // Indexing (open_catalog): a role file that a later one with the same id overrides (or that
  // an earlier one overrides: override_existing false).
  void add_role_file(RoleFile f, bool override_existing = true);
  const std::map<std::string, RoleFile>& role_files() const;
  void mark_unreadable(const std::string& id, std::string why);
  // Every alias of the indexed role files (alias -> id), when known without reading them: made
  // when a name is first not found among the ids.
  void set_alias_source(std::function<std::unordered_map<std::string, std::string>()> alias_to_id);
  // A catalog opened for a few roles (open_role_index): a role file is added by id, on first use,
  // by `lookup` (false when it cannot vouch for one); `complete` adds every file, and runs once,
  // before anything that needs more than an id that `lookup` vouches for.
  void set_partial(std::function<bool(Catalog&, const std::string&)> lookup, std::function<void(Catalog&)> complete);
  // Called with a one-line message for each file left out (unreadable, not a regular file).
  std::function<void(const std::string&)> warn;
  // The digests of the indexed role files (core/role_digest.hpp); null when there are none.
  std::shared_ptr<RoleDigests> digests;

private:
  struct Index;
  std::unique_ptr<Index> m_index;
  Index& index() const;
  Index& full_index() const; // completes a partial catalog first
  const Role* load(const RoleFile& f, bool keep_document) const;
};

} // namespace careerplan

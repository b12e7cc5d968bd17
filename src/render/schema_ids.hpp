#pragma once
// The schema id of every JSON document a command prints, in one place. Each names a JSON Schema
// under schemas/ (careerplan/gap/v2 is schemas/gap-v2.json); a change to a document's shape bumps
// its version here, renames the schema file and updates the man page's JSON OUTPUT section.
namespace careerplan::schema_id {

inline constexpr const char* compare = "careerplan/compare/v2";
inline constexpr const char* compare_occupations = "careerplan/compare-occupations/v1";
inline constexpr const char* error = "careerplan/error/v1";
inline constexpr const char* gap = "careerplan/gap/v2";
inline constexpr const char* history_list = "careerplan/history-list/v1";
inline constexpr const char* import_onet = "careerplan/import/v1";
inline constexpr const char* import_list = "careerplan/import-list/v1";
inline constexpr const char* import_oews = "careerplan/import-oews/v1";
inline constexpr const char* match = "careerplan/match/v2";
inline constexpr const char* next = "careerplan/next/v2";
inline constexpr const char* occupation = "careerplan/occupation/v2";
inline constexpr const char* occupation_list = "careerplan/occupation-list/v2";
inline constexpr const char* onet_gap = "careerplan/onet-gap/v1";
inline constexpr const char* onet_plan = "careerplan/onet-plan/v1";
inline constexpr const char* onet_routes = "careerplan/onet-routes/v1";
inline constexpr const char* plan = "careerplan/plan/v2";
inline constexpr const char* progress = "careerplan/progress/v2";
inline constexpr const char* report = "careerplan/report/v2";
inline constexpr const char* roles = "careerplan/roles/v2";
inline constexpr const char* routes = "careerplan/routes/v2";
inline constexpr const char* salary = "careerplan/salary/v2";
inline constexpr const char* salary_list = "careerplan/salary-list/v2";
inline constexpr const char* show = "careerplan/show/v2";
inline constexpr const char* skill_list = "careerplan/skill-list/v1";
inline constexpr const char* source_list = "careerplan/source-list/v2";
inline constexpr const char* validate = "careerplan/validate/v1";

} // namespace careerplan::schema_id

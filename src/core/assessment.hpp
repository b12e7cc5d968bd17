#pragma once
// The user's self-assessment: who they are now, where they want to go, and a 0-5 rating per skill.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "core/model.hpp"

namespace careerplan {

inline constexpr const char* k_schema_assessment = "careerplan/assessment/v1";
inline constexpr int k_rating_min = 0;
inline constexpr int k_rating_max = 5;

struct Pay
{
  double amount = 0;
  std::string currency = "USD";
  // base or total (an assessment says which, base by default); none: the user did not say
  // (salary --current without --basis).
  std::optional<PayBasis> basis = PayBasis::base;
};

struct Assessment
{
  std::string current_role; // a catalog role id, or a free-text title
  std::string target_role; // a catalog role id (validated)
  std::optional<double> years_experience;
  std::string education; // the highest completed, an id of core/onet_fit.hpp ("bachelor"); "" when not given
  std::string state; // USPS code
  std::string country; // ISO 3166-1 alpha-2
  std::optional<Pay> current_pay;
  std::map<std::string, int> ratings; // canonical skill id -> rating
  // A second vocabulary, kept apart: O*NET element id ("2.A.1.e") -> level on O*NET's 0–7 scale.
  std::map<std::string, int> onet_ratings;
  std::string onet_release; // the O*NET release the O*NET ratings were made against ("29.3")
  std::string note;
  std::string file;
};

// An O*NET element id as the assessment holds it: "2.A.1.e" (a digit, then dot-separated parts).
bool is_onet_element_id(std::string_view s);

Assessment read_assessment(const json& j, const ReadContext& ctx, const Catalog& catalog);
void validate_assessment_json(const json& j, const std::string& file, const Catalog& catalog,
                              std::vector<Problem>& problems);
// Reads and validates an assessment file; IoError (exit 1) or DataError (exit 3).
Assessment load_assessment(const std::string& path, const Catalog& catalog);
// The assessment as its JSON document (the file format), keys in a stable order.
nlohmann::ordered_json assessment_to_json(const Assessment& a);
Assessment parse_assessment_text(const std::string& text, const std::string& file, const Catalog& catalog);

} // namespace careerplan

#pragma once
// The smallest valid role document the unit tests start from (one skill, two levels, its
// figures cited to a bundled source): a test changes what it is about and reads it back.
#include <nlohmann/json.hpp>

namespace careerplan::test {

inline nlohmann::json tiny_role()
{
  return nlohmann::json::parse(R"({
    "schema": "careerplan/role/v1", "id": "tiny", "title": "Tiny", "family": "Test",
    "summary": {"text": "t", "source": "bls-oews-2024"}, "levels": ["entry", "mid"],
    "skills": [{"skill": "python", "weight": 0.5,
                "weight_basis": {"kind": "published", "source": "bls-oews-2024", "quote": "a weight of 0.5"},
                "required": {"entry": 2, "mid": 3},
                "required_basis": {"kind": "published", "source": "bls-oews-2024", "quote": "levels 2 and 3"}}]
  })");
}

} // namespace careerplan::test

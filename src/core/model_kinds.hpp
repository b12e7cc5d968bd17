#pragma once
// The enum-like fields of the model: each is an enum class with one id per value, the word used in
// the data files and in JSON output. The loader reads the id (an unknown one is a data error
// naming file and JSON path); code compares values, never strings, and each id_of() is a `switch`
// without default, so that -Wswitch names every place a new value must be handled.
//
// For each enum E: `std::string_view id_of(E)`, and EnumIds<E>::values lists every value, which
// gives from_id<E>(id), the ids for an error message (enum_ids<E>()) and the JSON form (to_json,
// found by nlohmann::json through ADL).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

template <class E>
struct EnumIds; // specialised below: static constexpr std::array values

template <class E>
concept IdEnum = requires { EnumIds<E>::values; };

// One case of an id_of() switch: the value's id is its name (also used by core headers that define
// an enum of their own result, e.g. routes.hpp).
#define CAREERPLAN_ENUM_CASE(E, v)                                                                                    \
  case E::v:                                                                                                          \
    return #v;

// How a number came to be: published by a source, derived by a stated rule, or a modelling choice.
enum class BasisKind
{
  published,
  derived,
  modelling_choice,
  own_judgement, // a personal role's author's own judgement: shown as such, it names no source
};

// What a source is (sources.json, a role's sources).
enum class SourceKind
{
  guide,
  statistics,
  classification,
  reference,
  own_judgement,
};

// What a salary figure (or a regional adjustment) covers: base pay, total compensation, or the
// source does not say.
enum class PayBasis
{
  base,
  total,
  unspecified,
};

// Where and for whom a salary figure holds.
enum class FigureScope
{
  national,
  level,
  state,
  region,
  country,
};

// What the members of an adjustment's region are: USPS state codes or ISO 3166-1 alpha-2 codes.
enum class MemberType
{
  us_state,
  country,
};

// What an outlook figure measures; a statement has words only.
enum class OutlookMetric
{
  growth,
  openings,
  employment,
  statement,
};

// How a role's SOC occupation is known: careerplan's assumption, as a source publishes it, or a
// conflict between sources.
enum class SocStatus
{
  assumption,
  as_published,
  conflict,
};

// A salary band of a result: a published figure, an estimate careerplan derived, or BLS wages of
// the role's anchor occupation.
enum class BandKind
{
  published,
  estimate,
  anchor,
};

// The unit of a duration (a route's, a path step's).
enum class DurationUnit
{
  weeks,
  months,
  years,
};

// A part of a role profile that the profile may leave empty, saying why (Role::absent).
enum class RolePart
{
  education,
  routes,
  certifications,
  tools,
  projects,
  salary,
  outlook,
};

inline std::string_view id_of(BasisKind v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(BasisKind, published)
    CAREERPLAN_ENUM_CASE(BasisKind, derived)
    CAREERPLAN_ENUM_CASE(BasisKind, modelling_choice)
    CAREERPLAN_ENUM_CASE(BasisKind, own_judgement)
  }
  return {}; // not reached: every value is handled above
}

inline std::string_view id_of(SourceKind v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(SourceKind, guide)
    CAREERPLAN_ENUM_CASE(SourceKind, statistics)
    CAREERPLAN_ENUM_CASE(SourceKind, classification)
    CAREERPLAN_ENUM_CASE(SourceKind, reference)
    CAREERPLAN_ENUM_CASE(SourceKind, own_judgement)
  }
  return {};
}

inline std::string_view id_of(PayBasis v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(PayBasis, base)
    CAREERPLAN_ENUM_CASE(PayBasis, total)
    CAREERPLAN_ENUM_CASE(PayBasis, unspecified)
  }
  return {};
}

inline std::string_view id_of(FigureScope v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(FigureScope, national)
    CAREERPLAN_ENUM_CASE(FigureScope, level)
    CAREERPLAN_ENUM_CASE(FigureScope, state)
    CAREERPLAN_ENUM_CASE(FigureScope, region)
    CAREERPLAN_ENUM_CASE(FigureScope, country)
  }
  return {};
}

inline std::string_view id_of(MemberType v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(MemberType, us_state)
    CAREERPLAN_ENUM_CASE(MemberType, country)
  }
  return {};
}

inline std::string_view id_of(OutlookMetric v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(OutlookMetric, growth)
    CAREERPLAN_ENUM_CASE(OutlookMetric, openings)
    CAREERPLAN_ENUM_CASE(OutlookMetric, employment)
    CAREERPLAN_ENUM_CASE(OutlookMetric, statement)
  }
  return {};
}

inline std::string_view id_of(SocStatus v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(SocStatus, assumption)
    CAREERPLAN_ENUM_CASE(SocStatus, as_published)
    CAREERPLAN_ENUM_CASE(SocStatus, conflict)
  }
  return {};
}

inline std::string_view id_of(BandKind v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(BandKind, published)
    CAREERPLAN_ENUM_CASE(BandKind, estimate)
    CAREERPLAN_ENUM_CASE(BandKind, anchor)
  }
  return {};
}


inline std::string_view id_of(DurationUnit v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(DurationUnit, weeks)
    CAREERPLAN_ENUM_CASE(DurationUnit, months)
    CAREERPLAN_ENUM_CASE(DurationUnit, years)
  }
  return {};
}

inline std::string_view id_of(RolePart v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(RolePart, education)
    CAREERPLAN_ENUM_CASE(RolePart, routes)
    CAREERPLAN_ENUM_CASE(RolePart, certifications)
    CAREERPLAN_ENUM_CASE(RolePart, tools)
    CAREERPLAN_ENUM_CASE(RolePart, projects)
    CAREERPLAN_ENUM_CASE(RolePart, salary)
    CAREERPLAN_ENUM_CASE(RolePart, outlook)
  }
  return {};
}

// Every value, in declaration order (the order the ids are listed in an error message).
template <>
struct EnumIds<BasisKind>
{
  static constexpr std::array values = {BasisKind::published, BasisKind::derived, BasisKind::modelling_choice,
                                        BasisKind::own_judgement};
};
template <>
struct EnumIds<SourceKind>
{
  static constexpr std::array values = {SourceKind::guide, SourceKind::statistics, SourceKind::classification,
                                        SourceKind::reference, SourceKind::own_judgement};
};
template <>
struct EnumIds<PayBasis>
{
  static constexpr std::array values = {PayBasis::base, PayBasis::total, PayBasis::unspecified};
};
template <>
struct EnumIds<FigureScope>
{
  static constexpr std::array values = {FigureScope::national, FigureScope::level, FigureScope::state,
                                        FigureScope::region, FigureScope::country};
};
template <>
struct EnumIds<MemberType>
{
  static constexpr std::array values = {MemberType::us_state, MemberType::country};
};
template <>
struct EnumIds<OutlookMetric>
{
  static constexpr std::array values = {OutlookMetric::growth, OutlookMetric::openings, OutlookMetric::employment,
                                        OutlookMetric::statement};
};
template <>
struct EnumIds<SocStatus>
{
  static constexpr std::array values = {SocStatus::assumption, SocStatus::as_published, SocStatus::conflict};
};
template <>
struct EnumIds<BandKind>
{
  static constexpr std::array values = {BandKind::published, BandKind::estimate, BandKind::anchor};
};

template <>
struct EnumIds<DurationUnit>
{
  static constexpr std::array values = {DurationUnit::weeks, DurationUnit::months, DurationUnit::years};
};
template <>
struct EnumIds<RolePart>
{
  static constexpr std::array values = {RolePart::education, RolePart::routes,   RolePart::certifications,
                                        RolePart::tools,     RolePart::projects, RolePart::salary,
                                        RolePart::outlook};
};

// The value with this id; none for an unknown id.
template <IdEnum E>
std::optional<E> from_id(std::string_view id)
{
  for (const E v : EnumIds<E>::values) {
    if (id_of(v) == id) {
      return v;
    }
  }
  return std::nullopt;
}

// Every id, in declaration order.
template <IdEnum E>
std::vector<std::string> enum_ids()
{
  std::vector<std::string> out;
  for (const E v : EnumIds<E>::values) {
    out.emplace_back(id_of(v));
  }
  return out;
}

// In a JSON document a value is its id (found by nlohmann::json through ADL; one per enum, since a
// template over every enum would tie with nlohmann's own, which writes the underlying number).
#define CAREERPLAN_ENUM_JSON(E)                                                                                       \
  template <class Json>                                                                                               \
  void to_json(Json& j, E v)                                                                                          \
  {                                                                                                                   \
    j = std::string(id_of(v));                                                                                        \
  }
CAREERPLAN_ENUM_JSON(BasisKind)
CAREERPLAN_ENUM_JSON(SourceKind)
CAREERPLAN_ENUM_JSON(PayBasis)
CAREERPLAN_ENUM_JSON(FigureScope)
CAREERPLAN_ENUM_JSON(MemberType)
CAREERPLAN_ENUM_JSON(OutlookMetric)
CAREERPLAN_ENUM_JSON(SocStatus)
CAREERPLAN_ENUM_JSON(BandKind)
CAREERPLAN_ENUM_JSON(DurationUnit)
CAREERPLAN_ENUM_JSON(RolePart)

// The pay basis in words: "base pay", "total compensation", "basis not stated".
inline std::string_view pay_basis_words(PayBasis v)
{
  switch (v) {
  case PayBasis::base:
    return "base pay";
  case PayBasis::total:
    return "total compensation";
  case PayBasis::unspecified:
    return "basis not stated";
  }
  return {};
}

} // namespace careerplan

#include "core/onet_profile.hpp"

#include <bit>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

namespace {

constexpr std::size_t k_profile_record = 27;
constexpr unsigned k_has_importance = 1, k_has_level = 2, k_has_se = 4, k_suppress = 8, k_not_relevant = 16;

void put_le(std::string& out, std::uint64_t v, int bytes)
{
  for (int i = 0; i < bytes; ++i) {
    out += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

std::uint64_t get_le(const char* p, int bytes)
{
  if constexpr (std::endian::native == std::endian::little) {
    if (bytes == 8) {
      std::uint64_t v = 0;
      std::memcpy(&v, p, 8);
      return v;
    }
  }
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return v;
}

void put_double(std::string& out, const std::optional<double>& v)
{
  put_le(out, std::bit_cast<std::uint64_t>(v.value_or(0.0)), 8);
}

std::optional<double> get_double(const char* p, bool given)
{
  return given ? std::optional<double>(std::bit_cast<double>(get_le(p, 8))) : std::nullopt;
}

OnetProfiles read_stored(Db& db)
{
  OnetProfiles out;
  out.stored = true;
  {
    Stmt s(db, "SELECT element, name, domain FROM onet_profile_element ORDER BY idx");
    while (s.step()) {
      out.elements.push_back({s.text(0), s.text(1), s.text(2)});
    }
  }
  Stmt s(db, "SELECT code, title, job_zone, ratings, exp_category, exp_percent, exp_description, edu_category, "
             "edu_percent, edu_description FROM onet_profile ORDER BY code");
  while (s.step()) {
    OnetProfile p;
    p.code = s.text(0);
    p.title = s.text(1);
    if (!s.is_null(2)) {
      p.job_zone = static_cast<int>(s.integer(2));
    }
    auto ratings = unpack_onet_ratings(s.blob(3), out.elements.size());
    if (!ratings) {
      throw IoError(fmt::format("{}: the O*NET profile of {} is damaged; re-run 'careerplan import onet DIR'", db.path(),
                                p.code));
    }
    p.ratings = std::move(*ratings);
    if (!s.is_null(4)) {
      const int category = static_cast<int>(s.integer(4));
      if (const auto years = rw_years(category)) {
        p.experience = TypicalExperience{category, s.text(6), s.real(5), years->first, years->second};
      }
    }
    if (!s.is_null(7)) {
      p.education = TypicalEducation{static_cast<int>(s.integer(7)), s.text(9), s.real(8)};
    }
    out.occupations.push_back(std::move(p));
  }
  return out;
}

} // namespace

std::string pack_onet_ratings(const std::vector<OnetProfileRating>& ratings)
{
  std::string out;
  out.reserve(ratings.size() * k_profile_record);
  for (const auto& r : ratings) {
    put_le(out, r.element, 2);
    const unsigned flags = (r.importance ? k_has_importance : 0) | (r.level ? k_has_level : 0) |
                           (r.level_se ? k_has_se : 0) | (r.suppress ? k_suppress : 0) |
                           (r.not_relevant ? k_not_relevant : 0);
    put_le(out, flags, 1);
    put_double(out, r.importance);
    put_double(out, r.level);
    put_double(out, r.level_se);
  }
  return out;
}

std::optional<std::vector<OnetProfileRating>> unpack_onet_ratings(std::string_view blob, std::size_t elements)
{
  if (blob.size() % k_profile_record != 0) {
    return std::nullopt;
  }
  std::vector<OnetProfileRating> out;
  out.reserve(blob.size() / k_profile_record);
  for (std::size_t at = 0; at < blob.size(); at += k_profile_record) {
    const char* p = blob.data() + at;
    OnetProfileRating r;
    r.element = static_cast<std::uint16_t>(get_le(p, 2));
    const auto flags = static_cast<unsigned>(get_le(p + 2, 1));
    if (r.element >= elements || flags > 31) {
      return std::nullopt;
    }
    r.importance = get_double(p + 3, (flags & k_has_importance) != 0);
    r.level = get_double(p + 11, (flags & k_has_level) != 0);
    r.level_se = get_double(p + 19, (flags & k_has_se) != 0);
    r.suppress = (flags & k_suppress) != 0;
    r.not_relevant = (flags & k_not_relevant) != 0;
    out.push_back(r);
  }
  return out;
}

OnetProfiles build_onet_profiles(Db& db)
{
  // One pass over the ratings in their key's order (code, element, scale); an element's index is
  // given where it is first seen, with the name and domain of that row.
  OnetProfiles out;
  std::map<std::string, std::uint16_t, std::less<>> index;
  Stmt s(db, "SELECT r.code, o.title, o.job_zone, r.element, r.name, r.domain, r.scale, r.value, r.se, r.suppress, "
             "r.not_relevant FROM onet_rating r JOIN onet_occupation o ON o.code = r.code ORDER BY r.code, r.element");
  OnetProfile* current = nullptr;
  OnetProfileRating* rating = nullptr;
  while (s.step()) {
    if (const std::string_view code = s.view(0); current == nullptr || code != current->code) {
      out.occupations.emplace_back();
      current = &out.occupations.back();
      current->code = code;
      current->title = s.text(1);
      if (!s.is_null(2)) {
        current->job_zone = static_cast<int>(s.integer(2));
      }
      rating = nullptr;
    }
    const std::string_view el = s.view(3);
    auto it = index.find(el);
    if (it == index.end()) {
      if (out.elements.size() > 0xFFFF) {
        throw DataError({Problem{db.path(), "", "more than 65,535 O*NET skill and knowledge elements"}});
      }
      it = index.emplace(std::string(el), static_cast<std::uint16_t>(out.elements.size())).first;
      out.elements.push_back({std::string(el), s.text(4), s.text(5)});
    }
    if (rating == nullptr || rating->element != it->second) {
      current->ratings.emplace_back();
      rating = &current->ratings.back();
      rating->element = it->second;
    }
    const std::string_view scale = s.view(6);
    if (scale == "IM") {
      rating->importance = s.real(7);
    } else if (scale == "LV") {
      rating->level = s.real(7);
      rating->level_se = s.opt_real(8);
      rating->not_relevant = !s.is_null(10) && s.integer(10) == 1;
    }
    rating->suppress = rating->suppress || (!s.is_null(9) && s.integer(9) == 1);
  }
  const auto experience = typical_experience(db);
  const auto education = typical_education(db);
  for (auto& p : out.occupations) {
    if (const auto e = experience.find(p.code); e != experience.end()) {
      p.experience = e->second;
    }
    if (const auto e = education.find(p.code); e != education.end()) {
      p.education = e->second;
    }
  }
  return out;
}

void write_onet_profiles(Db& db, const OnetProfiles& profiles)
{
  Stmt el(db, "INSERT INTO onet_profile_element VALUES (?,?,?,?)");
  for (std::size_t i = 0; i < profiles.elements.size(); ++i) {
    const auto& e = profiles.elements[i];
    el.bind(1, static_cast<std::int64_t>(i)).bind(2, e.id).bind(3, e.name).bind(4, e.domain).run();
  }
  Stmt ins(db, "INSERT INTO onet_profile VALUES (?,?,?,?,?,?,?,?,?,?)");
  for (const auto& p : profiles.occupations) {
    ins.bind(1, p.code).bind(2, p.title);
    if (p.job_zone) {
      ins.bind(3, *p.job_zone);
    }
    ins.bind_blob(4, pack_onet_ratings(p.ratings));
    if (p.experience) {
      ins.bind(5, p.experience->category).bind(6, p.experience->percent).bind(7, p.experience->description);
    }
    if (p.education) {
      ins.bind(8, p.education->category).bind(9, p.education->percent).bind(10, p.education->description);
    }
    ins.run();
  }
}

OnetProfiles read_onet_profiles(Db& db)
{
  return db.has_table("onet_profile") ? read_stored(db) : build_onet_profiles(db);
}

} // namespace careerplan

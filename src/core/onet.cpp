#include "core/onet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/errors.hpp"
#include "core/onet_import.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

std::string meta(Db& db, const char* key)
{
  Stmt s(db, "SELECT value FROM onet_meta WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

OnetScore score(const Stmt& s, int col)
{
  OnetScore out;
  out.value = s.real(col);
  out.n = s.opt_integer(col + 1);
  out.se = s.opt_real(col + 2);
  out.lower = s.opt_real(col + 3);
  out.upper = s.opt_real(col + 4);
  out.suppress = !s.is_null(col + 5) && s.integer(col + 5) == 1;
  return out;
}

std::vector<OnetRating> ratings(Db& db, const std::string& code, const char* domain)
{
  std::map<std::string, OnetRating> by_element;
  std::vector<std::string> order;
  Stmt s(db, "SELECT element, name, scale, value, n, se, lower, upper, suppress, not_relevant, date, source "
             "FROM onet_rating WHERE code = ? AND domain = ? ORDER BY element");
  s.bind(1, code).bind(2, domain);
  while (s.step()) {
    const std::string el = s.text(0);
    auto [it, fresh] = by_element.try_emplace(el);
    OnetRating& r = it->second;
    if (fresh) {
      order.push_back(el);
      r.element = el;
      r.name = s.text(1);
      r.domain = domain;
      r.date = s.text(10);
      r.source = s.text(11);
    }
    const std::string scale = s.text(2);
    if (scale == "IM") {
      r.importance = score(s, 3);
    } else if (scale == "LV") {
      r.level = score(s, 3);
      if (!s.is_null(9)) {
        r.not_relevant = s.integer(9) == 1;
      }
    }
  }
  // The anchors of each element on the level scale; the one nearest the required level is shown.
  Stmt a(db, "SELECT value, text FROM onet_anchor WHERE element = ? AND scale = 'LV' ORDER BY value");
  std::vector<OnetRating> out;
  for (const auto& el : order) {
    OnetRating r = std::move(by_element[el]);
    if (r.level && !r.not_relevant.value_or(false)) {
      a.bind(1, el);
      while (a.step()) {
        const double v = a.real(0);
        if (!r.anchor || std::abs(v - r.level->value) < std::abs(r.anchor->value - r.level->value)) {
          r.anchor = OnetAnchor{v, a.text(1)};
        }
      }
      a.reset();
      // Only an anchor within one point of the level describes it.
      if (r.anchor && std::abs(r.anchor->value - r.level->value) > 1.0) {
        r.anchor.reset();
      }
    }
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const OnetRating& x, const OnetRating& y) {
    const double ix = x.importance ? x.importance->value : -1;
    const double iy = y.importance ? y.importance->value : -1;
    return ix > iy;
  });
  return out;
}

OccupationHit hit(const Stmt& s)
{
  OccupationHit h;
  h.code = s.text(0);
  h.title = s.text(1);
  h.slug = s.text(2);
  if (!s.is_null(3)) {
    h.job_zone = static_cast<int>(s.integer(3));
  }
  h.rated = s.integer(4) != 0;
  return h;
}

const char* const k_hit_columns =
    "o.code, o.title, o.slug, o.job_zone, "
    "EXISTS (SELECT 1 FROM onet_rating r WHERE r.code = o.code AND r.domain = 'skill')";

} // namespace

std::vector<AnchoredRole> anchored_roles(const Catalog& catalog, const std::string& code)
{
  std::vector<AnchoredRole> out;
  for (const Role& role : catalog.all_roles()) {
    for (const auto& m : role.soc) {
      if (m.code == code.substr(0, 7)) {
        out.push_back({role.id, role.title, m.status});
      }
    }
  }
  return out;
}

std::optional<OnetRelease> onet_release(Db& db)
{
  if (!db.has_table("onet_meta")) {
    return std::nullopt;
  }
  OnetRelease r;
  r.version = meta(db, "version");
  r.release = meta(db, "release");
  r.imported_at = meta(db, "imported_at");
  r.directory = meta(db, "directory");
  r.store = db.path();
  // Counted once, at import.
  r.occupations = std::atol(meta(db, "occupations").c_str());
  r.rated = std::atol(meta(db, "rated_occupations").c_str());
  return r;
}

std::optional<std::string> find_occupation(Db& db, const std::string& name)
{
  const std::string wanted = to_lower(name);
  Stmt s(db, "SELECT code FROM onet_occupation WHERE code = ? OR slug = ?");
  s.bind(1, wanted).bind(2, wanted);
  if (s.step()) {
    return s.text(0);
  }
  // "15-2041": the SOC code of exactly one O*NET occupation.
  if (wanted.size() == 7 && is_onet_code(wanted + ".00")) {
    Stmt soc(db, "SELECT code FROM onet_occupation WHERE substr(code, 1, 7) = ?");
    soc.bind(1, wanted);
    std::vector<std::string> codes;
    while (soc.step()) {
      codes.push_back(soc.text(0));
    }
    if (codes.size() == 1) {
      return codes.front();
    }
  }
  return std::nullopt;
}

Occupation load_occupation(Db& db, const std::string& code)
{
  Occupation o;
  {
    Stmt s(db, "SELECT o.code, o.title, o.description, o.slug, z.zone, z.name, z.experience, z.education, z.training, "
               "z.examples, z.svp, o.job_zone FROM onet_occupation o LEFT JOIN onet_job_zone z ON z.zone = o.job_zone "
               "WHERE o.code = ?");
    s.bind(1, code);
    if (!s.step()) {
      throw UsageError("unknown occupation '" + code + "'");
    }
    o.code = s.text(0);
    o.title = s.text(1);
    o.description = s.text(2);
    o.slug = s.text(3);
    if (!s.is_null(11)) {
      OnetJobZone z;
      z.zone = static_cast<int>(s.integer(11));
      if (!s.is_null(4)) {
        z.name = s.text(5);
        z.experience = s.text(6);
        z.education = s.text(7);
        z.training = s.text(8);
        z.examples = s.text(9);
        z.svp = s.text(10);
      }
      o.job_zone = z;
    }
  }
  o.skills = ratings(db, code, "skill");
  o.knowledge = ratings(db, code, "knowledge");
  {
    Stmt s(db, "SELECT e.category, coalesce(c.description, ''), e.value, e.n FROM onet_education e "
               "LEFT JOIN onet_education_category c ON c.element = e.element AND c.scale = e.scale AND c.category = e.category "
               "WHERE e.code = ? AND e.scale = 'RL' ORDER BY e.category");
    s.bind(1, code);
    while (s.step()) {
      o.education.push_back({static_cast<int>(s.integer(0)), s.text(1), s.real(2)});
      if (!s.is_null(3)) {
        o.education_n = static_cast<long>(s.integer(3));
      }
    }
  }
  {
    Stmt s(db, "SELECT r.related, coalesce(o.title, ''), r.tier, r.idx FROM onet_related r "
               "LEFT JOIN onet_occupation o ON o.code = r.related WHERE r.code = ? "
               "ORDER BY CASE r.tier WHEN 'Primary-Short' THEN 0 WHEN 'Primary-Long' THEN 1 ELSE 2 END, r.idx");
    s.bind(1, code);
    while (s.step()) {
      o.related.push_back({s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3))});
    }
  }
  {
    Stmt s(db, "SELECT example, commodity_title, hot, in_demand FROM onet_technology WHERE code = ? "
               "ORDER BY coalesce(in_demand, 0) DESC, coalesce(hot, 0) DESC, example");
    s.bind(1, code);
    while (s.step()) {
      OnetTechnology t{s.text(0), s.text(1), std::nullopt, std::nullopt};
      if (!s.is_null(2)) {
        t.hot = s.integer(2) == 1;
      }
      if (!s.is_null(3)) {
        t.in_demand = s.integer(3) == 1;
      }
      o.technology.push_back(std::move(t));
    }
  }
  {
    Stmt s(db, "SELECT element, name, value FROM onet_interest WHERE code = ? AND scale = 'OI' ORDER BY value DESC, element");
    s.bind(1, code);
    while (s.step()) {
      o.interests.push_back({s.text(0), s.text(1), s.real(2)});
    }
  }
  {
    Stmt s(db, "SELECT title FROM onet_alt_title WHERE code = ? ORDER BY title");
    s.bind(1, code);
    while (s.step()) {
      o.alternate_titles.push_back(s.text(0));
    }
  }
  return o;
}

std::vector<OccupationHit> search_occupations(Db& db, const std::string& text)
{
  std::vector<OccupationHit> out;
  std::string pattern = "%";
  for (char c : to_lower(text)) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  pattern += '%';
  {
    Stmt s(db, (std::string("SELECT ") + k_hit_columns +
                " FROM onet_occupation o WHERE lower(o.title) LIKE ? ESCAPE '\\' ORDER BY o.code").c_str());
    s.bind(1, pattern);
    while (s.step()) {
      out.push_back(hit(s));
    }
  }
  Stmt s(db, (std::string("SELECT ") + k_hit_columns +
              ", min(a.title) FROM onet_alt_title a JOIN onet_occupation o ON o.code = a.code "
              "WHERE lower(a.title) LIKE ? ESCAPE '\\' GROUP BY o.code ORDER BY o.code").c_str());
  s.bind(1, pattern);
  while (s.step()) {
    OccupationHit h = hit(s);
    if (std::none_of(out.begin(), out.end(), [&](const OccupationHit& x) { return x.code == h.code; })) {
      h.matched = s.text(5);
      out.push_back(std::move(h));
    }
  }
  return out;
}

std::vector<OccupationHit> all_occupations(Db& db)
{
  std::vector<OccupationHit> out;
  Stmt s(db, (std::string("SELECT ") + k_hit_columns + " FROM onet_occupation o ORDER BY o.code").c_str());
  while (s.step()) {
    out.push_back(hit(s));
  }
  return out;
}

std::vector<std::string> occupation_names(Db& db)
{
  std::vector<std::string> out;
  Stmt s(db, "SELECT code, slug FROM onet_occupation");
  while (s.step()) {
    out.push_back(s.text(0));
    out.push_back(s.text(1));
  }
  return out;
}

std::vector<OccupationHit> occupations_for_soc(Db& db, const std::string& soc)
{
  std::vector<OccupationHit> out;
  Stmt s(db, (std::string("SELECT ") + k_hit_columns + " FROM onet_occupation o WHERE substr(o.code, 1, 7) = ? ORDER BY o.code").c_str());
  s.bind(1, soc.substr(0, 7));
  while (s.step()) {
    out.push_back(hit(s));
  }
  return out;
}

std::vector<SocOccupation> occupations_for_role(Db& db, const Role& role)
{
  std::vector<SocOccupation> out;
  for (const auto& m : role.soc) {
    for (auto& h : occupations_for_soc(db, m.code)) {
      out.push_back({m.code, std::move(h)});
    }
  }
  return out;
}

} // namespace careerplan

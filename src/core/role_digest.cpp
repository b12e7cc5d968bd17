// The role digest (see role_digest.hpp). Each part is written and read by one list of its fields
// (the `fields` functions below), so that the writer and the reader cannot disagree: strings and
// lists as a length then their items, numbers as their eight bytes, optionals as a flag then the value.
#include "core/role_digest.hpp"

#include <algorithm>
#include <unordered_set>

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/catalog.hpp"

namespace careerplan {

namespace {

class Writer
{
public:
  std::string out;

  void size(std::size_t n)
  {
    while (n >= 0x80) {
      out += static_cast<char>((n & 0x7f) | 0x80);
      n >>= 7;
    }
    out += static_cast<char>(n);
  }
  void item(const std::string& s)
  {
    size(s.size());
    out += s;
  }
  void item(const double& d)
  {
    char b[sizeof d];
    std::memcpy(b, &d, sizeof d);
    out.append(b, sizeof d);
  }
  void item(const int& i) { item(static_cast<double>(i)); }
  void item(const long& i) { item(static_cast<double>(i)); }
  void item(const bool& b) { out += b ? '\1' : '\0'; }
  template <IdEnum E>
  void item(const E& k)
  {
    item(std::string(id_of(k)));
  }
  template <typename T>
  void item(const std::optional<T>& o)
  {
    item(o.has_value());
    if (o) {
      item(*o);
    }
  }
  template <typename T>
  void item(const std::vector<T>& v)
  {
    size(v.size());
    for (const auto& x : v) {
      item(x);
    }
  }
  void item(const std::map<std::string, double>& m)
  {
    size(m.size());
    for (const auto& [k, v] : m) {
      item(k);
      item(v);
    }
  }
  template <typename T>
  void item(const T& s); // a struct: its fields

  template <typename... T>
  void operator()(const T&... v)
  {
    (item(v), ...);
  }
};

class Reader
{
public:
  explicit Reader(std::string_view in) : m_in(in) {}
  bool ok = true;
  bool done() const { return ok && m_at == m_in.size(); }

  std::size_t size()
  {
    std::size_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_at >= m_in.size()) {
        ok = false;
        return 0;
      }
      const auto b = static_cast<unsigned char>(m_in[m_at++]);
      n |= static_cast<std::size_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        // A count larger than the bytes left cannot be right (each item takes a byte at least).
        if (n > m_in.size() - m_at) {
          ok = false;
          return 0;
        }
        return n;
      }
    }
    ok = false;
    return 0;
  }
  void item(std::string& s)
  {
    const std::size_t n = size();
    if (ok) {
      s.assign(m_in.substr(m_at, n));
      m_at += n;
    }
  }
  void item(double& d)
  {
    if (m_in.size() - m_at < sizeof d) {
      ok = false;
      return;
    }
    std::memcpy(&d, m_in.data() + m_at, sizeof d);
    m_at += sizeof d;
  }
  void item(int& i)
  {
    double d = 0;
    item(d);
    i = static_cast<int>(d);
  }
  void item(long& i)
  {
    double d = 0;
    item(d);
    i = static_cast<long>(d);
  }
  void item(bool& b)
  {
    if (m_at >= m_in.size()) {
      ok = false;
      return;
    }
    b = m_in[m_at++] != '\0';
  }
  template <IdEnum E>
  void item(E& k)
  {
    std::string id;
    item(id);
    const auto kind = from_id<E>(id);
    ok = ok && kind.has_value();
    k = kind.value_or(EnumIds<E>::values[0]);
  }
  template <typename T>
  void item(std::optional<T>& o)
  {
    bool has = false;
    item(has);
    o.reset();
    if (ok && has) {
      T v{};
      item(v);
      o = std::move(v);
    }
  }
  template <typename T>
  void item(std::vector<T>& v)
  {
    const std::size_t n = size();
    v.clear();
    v.reserve(n);
    for (std::size_t i = 0; ok && i < n; ++i) {
      item(v.emplace_back());
    }
  }
  void item(std::map<std::string, double>& m)
  {
    const std::size_t n = size();
    m.clear();
    for (std::size_t i = 0; ok && i < n; ++i) {
      std::string k;
      double v = 0;
      item(k);
      item(v);
      m.emplace(std::move(k), v);
    }
  }
  template <typename T>
  void item(T& s); // a struct: its fields

  template <typename... T>
  void operator()(T&... v)
  {
    (item(v), ...);
  }

private:
  std::string_view m_in;
  std::size_t m_at = 0;
};

// The fields of each part, for the writer (const) and the reader alike.
#define CAREERPLAN_DIGEST_FIELDS(Type, ...)                                                                            \
  template <typename A>                                                                                                \
  void fields_of(A& a, std::conditional_t<std::is_same_v<A, Writer>, const Type, Type>& s)                            \
  {                                                                                                                    \
    a(__VA_ARGS__);                                                                                                    \
  }

CAREERPLAN_DIGEST_FIELDS(Source, s.id, s.title, s.publisher, s.date, s.url, s.seed, s.kind, s.cites, s.note)
CAREERPLAN_DIGEST_FIELDS(Basis, s.kind, s.source, s.quote, s.derivation)
// A skill's, a rule's and an adjustment's members' bases keep their kind and source only (the
// quotes and derivations are most of a role file, and only `show` prints them).
#define CAREERPLAN_DIGEST_THIN(Type, ...)                                                                              \
  template <typename A>                                                                                                \
  void fields_of(A& a, std::conditional_t<std::is_same_v<A, Writer>, const Type, Type>& s)                            \
  {                                                                                                                    \
    __VA_ARGS__;                                                                                                       \
  }

CAREERPLAN_DIGEST_THIN(RoleSkill, a(s.skill, s.weight, s.weight_basis.kind, s.weight_basis.source, s.rank, s.required,
                                    s.required_basis.kind, s.required_basis.source, s.named_by))
CAREERPLAN_DIGEST_THIN(Rule, a(s.id, s.description, s.skills, s.min_level, s.at_least, s.basis.kind, s.basis.source))
CAREERPLAN_DIGEST_FIELDS(LadderLevel, s.level, s.title, s.years_min, s.years_max, s.focus, s.pay)
CAREERPLAN_DIGEST_FIELDS(Ladder, s.id, s.source, s.basis, s.levels)
CAREERPLAN_DIGEST_FIELDS(SalaryFigure, s.id, s.label, s.low, s.p10, s.p25, s.median, s.mean, s.p75, s.p90, s.high, s.value,
                         s.high_open, s.currency, s.period, s.basis, s.scope, s.level, s.state, s.region, s.country,
                         s.employment, s.vs_national_pct, s.occupation, s.words, s.year, s.source, s.quote, s.note)
CAREERPLAN_DIGEST_THIN(Adjustment, a(s.id, s.region, s.description, s.member_type, s.members, s.members_basis.kind,
                                     s.members_basis.source, s.change_low, s.change_high, s.relative_to, s.basis, s.source,
                                     s.quote))
CAREERPLAN_DIGEST_FIELDS(Cited, s.text, s.source)
CAREERPLAN_DIGEST_FIELDS(Outlook, s.id, s.metric, s.value, s.unit, s.period, s.occupation, s.text, s.source)
CAREERPLAN_DIGEST_FIELDS(SocMapping, s.code, s.title, s.status, s.note, s.source)
CAREERPLAN_DIGEST_FIELDS(AssessmentWeight, s.family, s.relevance, s.skills, s.source)
CAREERPLAN_DIGEST_FIELDS(Role, s.id, s.title, s.family, s.aliases, s.scale, s.levels, s.primary_ladder, s.soc, s.skills,
                         s.assessment_weights, s.rules, s.ladders, s.salary, s.adjustments, s.salary_notes, s.outlook,
                         s.sources, s.file)

#undef CAREERPLAN_DIGEST_FIELDS
#undef CAREERPLAN_DIGEST_THIN

template <typename T>
void Writer::item(const T& s)
{
  fields_of(*this, s);
}

template <typename T>
void Reader::item(T& s)
{
  fields_of(*this, s);
}

} // namespace

std::string encode_role_digest(const Role& role)
{
  Writer w;
  w.out += static_cast<char>(k_role_digest_version);
  w.item(role);
  // Which of the parts left out the file has (a summary's profile completeness).
  std::vector<std::string> present;
  for (const auto& [part, has] : {std::pair<const char*, bool>{"education", !role.education.empty()},
                                  {"routes", !role.routes.empty()},
                                  {"certifications", !role.certifications.empty()},
                                  {"tools", !role.tools.empty()},
                                  {"projects", !role.projects.empty()}}) {
    if (has) {
      present.emplace_back(part);
    }
  }
  w.item(present);
  return std::move(w.out);
}

std::optional<Role> decode_role_digest(std::string_view bytes)
{
  if (bytes.empty() || static_cast<std::uint8_t>(bytes.front()) != k_role_digest_version) {
    return std::nullopt;
  }
  Reader r(bytes.substr(1));
  Role role;
  r.item(role);
  r.item(role.digest_parts_present);
  role.from_digest = true;
  if (!r.done()) {
    return std::nullopt;
  }
  return role;
}

void RoleDigests::add(const std::string& id, std::string bytes)
{
  m_added.insert_or_assign(id, std::move(bytes));
  m_roles.erase(id);
}

void RoleDigests::set_lookup(std::function<std::string_view(const std::string&)> lookup)
{
  m_lookup = std::move(lookup);
  m_roles.clear();
}

const Role* RoleDigests::role(const std::string& id)
{
  if (const auto it = m_roles.find(id); it != m_roles.end()) {
    return it->second.get();
  }
  auto role = decode(id);
  if (!role) {
    return nullptr;
  }
  auto& slot = m_roles[id];
  slot = std::make_unique<Role>(std::move(*role));
  return slot.get();
}

const Role* RoleDigests::kept(const std::string& id) const
{
  const auto it = m_roles.find(id);
  return it == m_roles.end() ? nullptr : it->second.get();
}

std::optional<Role> RoleDigests::decode(const std::string& id)
{
  if (const auto it = m_added.find(id); it != m_added.end()) {
    return decode_role_digest(it->second);
  }
  return m_lookup ? decode_role_digest(m_lookup(id)) : std::nullopt;
}

const Role* find_role_summary(const Catalog& catalog, const std::string& id_or_alias)
{
  // The id first: it vouches for the file (a partial catalog stats it), so its digest is of it.
  const auto id = catalog.role_id(id_or_alias);
  if (!id) {
    return nullptr;
  }
  if (RoleDigests* digests = role_digests(catalog)) {
    if (const Role* r = digests->role(*id)) {
      return r;
    }
  }
  return catalog.find_role(*id);
}

void attach_role_digests(Catalog& catalog, std::shared_ptr<RoleDigests> digests)
{
  catalog.digests = std::move(digests);
}

RoleDigests* role_digests(const Catalog& catalog)
{
  return catalog.digests.get();
}

void for_each_role_digest(const Catalog& catalog, const std::function<void(const Role&)>& use)
{
  RoleDigests* digests = role_digests(catalog);
  if (digests == nullptr || !catalog.roles.empty()) {
    for (const Role& r : all_role_digests(catalog)) {
      use(r);
    }
    return;
  }
  for (const auto& [id, f] : catalog.role_files()) { // by id, as all_role_digests sorts them
    if (!f.unreadable.empty()) {
      continue;
    }
    if (const Role* kept = digests->kept(id)) {
      use(*kept);
    } else if (auto role = digests->decode(id)) {
      use(*role);
    } else if (const Role* whole = catalog.find_role(id)) { // no digest: the file, read whole
      use(*whole);
    }
  }
}

std::vector<std::reference_wrapper<const Role>> all_role_digests(const Catalog& catalog)
{
  RoleDigests* digests = role_digests(catalog);
  if (digests == nullptr) {
    return catalog.all_roles();
  }
  std::vector<std::reference_wrapper<const Role>> out;
  out.reserve(catalog.roles.size() + catalog.role_files().size());
  // As Catalog::all_roles: the roles read eagerly, then the indexed files no eager role names.
  std::unordered_set<std::string_view> eager;
  for (const auto& r : catalog.roles) {
    out.emplace_back(r);
    eager.insert(r.id);
    eager.insert(r.aliases.begin(), r.aliases.end());
  }
  for (const auto& [id, f] : catalog.role_files()) {
    if (eager.count(id) != 0 || !f.unreadable.empty()) {
      continue; // an unreadable file was reported when the catalog was opened
    }
    const Role* r = digests->role(id);
    if (r == nullptr) {
      return catalog.all_roles(); // a digest is missing or damaged: every file is read
    }
    out.emplace_back(*r);
  }
  if (!catalog.roles.empty() && !catalog.role_files().empty()) {
    std::sort(out.begin(), out.end(), [](const Role& a, const Role& b) { return a.id < b.id; });
  }
  return out;
}

} // namespace careerplan

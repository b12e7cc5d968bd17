// The checks that keep a role's labels true to its sources: see check_quotes.hpp.
#include "core/check_quotes.hpp"

#include <cctype>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

bool same_number(double a, double b)
{
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// Whether the text states the figure, as itself or (for a fraction such as 0.35) in percent.
bool states(const std::vector<double>& numbers, double figure)
{
  for (const double n : numbers) {
    if (same_number(n, std::fabs(figure)) || (std::fabs(figure) < 1 && same_number(n, std::fabs(figure) * 100))) {
      return true;
    }
  }
  return false;
}

// Letters and digits only, lower case, one space between words, a space at each end.
std::string normalise(const std::string& s)
{
  std::string out = " ";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') {
    out += ' ';
  }
  return out;
}

std::vector<std::string> elided_parts(const std::string& quote)
{
  std::string q = quote;
  for (const char* mark : {"\u2026", "[...]", "..."}) {
    for (std::size_t at = q.find(mark); at != std::string::npos; at = q.find(mark, at)) {
      q.replace(at, std::string_view(mark).size(), "\x01");
    }
  }
  std::vector<std::string> parts;
  std::string cur;
  for (const char c : q) {
    if (c == '\x01') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

struct Quoted
{
  std::string path;
  std::string source;
  std::string quote;
};

std::vector<Quoted> quotes_of(const Role& role)
{
  std::vector<Quoted> out;
  auto basis = [&](const std::string& path, const Basis& b) {
    if (!b.quote.empty()) {
      out.push_back({path + "/quote", b.source, b.quote});
    }
  };
  for (std::size_t i = 0; i < role.skills.size(); ++i) {
    const std::string p = pointer_append("/skills", i);
    basis(p + "/weight_basis", role.skills[i].weight_basis);
    basis(p + "/required_basis", role.skills[i].required_basis);
  }
  for (std::size_t i = 0; i < role.rules.size(); ++i) {
    basis(pointer_append("/rules", i) + "/basis", role.rules[i].basis);
  }
  for (std::size_t i = 0; i < role.ladders.size(); ++i) {
    if (role.ladders[i].basis) {
      basis(pointer_append("/ladders", i) + "/basis", *role.ladders[i].basis);
    }
  }
  for (std::size_t i = 0; i < role.salary.size(); ++i) {
    if (!role.salary[i].quote.empty()) {
      out.push_back({pointer_append("/salary", i) + "/quote", role.salary[i].source, role.salary[i].quote});
    }
  }
  for (std::size_t i = 0; i < role.adjustments.size(); ++i) {
    const std::string p = pointer_append("/adjustments", i);
    if (!role.adjustments[i].quote.empty()) {
      out.push_back({p + "/quote", role.adjustments[i].source, role.adjustments[i].quote});
    }
    basis(p + "/members_basis", role.adjustments[i].members_basis);
  }
  for (std::size_t i = 0; i < role.routes.size(); ++i) {
    if (role.routes[i].develops_basis) {
      basis(pointer_append("/routes", i) + "/develops_basis", *role.routes[i].develops_basis);
    }
  }
  return out;
}

// "Data Scientists (O*NET 15-2051.01 ...)" names the occupation "Data Scientists".
std::string occupation_title(const std::string& title)
{
  const auto paren = title.find(" (");
  return paren == std::string::npos ? title : title.substr(0, paren);
}

} // namespace

std::vector<double> numbers_in(const std::string& text)
{
  std::vector<double> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    std::string digits;
    auto digit_at = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    while (digit_at(i) || (text[i] == ',' && digit_at(i + 1))) {
      if (text[i] != ',') {
        digits += text[i];
      }
      ++i;
    }
    if (i + 1 < text.size() && text[i] == '.' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      digits += '.';
      ++i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        digits += text[i++];
      }
    }
    double v = 0;
    try {
      v = std::stod(digits);
    } catch (const std::exception&) {
      continue;
    }
    if (i < text.size() && (text[i] == 'k' || text[i] == 'K') &&
        (i + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[i + 1])))) {
      v *= 1000;
    }
    out.push_back(v);
  }
  return out;
}

bool quote_in_text(const std::string& quote, const std::string& text)
{
  const std::string t = normalise(text);
  std::size_t from = 0;
  for (const auto& part : elided_parts(quote)) {
    const std::string p = normalise(part);
    if (p == " ") {
      continue;
    }
    const auto at = t.find(p, from);
    if (at == std::string::npos) {
      return false;
    }
    from = at + p.size() - 1;
  }
  return true;
}

const Source* RoleSources::find(const std::string& id) const
{
  constexpr std::size_t k_few = 16; // below this a scan is as fast as a table
  if (m_role.sources.size() < k_few) {
    for (const auto& s : m_role.sources) {
      if (s.id == id) {
        return &s;
      }
    }
  } else {
    if (m_by_id.empty()) {
      for (const auto& s : m_role.sources) {
        m_by_id.emplace(s.id, &s); // the first of an id, as a scan finds it
      }
    }
    if (const auto it = m_by_id.find(id); it != m_by_id.end()) {
      return it->second;
    }
  }
  return m_catalog.find_source(nullptr, id);
}

void check_role_figures(const Role& role, const Catalog& catalog, std::vector<Problem>& problems)
{
  const ReadContext ctx{role.file, &problems};
  const RoleSources role_sources(role, catalog);
  auto published = [&](const std::string& path, const Basis& b, const std::vector<double>& figures) {
    if (b.kind != BasisKind::published) {
      return;
    }
    if (b.quote.empty()) {
      ctx.add(path + "/quote", "a figure labelled 'published' needs the quote that publishes it");
      return;
    }
    const auto numbers = numbers_in(b.quote);
    for (const double f : figures) {
      if (!states(numbers, f)) {
        ctx.add(path + "/quote", fmt::format("the figure {} is labelled 'published' but its quote does not state it; "
                                             "a figure the source does not state is derived or a modelling choice",
                                             plain_number(f)));
      }
    }
  };
  for (std::size_t i = 0; i < role.skills.size(); ++i) {
    const auto& rs = role.skills[i];
    const std::string p = pointer_append("/skills", i);
    published(p + "/weight_basis", rs.weight_basis, {rs.weight});
    std::vector<double> levels;
    for (const auto& [level, value] : rs.required) {
      levels.push_back(value);
    }
    published(p + "/required_basis", rs.required_basis, levels);
  }
  for (std::size_t i = 0; i < role.rules.size(); ++i) {
    published(pointer_append("/rules", i) + "/basis", role.rules[i].basis, {role.rules[i].min_level});
  }
  auto from_guide = [&](const std::string& id) {
    const Source* s = role_sources.find(id);
    return s != nullptr && s->kind == SourceKind::guide;
  };
  for (std::size_t i = 0; i < role.salary.size(); ++i) {
    const auto& f = role.salary[i];
    const std::string p = pointer_append("/salary", i);
    std::vector<double> figures;
    for (const auto& v : {f.low, f.p10, f.p25, f.median, f.mean, f.p75, f.p90, f.high, f.value, f.vs_national_pct}) {
      if (v) {
        figures.push_back(*v);
      }
    }
    if (f.employment) {
      figures.push_back(static_cast<double>(*f.employment));
    }
    if (f.quote.empty()) {
      if (from_guide(f.source) && !figures.empty()) {
        ctx.add(p, fmt::format("a figure published by the guide '{}' needs the quote that states it", f.source));
      }
      continue;
    }
    const auto numbers = numbers_in(f.quote);
    for (const double v : figures) {
      if (!states(numbers, v)) {
        ctx.add(p + "/quote", fmt::format("the quote does not state the figure {}", plain_number(v)));
      }
    }
  }
  for (std::size_t i = 0; i < role.adjustments.size(); ++i) {
    const auto& a = role.adjustments[i];
    if (a.relative_to == a.region) {
      continue; // the reference region itself: no change, and none to quote
    }
    const auto numbers = numbers_in(a.quote);
    for (const double v : {a.change_low, a.change_high}) {
      if (!a.quote.empty() && !states(numbers, v)) {
        ctx.add(pointer_append("/adjustments", i) + "/quote",
                fmt::format("the quote does not state the change {}", plain_number(v)));
      }
    }
  }
  for (std::size_t i = 0; i < role.outlook.size(); ++i) {
    const auto& o = role.outlook[i];
    if (o.value && from_guide(o.source) && !states(numbers_in(o.text), *o.value)) {
      ctx.add(pointer_append("/outlook", i) + "/text",
              fmt::format("the guide's text does not state the figure {}", plain_number(*o.value)));
    }
  }
}

SourceTexts read_seed_texts(const std::vector<Source>& sources, const std::string& dir)
{
  SourceTexts texts;
  for (const auto& s : sources) {
    if (s.seed.empty() || s.seed.find('/') != std::string::npos) {
      continue;
    }
    std::ifstream in(dir + "/" + s.seed, std::ios::binary);
    if (!in) {
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    texts[s.id] = ss.str();
  }
  return texts;
}

void check_role_quotes(const Role& role, const SourceTexts& texts, std::vector<Problem>& problems)
{
  const ReadContext ctx{role.file, &problems};
  for (const auto& q : quotes_of(role)) {
    const auto it = texts.find(q.source);
    if (it != texts.end() && !quote_in_text(q.quote, it->second)) {
      ctx.add(q.path, fmt::format("the quote is not found in its source '{}'; quote the source's own words, or "
                                  "cite the source they come from",
                                  q.source));
    }
  }
  for (std::size_t i = 0; i < role.soc.size(); ++i) {
    const auto& m = role.soc[i];
    const auto it = texts.find(m.source);
    if (it == texts.end()) {
      continue;
    }
    const std::string p = pointer_append("/soc", i);
    const bool has_code = it->second.find(m.code) != std::string::npos;
    if ((m.status == SocStatus::as_published || m.status == SocStatus::conflict) && !has_code) {
      ctx.add(p + "/status", fmt::format("'{}' says the source gives the code {}, but '{}' does not contain it; if it "
                                         "names only the occupation's title, the code is careerplan's lookup "
                                         "(status 'assumption')",
                                         id_of(m.status), m.code, m.source));
    } else if (!has_code && !quote_in_text(occupation_title(m.title), it->second)) {
      ctx.add(p + "/source", fmt::format("the source '{}' names neither {} nor '{}'; cite the source the mapping "
                                         "rests on",
                                         m.source, m.code, occupation_title(m.title)));
    }
  }
}

} // namespace careerplan

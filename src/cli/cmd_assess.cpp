// careerplan assess [ROLE]: create or update the self-assessment, interactively or with --set.
#include <iostream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/assess_interview.hpp"
#include "cli/rating_prompt.hpp"
#include "core/onet_elements.hpp"
#include "core/onet_fit.hpp"
#include "render/format.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "core/salary.hpp"
#include "core/atomic_write.hpp"
#include "core/embedded.hpp"
#include "core/history.hpp"
#include "core/regions.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

struct AssessOptions
{
  std::string role;
  std::vector<std::string> sets;
  std::string current_role;
  std::optional<double> years;
  std::string education;
  std::string state;
  std::string country;
  std::optional<double> pay;
  std::string pay_basis;
  std::string currency;
  std::string output;
  bool no_input = false;
  bool example = false;
  bool onet = false; // prompt for O*NET's skills (0-7)
  bool knowledge = false; // and its knowledge areas
};

int parse_rating(const std::string& text, const std::string& what)
{
  if (text.size() != 1 || text[0] < '0' || text[0] > '5') {
    throw UsageError(fmt::format("{}: rating '{}' is not a whole number from 0 to 5", what, text));
  }
  return text[0] - '0';
}

// --set ELEMENT=N for an O*NET skill or knowledge area (its id, or its name as an id), on O*NET's 0-7 scale.
void set_onet_rating(Context& ctx, Assessment& a, const std::string& key, const std::string& value)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release) {
    const std::string hint = did_you_mean(key, ctx.catalog().skill_ids());
    throw UsageError(fmt::format("unknown skill '{}'", key),
                     !hint.empty() ? hint
                                   : "run 'careerplan show ROLE' for skill ids; O*NET's skills are known once "
                                     "'careerplan import onet DIR' has run");
  }
  const OnetElementRef e = resolve_onet_element(*db, key);
  char* end = nullptr;
  const long n = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || end != value.c_str() + value.size() || n < k_onet_rating_min || n > k_onet_rating_max ||
      value.size() > 1) {
    throw UsageError(fmt::format("--set {}: '{}' is not a level from 0 to 7 (O*NET's level scale)", key, value),
                     fmt::format("'careerplan show OCC' shows O*NET's anchors for {} ({})", e.name, e.id));
  }
  if (!a.onet_release.empty() && a.onet_release != release->version) {
    std::fprintf(stderr, "careerplan: warning: the assessment's O*NET ratings were made against O*NET %s; %s is imported\n",
                 a.onet_release.c_str(), release->version.c_str());
  }
  a.onet_ratings[e.id] = static_cast<int>(n);
  a.onet_release = release->version;
}

// `assess --onet`: a prompt per O*NET skill (and knowledge area with --knowledge), with O*NET's
// description and level anchors; reads standard input whether or not it is a terminal.
std::map<std::string, int> prompt_onet(Context& ctx, const Assessment& a, bool knowledge, std::string& version)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release) {
    throw UsageError("--onet rates O*NET's skills, and no O*NET data is imported",
                     "download O*NET's text release and run 'careerplan import onet DIR'");
  }
  version = release->version;
  if (!a.onet_release.empty() && a.onet_release != release->version) {
    std::fprintf(stderr, "careerplan: warning: the assessment's O*NET ratings were made against O*NET %s; %s is imported\n",
                 a.onet_release.c_str(), release->version.c_str());
  }
  std::vector<RatingItem> items;
  for (auto& h : onet_element_help(*db, knowledge)) {
    items.push_back({h.id, h.name + (h.domain == "knowledge" ? " (knowledge)" : ""), h.description, h.anchors});
  }
  RatingScale scale{k_onet_rating_min, k_onet_rating_max, "O*NET's level scale",
                    {"0 means you do not have this skill at all and 7 the highest level O*NET describes; the "
                     "examples under each item are O*NET's anchors for those levels (Level Scale Anchors), the "
                     "text above it O*NET's description (Content Model Reference) " + cite(release->source_id())}};
  const std::size_t width = terminal_width(::isatty(STDERR_FILENO) != 0);
  return prompt_items(items, a.onet_ratings, scale, std::cin, std::cerr, width);
}

// The assessment to change: the bundled example, or the file in use (read afresh each time).
Assessment starting_point(const AssessOptions& o, const std::string& source, const std::string& path, const Catalog& cat)
{
  Assessment a;
  struct stat st {};
  if (o.example) {
    if (o.output != "-" && ::stat(path.c_str(), &st) == 0) {
      throw UsageError(fmt::format("'{}' exists; --example would replace it", path), "use --output FILE or --output -");
    }
    for (const auto& f : embedded_files()) {
      if (f.path == "examples/backend-engineer.json") {
        a = parse_assessment_text(std::string(f.content), "<bundled>/examples/backend-engineer.json", cat);
      }
    }
  } else {
    // The rule of -o FILE: an existing FILE is the starting point and keeps what it holds; a new
    // FILE starts from the assessment in use. An existing file that fails to read or validate is
    // never overwritten (exit 1 or 3).
    const bool own = !o.output.empty() && o.output != "-" && ::stat(path.c_str(), &st) == 0;
    const std::string from = own ? path : source;
    if (!from.empty() && ::stat(from.c_str(), &st) == 0) {
      a = load_assessment(from, cat);
    }
  }
  return a;
}

// The options' changes (and the ratings typed at the prompt) applied to `a`.
void apply_changes(Context& ctx, Assessment& a, const AssessOptions& o, const Catalog& cat,
                   const std::map<std::string, int>& entered, const std::map<std::string, int>& entered_onet = {},
                   const std::string& onet_version = {})
{
  if (!o.role.empty()) {
    a.target_role = resolve_role(cat, o.role).id;
  }
  if (!o.current_role.empty()) {
    const Role* r = find_role_by_name(cat, o.current_role);
    a.current_role = r != nullptr ? r->id : o.current_role;
  }
  if (o.years) {
    a.years_experience = *o.years;
  }
  if (!o.education.empty()) {
    a.education = o.education;
  }
  if (!o.state.empty()) {
    const State* s = find_state(o.state);
    if (s == nullptr) {
      throw UsageError(fmt::format("unknown US state '{}'", o.state), state_usage_hint(o.state));
    }
    a.state = s->code;
    a.country.clear();
  }
  if (!o.country.empty()) {
    const Country* c = find_country(o.country);
    if (c == nullptr) {
      throw UsageError(fmt::format("unknown country '{}'", o.country), country_usage_hint(o.country));
    }
    a.country = c->code;
    a.state.clear();
  }
  if (!o.pay && !o.currency.empty()) {
    if (!a.current_pay) {
      throw UsageError("--currency names the currency of --pay, and there is no pay", "give --pay N as well");
    }
    a.current_pay->currency = currency_code(o.currency, "--currency");
  }
  if (o.pay) {
    Pay p = a.current_pay.value_or(Pay{});
    p.amount = *o.pay;
    if (!o.currency.empty()) {
      p.currency = currency_code(o.currency, "--currency");
    }
    if (!o.pay_basis.empty()) {
      p.basis = from_id<PayBasis>(o.pay_basis); // base or total (checked by CLI11)
    }
    a.current_pay = p;
  }
  for (const auto& s : o.sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) {
      // The example names a skill of the catalog in use (the one given, when it is one).
      const SkillDef* named = cat.find_skill(s);
      const std::string example = named != nullptr          ? named->id
                                  : cat.skills.skills.empty() ? std::string("python")
                                                              : cat.skills.skills.front().id;
      throw UsageError(fmt::format("--set '{}' is not SKILL=N", printable(s.substr(0, 80))),
                       fmt::format("e.g. --set {}=4", example));
    }
    const std::string skill = s.substr(0, eq);
    const SkillDef* def = skill.rfind("onet:", 0) == 0 || is_onet_element_id(skill) ? nullptr : cat.find_skill(skill);
    if (def == nullptr) {
      set_onet_rating(ctx, a, skill, s.substr(eq + 1));
      continue;
    }
    a.ratings[def->id] = parse_rating(s.substr(eq + 1), "--set " + skill);
  }
  for (const auto& [skill, rating] : entered) {
    a.ratings[skill] = rating;
  }
  for (const auto& [element, level] : entered_onet) {
    a.onet_ratings[element] = level;
  }
  if (!entered_onet.empty()) {
    a.onet_release = onet_version;
  }
}

// What was answered at the prompt, over the file as it is when saving.
void apply_answers(Assessment& a, const InterviewAnswers& ans)
{
  if (!ans.current_role.empty()) {
    a.current_role = ans.current_role;
  }
  if (ans.years) {
    a.years_experience = ans.years;
  }
  if (!ans.education.empty()) {
    a.education = ans.education;
  }
  if (!ans.state.empty()) {
    a.state = ans.state;
    a.country.clear();
  }
  if (!ans.country.empty()) {
    a.country = ans.country;
    a.state.clear();
  }
  if (ans.pay) {
    Pay p = a.current_pay.value_or(Pay{});
    p.amount = *ans.pay;
    a.current_pay = p;
  }
}

void run_assess(Context& ctx, const AssessOptions& o)
{
  if (o.example && ctx.options.no_bundled) {
    throw UsageError("--example starts from the bundled example, which rates the bundled catalog's skills; "
                     "--no-bundled leaves that catalog out",
                     "drop --no-bundled, or start from your own file with --assessment FILE");
  }
  const Catalog& cat = ctx.catalog();
  // Start from the assessment in use (if it exists); write it back, or to --output.
  const std::string source = ctx.assessment_path();
  const std::string path = o.output.empty() || o.output == "-" ? source : o.output;
  if (path.empty() && o.output != "-") {
    throw UsageError("no place to save the assessment: HOME is not set", "use --output FILE");
  }
  const bool interactive = o.sets.empty() && !o.no_input && !o.example && !o.onet && ::isatty(STDIN_FILENO) != 0;
  if (!interactive && !o.onet && !o.example && o.sets.empty() && o.role.empty() && o.current_role.empty() && !o.years && o.education.empty() &&
      o.state.empty() && o.country.empty() && !o.pay && o.currency.empty()) {
    throw UsageError("nothing to change: standard input is not a terminal and no --set or other option was given",
                     "e.g. careerplan assess mle --set python=4");
  }
  std::map<std::string, int> entered, entered_onet;
  std::optional<InterviewAnswers> answers;
  std::string onet_version;
  if (o.onet) {
    Assessment shown = starting_point(o, source, path, cat);
    entered_onet = prompt_onet(ctx, shown, o.knowledge, onet_version);
  }
  if (interactive) {
    // No lock while a person types: the ratings are applied to the file as it is when saving.
    Assessment shown = starting_point(o, source, path, cat);
    apply_changes(ctx, shown, o, cat, {});
    answers = interview(shown, cat, std::cin, std::cerr, terminal_width(::isatty(STDERR_FILENO) != 0));
    entered = answers->ratings;
  }
  // Read, change and write under the lock, so that a concurrent save is never lost.
  std::optional<SaveLock> lock;
  if (o.output != "-") {
    lock.emplace(path);
  }
  Assessment a = starting_point(o, source, path, cat);
  apply_changes(ctx, a, o, cat, entered, entered_onet, onet_version);
  if (answers) {
    apply_answers(a, *answers);
  }
  const std::string text = assessment_to_json(a).dump(2) + "\n";
  // Check what is about to be written exactly as it will be read back.
  parse_assessment_text(text, path.empty() ? "<output>" : path, cat);
  if (!lock) {
    write_stdout(text);
    return;
  }
  const HistorySeed seed = history_seed(path); // the state before this save, when the log does not exist yet
  lock->write(text);
  record_save(path, text, seed); // append-only, under the lock: the log keeps every saved state, dated
  if (!ctx.quiet) {
    std::fprintf(stderr, "careerplan: saved %s (%zu skill rating(s)%s)\n", printable(path).c_str(), a.ratings.size(),
                 a.onet_ratings.empty() ? "" : fmt::format(", {} O*NET rating(s)", a.onet_ratings.size()).c_str());
  }
}

} // namespace

void setup_assess(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<AssessOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("assess", "Create or update your self-assessment: a prompt per skill on a terminal, "
                                           "or --set SKILL=N");
  cmd->add_option("role", o->role, "Target role id or alias (saved as target_role)")->option_text("ROLE");
  cmd->add_option("--set", o->sets, "Rate a skill 0-5, e.g. --set python=4; or, once O*NET is imported, an O*NET skill or knowledge area 0-7 "
                                    "by its id or name, e.g. --set 2.A.1.e=5 or --set onet:mathematics=5; repeatable")->option_text("SKILL=N");
  cmd->add_option("--current-role", o->current_role, "Your current role (a catalog id, or a title)")->option_text("ROLE");
  cmd->add_option("--years", o->years, "Years of professional experience")->check(decimal_number(0, 80, "a number of years"))->option_text("N");
  std::vector<std::string> levels;
  for (const auto& l : education_levels()) {
    levels.emplace_back(l.id);
  }
  cmd->add_option("--education", o->education, "Your highest completed education, on O*NET's categories: " +
                                                    join(levels, ", ") + " (compared in 'match')")
      ->check(CLI::IsMember(levels))
      ->option_text("LEVEL");
  auto* state = cmd->add_option("--state", o->state, "US state (USPS code or name)")->option_text("XX");
  cmd->add_option("--country", o->country, "Country (ISO 3166 two-letter code)")->option_text("CC")->excludes(state);
  cmd->add_option("--pay", o->pay, "Current annual pay: 150000, 150k, $150,000 or 1.2m")->transform(money_amount(1e8))->option_text("N");
  cmd->add_option("--currency", o->currency, "The ISO 4217 currency of --pay (default: USD), e.g. GBP")
      ->option_text("CUR");
  cmd->add_option("--pay-basis", o->pay_basis, "Whether --pay is base pay or total compensation")
      ->check(CLI::IsMember({"base", "total"}))
      ->option_text("base|total");
  cmd->add_option("-o,--output", o->output, "Write here instead of the assessment file in use; '-' prints it")
      ->option_text("FILE");
  auto* no_input = cmd->add_flag("--no-input", o->no_input, "Never prompt, even on a terminal");
  auto* onet = cmd->add_flag("--onet", o->onet, "Prompt for O*NET's 35 skills on O*NET's level scale (0-7), each with "
                                                "O*NET's description and level anchors; reads a pipe too (needs "
                                                "'careerplan import onet')");
  cmd->add_flag("--knowledge", o->knowledge, "With --onet: O*NET's knowledge areas as well")->needs(onet);
  onet->excludes(no_input);
  cmd->add_flag("--example", o->example, "Start from the bundled example (a backend engineer moving into ML)");
  cmd->add_flag("-q,--quiet", ctx.quiet, "Do not report where the file was saved");
  cmd->callback([&ctx, o] { run_assess(ctx, *o); });
}

} // namespace careerplan

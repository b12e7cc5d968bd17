// careerplan match: every role in the catalog ranked by readiness for the assessment.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <cctype>
#include <memory>

#include "cli/context.hpp"
#include "core/match.hpp"
#include "render/match_view.hpp"

namespace careerplan {

namespace {

struct MatchOptions
{
  std::size_t top = 20;
  OnetMatchFilter filter;
};

void run_match_command(Context& ctx, const MatchOptions& o, bool top_given)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  const MatchReport r = run_match(cat, ctx.store(), a, o.filter);
  const MatchShown shown{o.top, top_given};
  ctx.emit({[&] { return match_document(r, a, shown, ctx.format() == "csv"); }, nullptr,
            [&] { return match_json_text(r, a, shown); }});
}

} // namespace

void setup_match(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("match", "Rank every role in the catalog, and every imported O*NET occupation when you "
                                          "rated O*NET's skills, by your readiness for it");
  auto o = std::make_shared<MatchOptions>();
  ctx.keep(o);
  auto* top = cmd->add_option("--top", o->top, "O*NET occupations: how many the table shows (default 20; JSON: all "
                                                "unless --top is given)")
                  ->check(CLI::Range(1, 100000))
                  ->option_text("N");
  cmd->add_option("--zone", o->filter.zone, "O*NET occupations: only this job zone (1-5)")->check(CLI::Range(1, 5))->option_text("Z");
  cmd->add_option("--family", o->filter.family, "O*NET occupations: only this SOC major group, e.g. 15 (computer and "
                                         "mathematical)")
      ->check([](const std::string& v) {
        return v.size() == 2 && std::isdigit(static_cast<unsigned char>(v[0])) && std::isdigit(static_cast<unsigned char>(v[1]))
                   ? std::string()
                   : std::string("a SOC major group is two digits, e.g. 15");
      })
      ->option_text("NN");
  cmd->add_option("--min-wage", o->filter.min_wage, "O*NET occupations: only those whose national median annual wage (BLS "
                                              "OEWS, imported) is at least N US dollars")
      ->check(decimal_number(0, 1e8, "an annual amount of money"))
      ->option_text("N");
  cmd->add_option("--search", o->filter.search, "O*NET occupations: only those whose title contains TEXT")->option_text("TEXT");
  cmd->callback([&ctx, o, top] { run_match_command(ctx, *o, top->count() > 0); });
}

} // namespace careerplan

// careerplan report [ROLE] [--html FILE]: one page to share (gaps, plan, pay, progress, sources).
#include <cstdio>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "core/atomic_write.hpp"
#include "core/report.hpp"
#include "core/text.hpp"
#include "render/report_html.hpp"
#include "render/report_view.hpp"
#include "version.hpp"

namespace careerplan {

namespace {

struct ReportOptions
{
  std::string role;
  std::string level;
  std::string html;
};

void run_report(Context& ctx, const ReportOptions& o)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  const Role& role = ctx.role_or_target(o.role, "report");
  const History h = load_history(ctx);
  const Report r = compute_report(role, cat, a, h, current_time(), o.level, ctx.store());
  if (o.html.empty()) {
    ctx.emit({[&] { return report_document(r); }, [&] { return report_json(r); }});
    return;
  }
  const std::string page = render_report_html(r, k_version);
  if (o.html == "-") {
    write_stdout(page);
    return;
  }
  write_file_atomic(o.html, page);
  if (!ctx.quiet) {
    std::fprintf(stderr, "careerplan: wrote %s\n", printable_text(o.html).c_str());
  }
}

} // namespace

void setup_report(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ReportOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("report", "One report to share: gap chart, learning plan, pay by level and place, "
                                           "readiness over time and every source; --html FILE writes one "
                                           "self-contained page");
  add_role_and_level(*cmd, o->role, o->level, "Report at this seniority level");
  cmd->add_option("--html", o->html, "Write the report as one HTML page (no script, no network) to FILE; '-' prints it")
      ->option_text("FILE");
  cmd->add_flag("-q,--quiet", ctx.quiet, "Do not report where the page was written");
  cmd->callback([&ctx, o] { run_report(ctx, *o); });
}

} // namespace careerplan

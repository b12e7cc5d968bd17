// careerplan history: the saved snapshots of the assessment, oldest first.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "render/progress_view.hpp"

namespace careerplan {

void setup_history(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("history", "List the saved snapshots of your assessment (every save adds one), "
                                            "oldest first");
  cmd->callback([&ctx] {
    const History h = load_history(ctx);
    ctx.emit({[&] { return history_document(h); }, [&] { return history_json(h); }});
  });
}

} // namespace careerplan

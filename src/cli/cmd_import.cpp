// careerplan import SOURCE ...: public data into the store (core/store.hpp), one subcommand per source.
#include "cli/context.hpp"

namespace careerplan {

void setup_import(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("import", "Import public data (BLS OEWS wages) into the store in the data directory");
  cmd->require_subcommand(1);
  setup_import_oews(*cmd, ctx);
}

} // namespace careerplan

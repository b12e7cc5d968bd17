#include "cli/completion.hpp"

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include "render/show_view.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "version.hpp"

namespace careerplan {

namespace {

CompletionValues values_of(CLI::Option* opt)
{
  CompletionValues v;
  // An IsMember check describes itself as "{a,b,c}".
  try {
    const std::string desc = opt->get_validator(0)->get_description();
    if (desc.size() > 2 && desc.front() == '{' && desc.back() == '}') {
      v.choices = split(desc.substr(1, desc.size() - 2), ',');
      return v;
    }
  } catch (const CLI::OptionNotFound&) {
  }
  const std::string text = opt->get_option_text();
  if (text.rfind("ROLE", 0) == 0) {
    v.kind = "roles";
  } else if (text == "LEVEL") {
    v.kind = "levels";
  } else if (text == "XX") {
    v.kind = "states";
  } else if (text == "CC") {
    v.kind = "countries";
  } else if (text == "REGION") {
    v.kind = "regions";
  } else if (text == "SECTION") {
    for (const auto& section : show_sections()) {
      v.choices.emplace_back(section.name);
    }
  } else if (text == "SKILL") {
    v.kind = "skills";
  } else if (text == "SKILL=N") {
    v.kind = "skills";
    v.assignment = true;
  } else if (text == "FILE" || text.rfind("PATH", 0) == 0) {
    v.files = true;
  } else if (text == "DIR") {
    v.dirs = true;
  }
  return v;
}

// The first clause of a help text: enough for a completion menu.
// Commands keep what follows a colon ("Skill by skill: required level, ..."); options do not
// ("Output format: table, json, csv or markdown" lists the values the completion offers anyway).
std::string short_description(const std::string& d, bool option)
{
  std::size_t end = d.size();
  for (const char* stop : {" (", "; ", ", e.g."}) {
    end = std::min(end, d.find(stop));
  }
  if (option) {
    end = std::min(end, d.find(": "));
  }
  return d.substr(0, end);
}

std::vector<CompletionOption> options_of(CLI::App& app)
{
  std::vector<CompletionOption> out;
  for (CLI::Option* opt : app.get_options({})) {
    if (!opt->nonpositional()) {
      continue;
    }
    CompletionOption o;
    for (const auto& s : opt->get_snames()) {
      o.names.push_back("-" + s);
    }
    for (const auto& l : opt->get_lnames()) {
      o.names.push_back("--" + l);
    }
    o.description = short_description(opt->get_description(), true);
    o.takes_value = opt->get_type_size_max() > 0 && opt->get_expected_min() > 0;
    if (o.takes_value) {
      o.values = values_of(opt);
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::string all_names(const std::vector<CompletionOption>& opts, bool only_with_values)
{
  std::vector<std::string> names;
  for (const auto& o : opts) {
    if (!only_with_values || o.takes_value) {
      names.insert(names.end(), o.names.begin(), o.names.end());
    }
  }
  return join(names, " ");
}

// ---- bash

// The bash statement that completes $cur with these values.
std::string bash_values(const CompletionValues& v)
{
  if (!v.choices.empty()) {
    return "_careerplan_match " + join(v.choices, " ");
  }
  if (!v.kind.empty()) {
    return fmt::format("_careerplan_values {}{}", v.kind, v.assignment ? " =" : "");
  }
  if (v.files) {
    return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
  }
  if (v.dirs) {
    return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
  }
  return "COMPREPLY=()";
}

std::string bash_patterns(const std::string& command, const std::vector<std::string>& names)
{
  std::vector<std::string> p;
  for (const auto& n : names) {
    p.push_back(command + ":" + n);
  }
  return join(p, "|");
}

// ---- zsh

std::string zsh_quote(const std::string& s)
{
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string zsh_escape_brackets(const std::string& s)
{
  std::string out;
  for (const char c : s) {
    if (c == '[' || c == ']' || c == ':') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string zsh_action(const CompletionValues& v)
{
  if (!v.choices.empty()) {
    return "(" + join(v.choices, " ") + ")";
  }
  if (!v.kind.empty()) {
    return fmt::format("{{_careerplan_values {}{}}}", v.kind, v.assignment ? " =" : "");
  }
  if (v.files) {
    return "_files";
  }
  if (v.dirs) {
    return "_files -/";
  }
  return " ";
}

std::string zsh_option_specs(const std::vector<CompletionOption>& opts, const std::string& indent)
{
  std::string out;
  for (const auto& o : opts) {
    for (const auto& n : o.names) {
      std::string spec = n;
      if (o.takes_value) {
        spec += n.size() == 2 ? "+" : "=";
      }
      spec += "[" + zsh_escape_brackets(o.description) + "]";
      if (o.takes_value) {
        const std::string& longest = o.names.back();
        const std::string label = longest.substr(longest.find_first_not_of('-'));
        spec += ":" + label + ":" + zsh_action(o.values);
      }
      out += indent + zsh_quote(spec) + " \\\n";
    }
  }
  return out;
}

// ---- fish

std::string fish_quote(const std::string& s)
{
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

std::string fish_values(const CompletionValues& v)
{
  if (!v.choices.empty()) {
    return " -x -a " + fish_quote(join(v.choices, " "));
  }
  if (!v.kind.empty()) {
    return fmt::format(" -x -a '(__careerplan_values {}{})'", v.kind, v.assignment ? " =" : "");
  }
  if (v.files || v.dirs) {
    return " -r -F";
  }
  return " -x";
}

std::string fish_option(const CompletionOption& o, const std::string& condition)
{
  std::string line = "complete -c careerplan";
  if (!condition.empty()) {
    line += " -n " + fish_quote(condition);
  }
  for (const auto& n : o.names) {
    line += n.size() == 2 ? " -s " + n.substr(1) : " -l " + n.substr(2);
  }
  if (o.takes_value) {
    line += fish_values(o.values);
  }
  return line + " -d " + fish_quote(o.description) + "\n";
}

} // namespace

const std::vector<std::string>& completion_kinds()
{
  static const std::vector<std::string> kinds = {"roles", "levels", "skills", "states", "countries", "regions"};
  return kinds;
}

CompletionSpec completion_spec(CLI::App& app)
{
  CompletionSpec spec;
  spec.program = app.get_name();
  spec.global = options_of(app);
  for (CLI::App* sub : app.get_subcommands({})) {
    CompletionCommand c;
    c.name = sub->get_name();
    c.description = short_description(sub->get_description(), false);
    c.options = options_of(*sub);
    for (CLI::Option* opt : sub->get_options({})) {
      if (opt->get_positional()) {
        c.has_operand = true;
        c.operand_repeats = opt->get_expected_max() > 1;
        c.operand = values_of(opt);
      }
    }
    spec.commands.push_back(std::move(c));
  }
  return spec;
}

std::string bash_completion(const CompletionSpec& spec)
{
  std::vector<std::string> command_names;
  std::vector<std::string> value_options = {all_names(spec.global, true)};
  for (const auto& c : spec.commands) {
    command_names.push_back(c.name);
    if (const std::string v = all_names(c.options, true); !v.empty()) {
      value_options.push_back(v);
    }
  }
  std::vector<std::string> skip;
  for (const auto& group : value_options) {
    for (const auto& n : split(group, ' ')) {
      if (std::find(skip.begin(), skip.end(), n) == skip.end()) {
        skip.push_back(n);
      }
    }
  }

  std::string s = fmt::format(R"SH(# bash completion for careerplan, generated by 'careerplan completion bash' (careerplan {}).
# Install: put it in /usr/share/bash-completion/completions/careerplan, or source it from ~/.bashrc.

# Adds each argument that begins with $cur to COMPREPLY. Candidates are compared as plain text and
# never expanded: 'compgen -W' would run a $(...) or `...` inside one, and candidates come from
# data files.
_careerplan_match()
{{
    local v
    for v in "$@"; do
        [[ $v == "$cur"* ]] && COMPREPLY+=("$v")
    done
    return 0
}}

# Completes $cur with the values 'careerplan completion --list KIND' prints; with a suffix
# (SKILL=N), each value ends with it and no space follows.
_careerplan_values()
{{
    local prog=${{COMP_WORDS[0]}} values
    mapfile -t values < <("$prog" completion --list "$1" 2>/dev/null)
    COMPREPLY=()
    _careerplan_match "${{values[@]}}"
    if [[ -n $2 ]]; then
        COMPREPLY=("${{COMPREPLY[@]/%/$2}}")
        compopt -o nospace 2>/dev/null
    fi
}}

_careerplan()
{{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local cmd="" operands=0 i
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${{COMP_WORDS[i]}} in
            {}) if [[ ${{COMP_WORDS[i+1]}} == = ]]; then ((i += 2)); else ((i++)); fi ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${{COMP_WORDS[i]}}; else ((operands++)); fi ;;
        esac
    done

    # --option=value: bash splits the word at '='.
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = ]]; then
        prev=${{COMP_WORDS[COMP_CWORD-2]}}
    fi

    # The value of an option.
    case $cmd:$prev in
)SH",
                              k_version, join(skip, "|"));
  for (const auto& o : spec.global) {
    if (o.takes_value) {
      s += fmt::format("        {})\n            {}; return ;;\n", bash_patterns("*", o.names), bash_values(o.values));
    }
  }
  for (const auto& c : spec.commands) {
    for (const auto& o : c.options) {
      if (o.takes_value) {
        s += fmt::format("        {})\n            {}; return ;;\n", bash_patterns(c.name, o.names),
                         bash_values(o.values));
      }
    }
  }
  // Options every command takes (the global ones but --help and --version), then each command's own.
  std::vector<CompletionOption> shared;
  std::vector<std::string> top_only;
  for (const auto& o : spec.global) {
    const bool own = o.names == std::vector<std::string>{"-h", "--help"} || o.names == std::vector<std::string>{"--version"};
    if (own) {
      top_only.insert(top_only.end(), o.names.begin(), o.names.end());
    } else {
      shared.push_back(o);
    }
  }
  s += "    esac\n\n    # An option.\n    if [[ $cur == -* ]]; then\n        local opts='" + all_names(shared, false) +
       "'\n        case $cmd in\n";
  s += fmt::format("            \"\") opts+=' {}' ;;\n", join(top_only, " "));
  for (const auto& c : spec.commands) {
    s += fmt::format("            {}) opts+=' {}' ;;\n", c.name, all_names(c.options, false));
  }
  s += "        esac\n        _careerplan_match $opts\n        return\n    fi\n\n"
       "    # The command, then its operands.\n    case $cmd in\n";
  s += fmt::format("        \"\") _careerplan_match {} ;;\n", join(command_names, " "));
  for (const auto& c : spec.commands) {
    if (c.has_operand) {
      s += fmt::format("        {}) {}{} ;;\n", c.name, c.operand_repeats ? "" : "((operands == 0)) && ",
                       bash_values(c.operand));
    }
  }
  s += "    esac\n}\n\ncomplete -F _careerplan careerplan\n";
  return s;
}

std::string zsh_completion(const CompletionSpec& spec)
{
  std::string s = fmt::format(R"SH(#compdef careerplan
# zsh completion for careerplan, generated by 'careerplan completion zsh' (careerplan {}).
# Install: put it in a directory of $fpath as _careerplan, or source it after compinit.

# Adds the values 'careerplan completion --list KIND' prints; a second argument is a suffix
# added with no space after it (SKILL=N).
_careerplan_values()
{{
    local -a values
    values=(${{(f)"$(${{~_careerplan_prog}} completion --list $1 2>/dev/null)"}})
    if [[ -n $2 ]]; then
        compadd -S $2 -a values
    else
        compadd -a values
    fi
}}

_careerplan()
{{
    local curcontext=$curcontext state line ret=1
    local _careerplan_prog=${{words[1]}}
    typeset -A opt_args
    _arguments -C \
)SH",
                              k_version);
  s += zsh_option_specs(spec.global, "        ");
  s += "        '1:command:->command' \\\n        '*::argument:->argument' && ret=0\n"
       "    case $state in\n        command)\n            local -a commands\n            commands=(\n";
  for (const auto& c : spec.commands) {
    s += "                " + zsh_quote(c.name + ":" + c.description) + "\n";
  }
  s += "            )\n            _describe -t commands command commands && ret=0\n            ;;\n"
       "        argument)\n            curcontext=${curcontext%:*:*}:careerplan-$words[1]:\n"
       "            case $words[1] in\n";
  for (const auto& c : spec.commands) {
    s += "                " + c.name + ")\n                    _arguments \\\n";
    s += zsh_option_specs(spec.global, "                        ");
    s += zsh_option_specs(c.options, "                        ");
    if (c.has_operand) {
      s += "                        " + zsh_quote(std::string(c.operand_repeats ? "*" : "1") + ":" + "operand:" +
                                                  zsh_action(c.operand)) +
           " \\\n";
    }
    s += "                        && ret=0\n                    ;;\n";
  }
  s += "            esac\n            ;;\n    esac\n    return ret\n}\n\n"
       "if [[ $funcstack[1] == _careerplan ]]; then\n    _careerplan \"$@\"\nelse\n"
       "    compdef _careerplan careerplan\nfi\n";
  return s;
}

std::string fish_completion(const CompletionSpec& spec)
{
  std::vector<std::string> names;
  for (const auto& c : spec.commands) {
    names.push_back(c.name);
  }
  const std::string commands = join(names, " ");
  std::string s = fmt::format(R"SH(# fish completion for careerplan, generated by 'careerplan completion fish' (careerplan {}).
# Install: put it in ~/.config/fish/completions/careerplan.fish (or a vendor_completions.d).

# The values 'careerplan completion --list KIND' prints, each followed by an optional suffix.
function __careerplan_values
    set -l prog (commandline -opc)[1]
    command -q $prog; or return
    $prog completion --list $argv[1] 2>/dev/null | string replace -r '$' "$argv[2]"
end

complete -c careerplan -f
)SH",
                              k_version);
  const std::string no_command = "not __fish_seen_subcommand_from " + commands;
  for (const auto& c : spec.commands) {
    s += fmt::format("complete -c careerplan -n {} -a {} -d {}\n", fish_quote(no_command), c.name,
                     fish_quote(c.description));
  }
  for (const auto& o : spec.global) {
    s += fish_option(o, "");
  }
  for (const auto& c : spec.commands) {
    const std::string in_command = "__fish_seen_subcommand_from " + c.name;
    for (const auto& o : c.options) {
      if (o.names != std::vector<std::string>{"-h", "--help"}) {
        s += fish_option(o, in_command);
      }
    }
    if (c.has_operand) {
      const CompletionValues& v = c.operand;
      std::string values = " -F";
      if (!v.choices.empty()) {
        values = " -a " + fish_quote(join(v.choices, " "));
      } else if (!v.kind.empty()) {
        values = fmt::format(" -a '(__careerplan_values {}{})'", v.kind, v.assignment ? " =" : "");
      }
      s += "complete -c careerplan -n " + fish_quote(in_command) + values + "\n";
    }
  }
  return s;
}

} // namespace careerplan

"""Asking bash, zsh and fish what they would complete, with careerplan's completion scripts loaded:
bash by calling the completion function as readline would, fish with `complete -C`, zsh by
typing into an interactive zsh on a pseudo-terminal and pressing Tab."""
import os
import pty
import re
import select
import shutil
import subprocess
import time


def base_env(bindir, home=None, **extra):
    """careerplan in `bindir` first on PATH; HOME a directory of the test's (shells may write there)."""
    e = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": home or bindir, "LC_ALL": "C.UTF-8", "TERM": "dumb"}
    e.update(extra)
    return e


def bash_words(line):
    """COMP_WORDS as readline makes them: split at blanks, and at '=' (in COMP_WORDBREAKS) too."""
    words = []
    for w in line.split():
        parts = w.split("=")
        for i, part in enumerate(parts):
            if i > 0:
                words.append("=")
            if part or i == len(parts) - 1 and i > 0:
                words.append(part)
    if line.endswith(" ") or not words:
        words.append("")
    return words


def bash_complete(setup, line, env):
    """COMPREPLY for `line` (cursor at its end), after the bash commands `setup` ran."""
    script = setup + r'''
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=${COMP_WORDS[*]}; COMP_POINT=${#COMP_LINE}
spec=$(complete -p careerplan) || exit 3
fn=${spec#*-F }; fn=${fn%% *}
"$fn" careerplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", script, "bash", *bash_words(line)], env=env,
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout.split(), p.stderr


def fish_complete(setup, line, env, config=False):
    """fish's completions of `line`; with config, fish starts as a user's would (reading its
    configuration and the vendor directories of $XDG_DATA_DIRS), else with --no-config."""
    flags = [] if config else ["--no-config"]
    p = subprocess.run(["fish", *flags, "-c", setup + "; complete -C " + shell_quote(line)], env=env,
                       capture_output=True, text=True, timeout=60)
    return p.returncode, [row.split("\t")[0] for row in p.stdout.splitlines()], p.stderr


def shell_quote(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def zsh_complete(setup, line, env, timeout=10.0, expect=None):
    """What an interactive zsh shows after `line` and a Tab: the completed line, or the list of
    candidates. `setup` runs first (compinit and loading the script). With `expect` (a regular
    expression), reading stops as soon as the output matches it, or after three times `timeout`
    (30 s), so a slow machine only makes the test slower; without it, what zsh printed in 2 s."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe("zsh", ["zsh", "-f", "-i"], env)
    out = b""

    def read_until(found, limit):
        nonlocal out
        end = time.time() + limit
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                out += chunk
                if found is not None and found(out):
                    return True
        return False

    try:
        os.write(fd, (f"PS1='> '; {setup}; print -r -- SETUP-DONE-$((6*7))\n").encode())
        if not read_until(lambda text: b"SETUP-DONE-42" in text, timeout):
            raise RuntimeError("zsh did not finish its setup: " + out.decode(errors="replace"))
        out = b""
        os.write(fd, (line + "\t").encode())
        if expect is None:
            read_until(None, 2.0)
        else:
            read_until(lambda text: re.search(expect, text.decode(errors="replace")), 3 * timeout)
        return out.decode(errors="replace")
    finally:
        try:
            os.write(fd, b"\x03exit\n")
        except OSError:
            pass
        try:
            os.close(fd)
        except OSError:
            pass
        os.waitpid(pid, 0)


def missing_shells():
    return [s for s in ("bash", "zsh", "fish") if shutil.which(s) is None]

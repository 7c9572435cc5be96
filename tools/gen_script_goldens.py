#!/usr/bin/env python3
"""Regenerate the golden outputs of Tests/InterpreterTests/scripts/.

For each NAME.py this runs CPython 3.11 (`python3 NAME.py`, cwd = the scripts
directory, PYTHONHASHSEED=0) and writes:
  NAME.out  exact stdout (always);
  NAME.err  only when the exit status is non-zero: the last line of stderr
            (e.g. `ZeroDivisionError: division by zero`), or `SystemExit: N`
            when the script left through sys.exit(N) without a traceback.
Stale .out/.err files (no matching .py, or .err of a script that now exits 0)
are removed. Running it twice gives the same files (idempotent).

Usage: tools/gen_script_goldens.py [--check]
  --check  regenerate into memory and report differences instead of writing.
"""
import os
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "Tests" / "InterpreterTests" / "scripts"
PYTHON = "python3"
TIMEOUT_SECONDS = 60
SIZE_LIMIT_BYTES = 1_000_000


def python_version():
    out = subprocess.run([PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    return out


def run_script(path):
    """Return (stdout, err_line_or_None) for one script."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
    env.pop("PYTHONSTARTUP", None)
    proc = subprocess.run([PYTHON, path.name], cwd=SCRIPTS, env=env,
                          capture_output=True, timeout=TIMEOUT_SECONDS)
    stdout = proc.stdout.decode("utf-8")
    if proc.returncode == 0:
        return stdout, None
    stderr_lines = [l for l in proc.stderr.decode("utf-8").splitlines() if l.strip()]
    has_traceback = any(l.startswith("Traceback (most recent call last):") for l in stderr_lines)
    if not has_traceback:
        return stdout, f"SystemExit: {proc.returncode}"
    return stdout, stderr_lines[-1]


def main():
    check = "--check" in sys.argv[1:]
    version = python_version()
    if version != "(3, 11)":
        sys.exit(f"gen_script_goldens: need CPython 3.11 as python3, found {version}")
    scripts = sorted(SCRIPTS.glob("*.py"))
    wanted = {}
    for script in scripts:
        out, err = run_script(script)
        wanted[script.with_suffix(".out")] = out
        if err is not None:
            wanted[script.with_suffix(".err")] = err + "\n"
    differences = 0
    for path, text in wanted.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            differences += 1
            if check:
                print(f"differs: {path.name}")
            else:
                path.write_text(text, encoding="utf-8")
    for path in sorted(list(SCRIPTS.glob("*.out")) + list(SCRIPTS.glob("*.err"))):
        if path not in wanted:
            differences += 1
            if check:
                print(f"stale: {path.name}")
            else:
                path.unlink()
    leftovers = sorted(p.name for p in SCRIPTS.iterdir() if p.name.startswith("_golden_tmp"))
    if leftovers:
        print(f"warning: scripts left temporary files behind: {leftovers}")
    total = sum(p.stat().st_size for p in SCRIPTS.iterdir() if p.is_file())
    errs = sum(1 for p in wanted if p.suffix == ".err")
    print(f"{len(scripts)} scripts, {errs} with .err, {differences} file(s) "
          f"{'differ' if check else 'updated'}, scripts dir {total} bytes")
    if total > SIZE_LIMIT_BYTES:
        sys.exit(f"gen_script_goldens: scripts dir is {total} bytes, over {SIZE_LIMIT_BYTES}")
    if check and differences:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Starts Orca (Debian's /usr/bin/orca) for the screen-reader journeys, with two changes that only matter when
several test sessions share a machine:

- Orca refuses to start when another Orca of the same user runs anywhere on the machine, and `--replace` kills
  it. Each test session has its own D-Bus bus, X display and accessibility bus, so the Orcas cannot hear each
  other: the check is skipped, and this one is named `orca-aide-test` so that no other `pgrep -x orca` sees it.
- The debug log (every utterance, "SPEECH OUTPUT: '…'") is written line by line, so the test can read what was
  said as soon as it is said instead of waiting for a block buffer to fill.

Usage: python3 start-orca.py --user-prefs DIR --debug-file FILE
"""
import builtins
import importlib.machinery
import importlib.util
import sys

ORCA = '/usr/bin/orca'

loader = importlib.machinery.SourceFileLoader('orca_launcher', ORCA)
spec = importlib.util.spec_from_loader('orca_launcher', loader)
launcher = importlib.util.module_from_spec(spec)
loader.exec_module(launcher)

launcher.otherOrcas = lambda: []
original_set_name = launcher.setProcessName
launcher.setProcessName = lambda name: original_set_name('orca-aide-test')

builtin_open = builtins.open


def open_line_buffered(file, mode='r', buffering=-1, *args, **kwargs):
    if 'w' in mode and 'b' not in mode and buffering == -1:
        buffering = 1
    return builtin_open(file, mode, buffering, *args, **kwargs)


builtins.open = open_line_buffered
sys.argv = ['orca', *sys.argv[1:]]
sys.exit(launcher.main())

"""A real screen reader on the real window, for tests/test_screen_reader.py: an X server
(Xvfb), a D-Bus session with the AT-SPI bus, Orca writing what it says to its debug
file, and gzexplorer on the xcb platform with Qt's AT-SPI bridge on. Keys are pressed
with xdotool; what Orca said is read back from the ``SPEECH OUTPUT`` lines of its log
(written even without a speech synthesiser).

Everything runs in a temporary folder of its own, on a display number Xvfb picks
(``-displayfd``) and a private session bus, so that two runs cannot meet; every process
is started in a session of its own and its whole group is killed at the end, whatever
the test did.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import gzexplorer

AT_SPI_BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's: the one python3-pyatspi is installed for
WALKER = Path(__file__).with_name("atspi_walk.py")
TIMEOUT = 60.0  # seconds to wait for something to be said: generous, for a loaded machine

# Orca, started as /usr/bin/orca starts it, but (1) its debug file is written a line at a
# time, so that what it says can be read as it says it (Orca does not flush it), and
# (2) without its one-Orca-per-user rule (it would not start beside another test run's
# Orca, and --replace would kill that one): every Orca here has a bus of its own.
_ORCA = """
import builtins, sys
path = sys.argv[1]
sys.argv = sys.argv[1:]
cli = {"__name__": "orca_cli", "__file__": path}
exec(compile(open(path).read(), path, "exec"), cli)
cli["open"] = lambda name, mode="r": builtins.open(name, mode, buffering=1)
cli["otherOrcas"] = lambda: []
sys.exit(cli["main"]())
"""

_FOCUS = re.compile(r"locusOfFocus: \[(.*?)\] activeScript")
_SAID = re.compile(r"SPEECH OUTPUT: '(.*?)' ?\{'established'", re.DOTALL)


def missing() -> str | None:
    """Why a screen-reader session cannot run here, or None when it can."""
    for tool, package in (
        ("Xvfb", "xvfb"),
        ("xdotool", "xdotool"),
        ("dbus-daemon", "dbus"),
        ("orca", "orca"),
    ):
        if shutil.which(tool) is None:
            return f"needs {tool} (apt-get install {package})"
    if not os.access(AT_SPI_BUS_LAUNCHER, os.X_OK):
        return f"needs the AT-SPI bus ({AT_SPI_BUS_LAUNCHER}: apt-get install at-spi2-core)"
    check = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    if (
        not os.access(SYSTEM_PYTHON, os.X_OK)
        or subprocess.run(check, capture_output=True).returncode
    ):
        return f"needs pyatspi for {SYSTEM_PYTHON} (apt-get install python3-pyatspi)"
    return None


class Desktop:
    """Xvfb, a session bus with the AT-SPI bus, and Orca; then apps started on them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env: dict[str, str] = {}
        self._procs: list[subprocess.Popen] = []
        self._names: dict[int, str] = {}  # pid: the name of its log
        self.orca_log = folder / "orca-debug.out"

    # -- starting ---------------------------------------------------------------------
    def start(self) -> None:
        home = self.folder / "home"
        runtime = self.folder / "run"
        for d in (home, runtime):
            d.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "GSETTINGS_BACKEND": "memory",  # Orca's GNOME settings: none to read or keep
            # No speech synthesiser: Orca logs what it would say. Speech Dispatcher is
            # neither spawned (a daemon outside the process groups ended here) nor found
            # running elsewhere.
            "SPEECHD_CMD": "/bin/false",
            "SPEECHD_SOCKET": str(runtime / "no-speechd.sock"),
        }
        self.env["DISPLAY"] = self._start_xvfb()
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_session_bus()
        self._spawn([AT_SPI_BUS_LAUNCHER, "--launch-immediately"], "at-spi-bus")
        prefs = self.folder / "orca-prefs"  # Orca's settings: defaults, kept here
        orca = [SYSTEM_PYTHON, "-c", _ORCA, shutil.which("orca") or "orca"]
        self._spawn([*orca, "--user-prefs", str(prefs), "--debug-file", str(self.orca_log)], "orca")
        self.wait_said(lambda said: any("Screen reader on" in s for s in said), since=0)

    def _start_xvfb(self) -> str:
        read, write = os.pipe()
        try:
            self._spawn(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    "1440x900x24",
                    "-nolisten",
                    "tcp",
                ],
                "xvfb",
                pass_fds=(write,),
            )
        finally:
            os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb writes it once it listens
        if not number.isdigit():
            raise RuntimeError(f"Xvfb did not start: {self._tail('xvfb')}")
        return f":{number}"

    def _start_session_bus(self) -> str:
        bus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            "dbus",
            stdout=subprocess.PIPE,
        )
        address = bus.stdout.readline().decode().strip() if bus.stdout else ""
        if not address:
            raise RuntimeError(f"the session bus did not start: {self._tail('dbus')}")
        return address

    def _spawn(
        self, argv: list[str], name: str, env: dict[str, str] | None = None, **kwargs
    ) -> subprocess.Popen:
        """Start ``argv`` in a session (and process group) of its own, output to a file."""
        with open(self.folder / f"{name}.log", "ab") as log:  # the child keeps its own copy
            kwargs.setdefault("stdout", log)
            proc = subprocess.Popen(
                argv,
                env=env or self.env,
                stdin=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
                **kwargs,
            )
        self._procs.append(proc)
        self._names[proc.pid] = name
        return proc

    def _tail(self, name: str, lines: int = 20) -> str:
        path = self.folder / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    # -- the app --------------------------------------------------------------------------
    def start_app(self, *args: str) -> App:
        """gzexplorer's window (``python -m gzexplorer *args``) with settings of its own,
        shown and given the keyboard focus (there is no window manager to do that)."""
        n = sum(1 for name in self._names.values() if name.startswith("app-"))
        home = self.folder / f"app-{n}"
        src = str(Path(gzexplorer.__file__).resolve().parent.parent)
        env = {
            **self.env,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "PYTHONPATH": os.pathsep.join([src, *filter(None, [os.environ.get("PYTHONPATH")])]),
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        since = self.mark()
        proc = self._spawn([sys.executable, "-m", "gzexplorer", *args], f"app-{n}", env=env)
        app = App(self, proc, f"app-{n}", since)
        app.focus()
        self.wait_said("gzexplorer frame", since)  # Orca has found the window active
        self.settle()  # the charts are built after the first frame: a flood of events
        return app

    def settle(self, quiet: float = 2.0) -> None:
        """Wait until Orca's log has not grown for ``quiet`` seconds (it has taken every
        event: while more than 50 wait, Orca drops some, a notification's among them)."""
        end = time.monotonic() + TIMEOUT
        size, still_since = -1, time.monotonic()
        while time.monotonic() < end:
            now = self.orca_log.stat().st_size if self.orca_log.exists() else 0
            if now != size:
                size, still_since = now, time.monotonic()
            elif time.monotonic() - still_since >= quiet:
                return
            time.sleep(0.2)

    # -- keys and speech ------------------------------------------------------------------
    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=TIMEOUT
        )
        return done.stdout

    def key(self, *keys: str) -> None:
        """Press and release keys (xdotool names: Tab, Right, ctrl+2, shift+Tab)."""
        self.xdotool("key", "--delay", "50", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "80", text)

    def said(self) -> list[str]:
        """Everything Orca has said so far, one utterance a line, oldest first."""
        if not self.orca_log.exists():
            return []
        return _SAID.findall(self.orca_log.read_text(errors="replace"))

    def mark(self) -> int:
        """A point in the speech log: what is said after it is ``said()[mark:]``."""
        return len(self.said())

    def wait_said(
        self,
        expected: str | Callable[[list[str]], bool],
        since: int,
        timeout: float = TIMEOUT,
    ) -> list[str]:
        """What Orca has said since ``since``, once ``expected`` (a piece of text, or a test
        of the utterances) is in it; AssertionError with what was said when it never is."""
        test = expected if callable(expected) else lambda said: any(expected in s for s in said)
        end = time.monotonic() + timeout
        while True:
            said = self.said()[since:]
            if test(said):
                return said
            if time.monotonic() > end:
                raise AssertionError(
                    f"Orca did not say {expected!r} in {timeout:.0f} s; it said:\n"
                    + "\n".join(f"  {s!r}" for s in said)
                )
            for p in self._procs:
                name = self._names[p.pid]
                if name in ("orca", "xvfb") and p.poll() is not None:
                    raise RuntimeError(f"{name} stopped: {self._tail(name)}")
            time.sleep(0.2)

    def focus(self) -> str:
        """Where Orca's focus is ("text | Search the document"), from its log: known
        even when Orca says nothing of it (a focus event it takes for one it has had)."""
        log = self.orca_log.read_text(errors="replace") if self.orca_log.exists() else ""
        found = _FOCUS.findall(log)
        return found[-1] if found else ""

    def wait_focus(self, expected: str, timeout: float = TIMEOUT) -> None:
        """Wait until Orca's focus is on an object whose "role | name" has ``expected``."""
        end = time.monotonic() + timeout
        while expected not in self.focus():
            if time.monotonic() > end:
                raise AssertionError(
                    f"Orca's focus never reached {expected!r}; it is on {self.focus()!r}"
                )
            time.sleep(0.2)

    def press(
        self, key: str, expected: str | Callable[[list[str]], bool], timeout: float = TIMEOUT
    ) -> list[str]:
        """Press ``key``; what Orca says after it, once ``expected`` is said."""
        since = self.mark()
        self.key(key)
        return self.wait_said(expected, since, timeout)

    def walk(self, *args: str) -> object:
        """The JSON that tests/atspi_walk.py prints, run with pyatspi's Python."""
        done = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT * 3,
        )
        if done.returncode:
            raise AssertionError(f"atspi_walk.py {' '.join(args)} failed:\n{done.stderr}")
        return json.loads(done.stdout)

    # -- stopping -------------------------------------------------------------------------
    def stop(self) -> None:
        """End every process started, last first, with its process group."""
        for proc in reversed(self._procs):
            _end(proc)
        self._procs.clear()


class App:
    """A gzexplorer window on a Desktop."""

    def __init__(self, desktop: Desktop, proc: subprocess.Popen, name: str, since: int) -> None:
        self.desktop = desktop
        self.proc = proc
        self.name = name  # of its log, in the desktop's folder
        self.since = since  # the speech log's mark when it was started

    def focus(self) -> None:
        """Wait for the window, and give it the keyboard focus."""
        end = time.monotonic() + TIMEOUT * 2
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gzexplorer stopped: {self.desktop._tail(self.name)}")
            found = self.desktop.xdotool(
                "search", "--onlyvisible", "--pid", str(self.proc.pid), "--name", "gzexplorer"
            ).split()
            if found:
                self.desktop.xdotool("windowfocus", "--sync", found[0])
                return
            time.sleep(0.3)
        raise AssertionError(f"no gzexplorer window appeared: {self.desktop._tail(self.name)}")

    def close(self) -> None:
        _end(self.proc)


def _end(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Terminate ``proc`` and its process group; kill what is left after ``grace``."""
    if proc.poll() is None or _group_alive(proc.pid):
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(grace)
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(grace)
    if proc.stdout:
        proc.stdout.close()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


@contextmanager
def desktop(folder: Path) -> Iterator[Desktop]:
    """A started Desktop in ``folder``, stopped (every process ended) on leaving."""
    d = Desktop(folder)
    try:
        d.start()
        yield d
    finally:
        d.stop()

#!/usr/bin/env bash
# End-to-end in tmux: the release binary, started under `sh -c` (an interactive bash would
# silently repair the terminal and hide a bug) at 100x30 on a private tmux server. After each way
# of leaving — q, Ctrl-C, SIGTERM, SIGUSR1, and a resize to 1x1 and back — the alternate screen
# must be off, the cursor visible, `stty` cooked (icanon, echo), and the exit code 128+n as
# documented. Ctrl+Z and `fg` (in a job-control shell), and SIGSTOP/SIGCONT from outside with
# the terminal reset behind the program's back, must give the terminal back and take it again.
# Left alone, the program must not wake up. Polling waits, never fixed sleeps for correctness.
# Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
bin="${1:-target/release/groupfit}"
socket="groupfit-e2e-$$"
work="$(mktemp -d)"
passed=0
failed=0

tm() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; tm capture-pane -p -t e2e 2>/dev/null | sed 's/^/     | /' | head -40; }

# wait_for PATTERN: polls the screen for up to 10 s.
wait_for() {
  for _ in $(seq 1 200); do
    tm capture-pane -p -t e2e 2>/dev/null | grep -q -- "$1" && return 0
    sleep 0.05
  done
  return 1
}

# start: a fresh session running the app; when it exits, the shell records the exit code and
# the terminal settings.
start() {
  tm kill-server 2>/dev/null
  for _ in $(seq 1 100); do tm list-sessions >/dev/null 2>&1 || break; sleep 0.05; done
  rm -f "$work/stty"
  tm new-session -d -s e2e -x 100 -y 30 \
    "sh -c '$bin; echo EXIT=\$?; stty -a > $work/stty; sleep 60'"
  tm set-option -g window-size manual >/dev/null
  wait_for "Press Enter to begin"
}

keys() { tm send-keys -t e2e "$@"; }

# restored NAME CODE: the app exited with CODE and left the terminal as it found it.
restored() {
  local name="$1" code="$2"
  if ! wait_for "EXIT=$code"; then fail "$name: exit code $code"; return; fi
  for _ in $(seq 1 100); do [ -s "$work/stty" ] && break; sleep 0.05; done
  local modes; modes="$(tm display -p -t e2e '#{alternate_on} #{cursor_flag}')"
  if [ "$modes" != "0 1" ]; then fail "$name: alternate screen / cursor are '$modes', want '0 1'"; return; fi
  if ! tr ' ' '\n' < "$work/stty" | grep -qx 'icanon' || ! tr ' ' '\n' < "$work/stty" | grep -qx 'echo'; then
    fail "$name: stty is not cooked"; return
  fi
  ok "$name: exit $code, main screen, cursor shown, stty cooked"
}

# 1. A walk to the result, then q and y.
if start; then
  keys Enter; wait_for "Over the last 2 weeks" || fail "first question"
  for _ in 1 2 3 4 5 6 7 8 9 10 11; do keys 1 Enter; done   # safety: a digit highlights, Enter confirms
  # screening: where an answer can call for help first (age, memory, eating, daily life), or
  # several can be ticked, Enter confirms
  wait_for "How old are you" && keys 4 Enter
  wait_for "forget things" && keys 1 Enter && keys 4 && keys 7 Enter && keys 1
  # daily life can call for help first, so it is asked before the questions that score; then
  # what could still move her result most comes next (a loss, her main hope, ...)
  wait_for "affecting your daily life" && keys 2 Enter
  wait_for "What brings you" && keys 1 Enter
  wait_for "main hope" && keys 1
  wait_for "same time every week" && for k in 6 1 1 1 1 1 3 1; do keys "$k"; done
  # "say goodbye over a few sessions": fine either way settles the result
  wait_for "say goodbye" && keys 2
  wait_for "Your result is settled" && keys Enter
  if wait_for "Your answers point towards: Support group."; then ok "walk: reaches the support-group result"; else fail "walk: result"; fi
  keys q; wait_for "Leave groupfit?" && keys y
  restored "walk, q" 0
else
  fail "walk: start"
fi

# 2. Ctrl-C leaves at once.
if start; then keys Enter 1; keys C-c; restored "Ctrl-C" 130; else fail "Ctrl-C: start"; fi

# 3. SIGTERM.
if start; then
  shell="$(tm display -p -t e2e '#{pane_pid}')"
  app="$(pgrep -P "$shell" | head -n 1)"
  kill -TERM "$app"
  restored "SIGTERM" 143
else
  fail "SIGTERM: start"
fi

# 4. A resize to 1x1 and back: no crash, the screen comes back, q still leaves.
if start; then
  tm resize-window -t e2e -x 1 -y 1
  sleep 0.2
  tm resize-window -t e2e -x 100 -y 30
  if wait_for "Press Enter to begin"; then ok "resize to 1x1 and back: redrawn"; else fail "resize: redraw"; fi
  keys q
  restored "resize, q" 0
else
  fail "resize: start"
fi

# app_pid: the program's pid in the running session (the shell's child).
app_pid() {
  local shell; shell="$(tm display -p -t e2e '#{pane_pid}')"
  pgrep -P "$shell" | head -n 1
}

# 5. SIGUSR1 (any signal whose default is to end the program): restored, exit 128+10.
if start; then kill -USR1 "$(app_pid)"; restored "SIGUSR1" 138; else fail "SIGUSR1: start"; fi

# 6. Idle means idle: context switches of every thread over three idle seconds.
if start; then
  app="$(app_pid)"
  switches() { cat /proc/"$app"/task/*/status | awk '/voluntary_ctxt_switches/ {s += $2} END {print s}'; }
  sleep 0.5
  before="$(switches)"; sleep 3; after="$(switches)"
  if [ $((after - before)) -le 5 ]; then ok "idle: $((after - before)) context switches in 3 s"; else fail "idle: $((after - before)) context switches in 3 s"; fi
  keys q; restored "idle, q" 0
else
  fail "idle: start"
fi

# 7. SIGSTOP, the terminal reset to cooked behind the program's back, SIGCONT: raw mode and the
#    screen come back.
if start; then
  app="$(app_pid)"; tty="$(tm display -p -t e2e '#{pane_tty}')"
  kill -STOP "$app"
  stty -F "$tty" sane
  tm send-keys -t e2e C-l
  kill -CONT "$app"
  sleep 0.3
  if stty -F "$tty" -a | tr ' ' '\n' | grep -qx -- '-icanon' && wait_for "Press Enter to begin"; then
    ok "SIGSTOP/SIGCONT: raw mode back, screen redrawn"
  else
    fail "SIGSTOP/SIGCONT: terminal not taken back"
  fi
  keys Enter; wait_for "Over the last 2 weeks" && ok "SIGCONT: keys work after" || fail "SIGCONT: keys"
  keys q; restored "SIGCONT, q" 0
else
  fail "SIGCONT: start"
fi

# 8. Ctrl+Z and fg in a job-control shell: the terminal is given back while stopped, and taken
#    again, redrawn, on fg.
tm kill-server 2>/dev/null
for _ in $(seq 1 100); do tm list-sessions >/dev/null 2>&1 || break; sleep 0.05; done
tm new-session -d -s e2e -x 100 -y 30 "bash --norc --noprofile -i"
tm set-option -g window-size manual >/dev/null
sleep 0.3
keys "$bin" Enter
if wait_for "Press Enter to begin"; then
  keys C-z
  if wait_for "Stopped" && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ]; then
    keys "stty -a | tr ' ' '\n' | grep -x icanon" Enter
    if wait_for "^icanon"; then ok "Ctrl+Z: stopped, main screen, terminal cooked"; else fail "Ctrl+Z: terminal not cooked"; fi
  else
    fail "Ctrl+Z: not stopped"
  fi
  keys fg Enter
  if wait_for "Press Enter to begin" && [ "$(tm display -p -t e2e '#{alternate_on}')" = "1" ]; then
    keys Enter
    if wait_for "Over the last 2 weeks"; then ok "fg: redrawn and answering keys"; else fail "fg: keys"; fi
  else
    fail "fg: not redrawn"
  fi
  keys C-x
else
  fail "Ctrl+Z: start"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

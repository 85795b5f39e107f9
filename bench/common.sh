# Shared by the bench scripts; sourced, not run.

# Waits up to 20 s for a server started in the background to print its http://127.0.0.1 address
# in the file $1, and prints it; fails with the file's text when none appears.
wait_for_url() {
  local found=""
  for _ in $(seq 200); do
    found="$(grep -o 'http://127.0.0.1:[0-9]*/' "$1" || true)"
    [ -n "$found" ] && break
    sleep 0.1
  done
  [ -n "$found" ] || { cat "$1" >&2; return 1; }
  echo "$found"
}

# One line on the machine the figures come from.
machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

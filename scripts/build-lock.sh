# build-lock.sh: sourced by ./statusnotify and ./benchmark (not run on its own); expects $dir, the repository root.
# Both build with Maven into this clone's target/ directories, so two started at once on a fresh clone would both
# build and one would fail ("Could not replace original artifact with shaded artifact"). They share one lock,
# .statusnotify/build.lock: the second waits, then finds the build done. flock(1) (util-linux) where it exists; a
# mkdir lock elsewhere (macOS), holding the pid of its owner so that one left by a killed build is taken over.
#
#   build_when_needed NAME  the caller's `build REASON` when its `build_reason` prints one, under the lock; the
#                           reason is asked again once the lock is held, so a build finished meanwhile is not redone
#   build_lock_take NAME    returns holding the lock, saying so once when it has to wait
#   build_lock_release      before exec-ing the app: the lock must not live as long as the app

build_lock_file="$dir/.statusnotify/build.lock"
build_lock_held_dir=""

build_when_needed() {
  local reason
  [[ -n "$(build_reason)" ]] || return 0
  build_lock_take "$1"
  reason="$(build_reason)"
  if [[ -n "$reason" ]]; then
    build "$reason"
  fi
  build_lock_release
}

build_lock_take() {
  mkdir -p "$(dirname "$build_lock_file")"
  if command -v flock >/dev/null 2>&1; then
    # fd 9, not {var}: bash 3.2 (macOS) has no named file descriptors.
    exec 9>"$build_lock_file"
    if ! flock -n 9; then
      echo "$1: waiting for another build to finish (lock $build_lock_file)..." >&2
      flock 9
    fi
  else
    build_lock_take_mkdir "$1" "$build_lock_file.d"
  fi
}

build_lock_release() {
  if [[ -n "$build_lock_held_dir" ]]; then
    rm -rf "$build_lock_held_dir"
    build_lock_held_dir=""
    trap - EXIT
  fi
  exec 9>&-
}

# mkdir is atomic: whoever creates the directory holds the lock.
build_lock_take_mkdir() {
  local name="$1" lock="$2" owner said=""
  until mkdir "$lock" 2>/dev/null; do
    owner="$(cat "$lock/pid" 2>/dev/null || true)"
    if [[ -n "$owner" ]] && ! kill -0 "$owner" 2>/dev/null; then
      # Its owner is gone without releasing it (killed, or the machine went down): nobody builds.
      echo "$name: taking over the build lock of process $owner, which is gone ($lock)" >&2
      rm -rf "$lock"
      continue
    fi
    if [[ -z "$said" ]]; then
      echo "$name: waiting for another build to finish (lock $lock)..." >&2
      said=1
    fi
    sleep 1
  done
  echo "$$" >"$lock/pid"
  build_lock_held_dir="$lock"
  # A failed build exits from inside; the lock goes with it.
  trap build_lock_release EXIT
}

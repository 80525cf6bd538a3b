#!/usr/bin/env bash
# two-at-once.sh: the build lock (scripts/build-lock.sh) on a clean clone, as a new user would meet it. Clones this
# repository at its HEAD commit (uncommitted changes are not in it) into a temporary directory, starts
# `./statusnotify --help` twice at once there, and checks that both exit 0 and print the usage, that one waited
# for the other's build, and that Maven built once. Takes minutes: a full build (dependencies from ~/.m2, nothing
# installed there). The clone is removed at the end unless --keep is given.
#   scripts/two-at-once.sh [--keep]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
keep=""
[[ "${1:-}" == "--keep" ]] && keep=1
work="$(mktemp -d "${TMPDIR:-/tmp}/statusnotify-two-at-once.XXXXXX")"
cleanup() {
  if [[ -z "$keep" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

commit="$(git -C "$repo" rev-parse HEAD)"
git clone --quiet --no-checkout "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$commit"
echo "clean clone of ${commit:0:12} in $work/clone; starting ./statusnotify --help twice at once..."

start=$SECONDS
(cd "$work/clone" && exec ./statusnotify --help) >"$work/first.out" 2>&1 &
first=$!
(cd "$work/clone" && exec ./statusnotify --help) >"$work/second.out" 2>&1 &
second=$!
first_rc=0
wait "$first" || first_rc=$?
second_rc=0
wait "$second" || second_rc=$?
elapsed=$((SECONDS - start))

failed=""
for run in first second; do
  rc_var="${run}_rc"
  echo "--- $run: exit ${!rc_var}"
  grep -v '^  ' "$work/$run.out" | head -n 5
  if [[ "${!rc_var}" != 0 ]] || ! grep -q '^Usage: statusnotify' "$work/$run.out"; then
    failed=1
    echo "--- $run's whole output:"
    cat "$work/$run.out"
  fi
done
waited="$(grep -l 'waiting for another build' "$work/first.out" "$work/second.out" | wc -l)"
builds="$(grep -l '^building statusnotify' "$work/first.out" "$work/second.out" | wc -l)"
echo "--- both done in ${elapsed}s; built by $builds, waited: $waited"
if [[ -n "$failed" || "$builds" != 1 || "$waited" != 1 ]]; then
  echo "FAILED: two ./statusnotify --help at once on a clean clone (expected both exit 0, one build, one wait)"
  exit 1
fi
echo "OK: both exit 0, one built, the other waited and ran without building"

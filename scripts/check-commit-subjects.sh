#!/usr/bin/env bash
# Fails when a commit subject is longer than 72 characters (the house rule; the why goes in the body).
# Checks the commits after dce09a4, where the rule started being checked: older history is left as it is.
# Usage: scripts/check-commit-subjects.sh [base]   (default base: dce09a4)
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-dce09a4}"
if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
  echo "check-commit-subjects: $base is not in this clone's history; nothing to check" >&2
  exit 0
fi
bad=0
while IFS=$'\t' read -r hash subject; do
  if (( ${#subject} > 72 )); then
    echo "commit $hash: subject is ${#subject} characters (at most 72): $subject" >&2
    bad=1
  fi
done < <(git log --no-merges --format='%h%x09%s' "$base..HEAD")
exit "$bad"

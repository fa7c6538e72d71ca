#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"

# Browser tests drive Debian's Chromium; Japanese needs CJK fonts in screenshots. FAX recognition reads with tesseract
# (English for codes and numbers, Japanese for comments).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in fonts-noto-cjk tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from apt..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
rm -rf TestResults
status=0
dotnet test SmartOffice.Console.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@" || status=$?

# A plain closing line with the counts, read by CI whatever the runner prints.
trx=TestResults/results.trx
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # CI keeps only the output's tail: name each failed test there, just above the counts.
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED \1/p' || true
  echo "${passed:-0} passed, ${failed:-0} failed"
fi
exit $status

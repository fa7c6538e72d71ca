#!/usr/bin/env bash
# The benchmark command (not a test, never part of CI): builds in Release, prepares the large demo data once
# (bench/.data/, cached between runs), runs every benchmark — or the ones named: ./bench.sh order-entry-pricing — and
# prints one table: figure, value, baseline, ratio, target, met. The same rows go to bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")"

# The circuits benchmark drives Debian's Chromium, as the browser tests do; fax-recognition reads with tesseract.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from apt..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $# -eq 0 ]; then
  set -- all
fi
# The build's time goes to the runner's footer with each benchmark's (docs/performance.md).
build_started=$SECONDS
dotnet build -c Release bench/SmartOffice.Bench -v quiet -nologo
export BENCH_BUILD_SECONDS=$((SECONDS - build_started))
dotnet run -c Release --no-build --project bench/SmartOffice.Bench -- "$@"

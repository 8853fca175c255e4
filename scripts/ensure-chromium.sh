#!/usr/bin/env bash
# The browser test (test/e2e/walkthrough.browser.test.ts) drives Debian's Chromium: never a browser download.
# Installs the `chromium` package (and a font for readable screenshots; the other recommended packages are
# for desktops) when /usr/bin/chromium is missing; needs root, as CI has.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium ontbreekt ($CHROMIUM). Installeer het als root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# bounded (together under the 6 minutes the test setup waits): a stuck mirror must not hang CI
timeout 150 apt-get update -qq -o Acquire::http::Timeout=30 -o Acquire::Retries=2
timeout 200 apt-get install -y -qq --no-install-recommends -o Acquire::http::Timeout=30 -o Acquire::Retries=2 chromium fonts-liberation
"$CHROMIUM" --version

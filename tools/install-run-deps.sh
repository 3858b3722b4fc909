#!/usr/bin/env bash
# What the window needs before `make run` opens it on Linux: the X libraries Qt's xcb plugin
# loads (tools/install-test-deps.sh's list, without the virtual X server and xdotool).
# Missing ones are installed with apt-get (as root, or with sudo), or named in one line.
# Never fails: when nothing can be installed, the program starts and explains itself.
set -uo pipefail
packages=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
          libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0
          libxcb-xkb1 libegl1 libfontconfig1 libdbus-1-3)
# the same, as the libraries themselves: for systems without Debian's package tools
libraries=(libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-cursor.so.0 libxkbcommon-x11.so.0
           libxcb-xinerama.so.0 libxcb-randr.so.0 libxcb-render-util.so.0 libxcb-image.so.0
           libxcb-shape.so.0 libxcb-xkb.so.1 libEGL.so.1 libfontconfig.so.1 libdbus-1.so.3)
me="install-run-deps"

[ "$(uname -s)" = Linux ] || exit 0  # macOS and Windows bring what Qt needs
case "${QT_QPA_PLATFORM:-xcb}" in
  xcb*) ;;
  *) exit 0 ;;  # offscreen, wayland, eglfs...: not the X plugin
esac
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "$me: no display found; to try it headless: QT_QPA_PLATFORM=offscreen make run" >&2
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  command -v ldconfig >/dev/null 2>&1 || exit 0  # nothing here can tell what is installed
  known=$(ldconfig -p 2>/dev/null)
  missing=()
  for lib in "${libraries[@]}"; do
    grep -qF "$lib " <<<"$known" || missing+=("$lib")
  done
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "$me: the window needs these libraries; install your system's packages for: ${missing[*]}" >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  # sudo without a password, or one asked for at this terminal
  if command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
    sudo="sudo"
  else
    sudo="none"
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$me: the window needs these packages; please install: ${missing[*]}" >&2
  exit 0
fi
if [ "$sudo" = none ]; then
  echo "$me: the window needs these packages: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi

echo "$me: installing the window's X libraries${sudo:+ with sudo}: ${missing[*]}"
if ! said=$({ $sudo apt-get update -qq &&
              $sudo env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends "${missing[@]}"; } 2>&1); then
  last=${said##*$'\n'}
  echo "$me: apt-get could not install them${last:+ ($last)}; please install: ${missing[*]}" >&2
fi
exit 0

#!/usr/bin/env bash
# System packages the real-window test needs: a virtual X server, xdotool, and the X libraries
# Qt's xcb plugin loads. Installed with apt-get when missing (as root, or with sudo).
set -euo pipefail
packages=(xvfb xdotool libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
          libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0
          libxcb-xkb1 libegl1 libfontconfig1 libdbus-1-3)
exec bash "$(dirname "$0")/apt-install.sh" install-test-deps "${packages[@]}"

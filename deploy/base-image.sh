#!/usr/bin/env bash
# Builds a minimal Debian bookworm image with python3 from Debian's own packages (debootstrap), for
# machines that reach Debian's mirrors but not Docker Hub. deploy/Dockerfile then builds on it:
#   sudo deploy/base-image.sh localhost/debian-python3:bookworm
#   podman build --build-arg BASE=localhost/debian-python3:bookworm -f deploy/Dockerfile -t kakehashi .
# Needs: debootstrap and podman (apt-get install debootstrap podman), root (debootstrap creates devices).
set -euo pipefail
tag="${1:-localhost/debian-python3:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$rootfs" "$mirror"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin
tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' - "$tag"
echo "built $tag"

# apt_install PACKAGE...: installs the packages that are not installed yet (as root), waiting up
# to 10 minutes for the apt and dpkg locks that another apt run holds instead of failing.
apt_install() {
    local need=() p
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
    done
    [ ${#need[@]} -eq 0 ] && return 0
    export DEBIAN_FRONTEND=noninteractive
    # DPkg::Lock::Timeout covers dpkg's locks; `update` takes the lists lock, which apt only
    # waits for with the same option from apt 2.x on, so retry it while another update runs.
    local try
    for try in $(seq 1 60); do
        apt-get -o DPkg::Lock::Timeout=600 update && break
        [ "$try" -eq 60 ] && return 1
        echo "apt-get update failed (another apt running?); retrying in 10 s" >&2
        sleep 10
    done
    apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${need[@]}"
}

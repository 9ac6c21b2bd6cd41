# Shared by scripts/test and helpers: a local SMTP sink (Debian's python3-aiosmtpd) on 127.0.0.1:${INFRALEDGER_SMTP_PORT:-52525}
# that keeps every mail it receives in a Maildir; exports INFRALEDGER_TEST_SMTP (host:port) and INFRALEDGER_TEST_MAILBOX
# (the Maildir), which the tests read the mails from. Installs python3-aiosmtpd when missing (scripts/test does it in its
# one apt run). Debian's /usr/bin/python3 on purpose: the python3 on PATH may be another one without the package.
. "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "scripts/lib/smtp.sh: installing python3-aiosmtpd (Debian package)"
  apt_install python3-aiosmtpd
fi
smtp_port=${INFRALEDGER_SMTP_PORT:-52525}
smtp_dir=${INFRALEDGER_SMTP_DIR:-${TMPDIR:-/tmp}/infraledger-test-smtp-$smtp_port}
smtp_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; }
if ! smtp_listening; then
  mkdir -p "$smtp_dir/tmp" "$smtp_dir/new" "$smtp_dir/cur"
  echo "scripts/test: starting an SMTP sink on 127.0.0.1:$smtp_port ($smtp_dir)"
  # Detached from this shell (its own session), so that it outlives scripts/test like the PostgreSQL instance does.
  setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$smtp_dir" \
    >"$smtp_dir.log" 2>&1 </dev/null &
  for _ in $(seq 50); do smtp_listening && break; sleep 0.1; done
  smtp_listening || { cat "$smtp_dir.log" >&2; echo "scripts/lib/smtp.sh: the SMTP sink did not start" >&2; return 1 2>/dev/null || exit 1; }
fi
export INFRALEDGER_TEST_SMTP="127.0.0.1:$smtp_port"
export INFRALEDGER_TEST_MAILBOX="$smtp_dir"

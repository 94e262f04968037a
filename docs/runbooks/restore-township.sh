#!/usr/bin/env bash
# Writes the SQL that puts one township back as its export archive has it (tenant-admin export CODE -o FILE):
# its current rows are deleted and the archive's rows inserted, in one transaction, with foreign keys and triggers
# off while it runs (the rows were consistent when exported), then every day of its figures marked for recounting.
# Usage: restore-township.sh CODE ARCHIVE.zip > restore-CODE.sql; then, as a superuser of the database:
#        psql "$SUPERUSER_URL" -v ON_ERROR_STOP=1 -f restore-CODE.sql     (docs/runbooks/backup-restore.md)
set -euo pipefail
code=${1:?township code}
archive=${2:?export archive (zip)}
[[ "$code" =~ ^[a-z][a-z0-9-]{1,31}$ ]] || { echo "not a township code: $code" >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/restore-$code.XXXXXX")
unzip -q "$archive" -d "$dir"
[[ -s "$dir/platform/tenant.jsonl" ]] || { echo "$archive has no platform/tenant.jsonl: not an export" >&2; exit 2; }

echo "-- restore of township $code from $archive ($dir)"
echo "BEGIN;"
echo "SET LOCAL session_replication_role = replica;"
for file in "$dir"/tenant/*.jsonl; do
  echo "DELETE FROM \"$(basename "$file" .jsonl)\" WHERE tenant_id = '$code';"
done
for table in membership audit_log township_day township_period township_day_dirty; do
  echo "DELETE FROM $table WHERE tenant_code = '$code';"
done
echo "DELETE FROM tenant WHERE code = '$code';"
echo "CREATE TEMP TABLE export_line (doc jsonb) ON COMMIT DROP;"
for file in "$dir"/platform/*.jsonl "$dir"/tenant/*.jsonl; do
  table=$(basename "$file" .jsonl)
  echo "TRUNCATE export_line;"
  # one JSON document a line: CSV with quote and delimiter characters that JSON text never holds raw
  echo "\\copy export_line FROM '$file' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
  echo "INSERT INTO \"$table\" OVERRIDING SYSTEM VALUE SELECT (jsonb_populate_record(NULL::\"$table\", doc)).* FROM export_line;"
done
# the figures of regional comparison are recounted from the restored rows by the API's refresher
echo "INSERT INTO township_day_dirty (tenant_code, day)"
echo "  SELECT '$code', d::date FROM generate_series(current_date - interval '5 years', current_date, interval '1 day') d;"
echo "COMMIT;"

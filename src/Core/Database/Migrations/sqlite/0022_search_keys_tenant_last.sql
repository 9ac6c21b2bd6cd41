-- 0022 search keys, tenant last (SQLite): nothing to change. PostgreSQL reorders the columns of its trigram GIN indexes
-- (ADR 0034); SQLite searches through its FTS5 trigram tables (migration 0018), whose shape stays. The script exists so
-- that both providers carry the same versions.
-- Never edit once released: add a new numbered script.
SELECT 1;

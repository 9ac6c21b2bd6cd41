-- 0013 tamper-evident register (PostgreSQL): every register row version carries the audit event that wrote it, and the
-- event the count and Merkle root of those versions (ADR 0005); the public page's projection is kept when a body
-- publishes (ADR 0013, issue 17 F5). Rows written before this script have no event until `infraledger audit seal`.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

ALTER TABLE audit_events ADD COLUMN row_count bigint;

ALTER TABLE audit_events ADD COLUMN rows_digest character varying(64);

ALTER TABLE facilities ADD COLUMN audit_sequence bigint;

ALTER TABLE fixed_assets ADD COLUMN audit_sequence bigint;

ALTER TABLE register_versions ADD COLUMN audit_sequence bigint;

CREATE TABLE published_projections (
    code character(6) NOT NULL,
    fiscal_year integer NOT NULL,
    base_year integer NOT NULL,
    categories text NOT NULL,
    computed_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_published_projections PRIMARY KEY (code, fiscal_year),
    CONSTRAINT fk_published_projections_local_governments_code FOREIGN KEY (code) REFERENCES local_governments (code) ON DELETE RESTRICT
);

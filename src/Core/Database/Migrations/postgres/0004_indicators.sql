-- 0004 indicators (PostgreSQL): published statistics with their sources, 類似団体区分, tenants' populations.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE statistics_sources (
    id character varying(50) NOT NULL,
    title character varying(200) NOT NULL,
    publisher character varying(100) NOT NULL,
    licence character varying(200) NOT NULL,
    attribution character varying(300) NOT NULL,
    url character varying(500),
    note character varying(1000),
    sha256 character varying(64) NOT NULL,
    row_count integer NOT NULL,
    loaded_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_statistics_sources PRIMARY KEY (id)
);

CREATE TABLE public_indicator_values (
    code character(6) NOT NULL,
    fiscal_year integer NOT NULL,
    indicator character varying(50) NOT NULL,
    text character varying(40),
    prefecture_name character varying(10) NOT NULL,
    body_name character varying(50) NOT NULL,
    source_id character varying(50) NOT NULL,
    CONSTRAINT pk_public_indicator_values PRIMARY KEY (code, fiscal_year, indicator),
    CONSTRAINT fk_public_indicator_values_statistics_sources_source_id FOREIGN KEY (source_id) REFERENCES statistics_sources (id) ON DELETE RESTRICT
);

CREATE TABLE similar_groups (
    code character(6) NOT NULL,
    fiscal_year integer NOT NULL,
    "group" character varying(30) NOT NULL,
    source_id character varying(50) NOT NULL,
    CONSTRAINT pk_similar_groups PRIMARY KEY (code, fiscal_year),
    CONSTRAINT fk_similar_groups_statistics_sources_source_id FOREIGN KEY (source_id) REFERENCES statistics_sources (id) ON DELETE RESTRICT
);

CREATE TABLE populations (
    tenant_id character(6) NOT NULL,
    fiscal_year integer NOT NULL,
    population integer NOT NULL,
    basis character varying(50) NOT NULL,
    as_of date,
    source character varying(300) NOT NULL,
    secondary_industry_share numeric(5,2),
    tertiary_industry_share numeric(5,2),
    is_sample boolean NOT NULL,
    CONSTRAINT pk_populations PRIMARY KEY (tenant_id, fiscal_year),
    CONSTRAINT fk_populations_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE INDEX ix_public_indicator_values_indicator_fiscal_year ON public_indicator_values (indicator, fiscal_year);

CREATE INDEX ix_public_indicator_values_source_id ON public_indicator_values (source_id);

CREATE INDEX ix_similar_groups_fiscal_year_group ON similar_groups (fiscal_year, "group");

CREATE INDEX ix_similar_groups_source_id ON similar_groups (source_id);

-- 0017 group plans and plan publishing (PostgreSQL): a wide-area group's admin body (幹事団体), which sees and runs the
-- whole group plan (issue 20 item 5), and the plan summaries tenants publish to the public dashboards and as open data
-- (item 6).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.
-- group_plans keeps each run of a group's plan (the group's data, read only after a membership check).
-- No group has an admin body until the operator names one: until then every member sees only its own share.

ALTER TABLE wide_area_group_members ADD COLUMN is_admin boolean NOT NULL DEFAULT FALSE;

CREATE TABLE published_plan_summaries (
    code character(6) NOT NULL,
    title character varying(200) NOT NULL,
    first_year integer NOT NULL,
    last_year integer NOT NULL,
    summary text NOT NULL,
    published_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_published_plan_summaries PRIMARY KEY (code),
    CONSTRAINT fk_published_plan_summaries_local_governments_code FOREIGN KEY (code) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE group_plans (
    group_id bigint NOT NULL,
    version integer NOT NULL,
    created_by character(6) NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    content text NOT NULL,
    CONSTRAINT pk_group_plans PRIMARY KEY (group_id, version),
    CONSTRAINT fk_group_plans_wide_area_groups_group_id FOREIGN KEY (group_id) REFERENCES wide_area_groups (id) ON DELETE CASCADE
);

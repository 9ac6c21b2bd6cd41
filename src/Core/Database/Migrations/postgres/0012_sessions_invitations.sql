-- 0012 sessions and invitations (PostgreSQL): server-side sign-in sessions (ADR 0016) — the cookie is accepted only while
-- its row exists — and invitations to a tenant, accepted through a one-time link (ADR 0018).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE user_sessions (
    id character varying(64) NOT NULL,
    user_id text NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    expires_at_utc timestamp with time zone NOT NULL,
    client_address character varying(64),
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE tenant_invitations (
    tenant_id character(6) NOT NULL,
    id character varying(16) NOT NULL,
    email character varying(256) NOT NULL,
    normalized_email character varying(256) NOT NULL,
    role integer NOT NULL,
    secret_hash character varying(64) NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    created_by character varying(200) NOT NULL,
    expires_at_utc timestamp with time zone NOT NULL,
    accepted_at_utc timestamp with time zone,
    accepted_by_user_id character varying(450),
    revoked_at_utc timestamp with time zone,
    CONSTRAINT pk_tenant_invitations PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_tenant_invitations_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE INDEX ix_tenant_invitations_tenant_id_normalized_email ON tenant_invitations (tenant_id, normalized_email);
CREATE INDEX ix_user_sessions_expires_at_utc ON user_sessions (expires_at_utc);
CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);

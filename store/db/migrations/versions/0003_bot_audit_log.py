"""The bot's audit log (lookups and feedback), the deliveries it has seen, and the tables of
slack_sdk's OAuth installation and state stores, written out as slack_sdk 3.x defines them so
that this revision means the same whatever slack_sdk is installed later.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

MAX_ID_CHARS = 64
MAX_SEEN_KEY_CHARS = 200


def upgrade() -> None:
    _audit_log()
    _slack_oauth_stores()


def _audit_log() -> None:
    op.create_table(
        "lookups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace", sa.String(MAX_ID_CHARS), nullable=False),
        sa.Column("channel", sa.String(MAX_ID_CHARS), nullable=True),
        sa.Column("user_id", sa.String(MAX_ID_CHARS), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("claimed_speaker", sa.Text(), nullable=True),
        sa.Column("verdict", sa.String(32), nullable=False),
        sa.Column("attribution", sa.String(16), nullable=False),
        sa.Column("quotation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["quotation_id"],
            ["quotations.id"],
            name="fk_lookups_quotation_id_quotations",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_lookups"),
    )
    op.create_index(
        "ix_lookups_workspace_user_id_asked_at", "lookups", ["workspace", "user_id", "asked_at"]
    )
    op.create_index("ix_lookups_quotation_id", "lookups", ["quotation_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lookup_id", sa.Integer(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(MAX_ID_CHARS), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.CheckConstraint("kind IN ('wrong_match')", name="ck_feedback_kind"),
        sa.ForeignKeyConstraint(
            ["lookup_id"], ["lookups.id"], name="fk_feedback_lookup_id_lookups", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
        sa.UniqueConstraint(
            "lookup_id", "user_id", "kind", name="uq_feedback_lookup_id_user_id_kind"
        ),
    )
    op.create_table(
        "seen_events",
        sa.Column("key", sa.String(MAX_SEEN_KEY_CHARS), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_seen_events"),
    )
    op.create_index("ix_seen_events_seen_at", "seen_events", ["seen_at"])


def _slack_oauth_stores() -> None:
    # slack_sdk.oauth.installation_store.sqlalchemy.SQLAlchemyInstallationStore
    op.create_table(
        "slack_installations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_id", sa.String(32), nullable=False),
        sa.Column("app_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32)),
        sa.Column("enterprise_name", sa.String(200)),
        sa.Column("enterprise_url", sa.String(200)),
        sa.Column("team_id", sa.String(32)),
        sa.Column("team_name", sa.String(200)),
        sa.Column("bot_token", sa.String(200)),
        sa.Column("bot_id", sa.String(32)),
        sa.Column("bot_user_id", sa.String(32)),
        sa.Column("bot_scopes", sa.String(1000)),
        sa.Column("bot_refresh_token", sa.String(200)),
        sa.Column("bot_token_expires_at", sa.DateTime()),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("user_token", sa.String(200)),
        sa.Column("user_scopes", sa.String(1000)),
        sa.Column("user_refresh_token", sa.String(200)),
        sa.Column("user_token_expires_at", sa.DateTime()),
        sa.Column("incoming_webhook_url", sa.String(200)),
        sa.Column("incoming_webhook_channel", sa.String(200)),
        sa.Column("incoming_webhook_channel_id", sa.String(200)),
        sa.Column("incoming_webhook_configuration_url", sa.String(200)),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("token_type", sa.String(32)),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "slack_installations_idx",
        "slack_installations",
        ["client_id", "enterprise_id", "team_id", "user_id", "installed_at"],
    )
    op.create_table(
        "slack_bots",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_id", sa.String(32), nullable=False),
        sa.Column("app_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32)),
        sa.Column("enterprise_name", sa.String(200)),
        sa.Column("team_id", sa.String(32)),
        sa.Column("team_name", sa.String(200)),
        sa.Column("bot_token", sa.String(200)),
        sa.Column("bot_id", sa.String(32)),
        sa.Column("bot_user_id", sa.String(32)),
        sa.Column("bot_scopes", sa.String(1000)),
        sa.Column("bot_refresh_token", sa.String(200)),
        sa.Column("bot_token_expires_at", sa.DateTime()),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "slack_bots_idx", "slack_bots", ["client_id", "enterprise_id", "team_id", "installed_at"]
    )
    # slack_sdk.oauth.state_store.sqlalchemy.SQLAlchemyOAuthStateStore
    op.create_table(
        "slack_oauth_states",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("expire_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("slack_oauth_states", "slack_bots", "slack_installations"):
        op.drop_table(table)
    op.drop_table("seen_events")
    op.drop_table("feedback")
    op.drop_table("lookups")

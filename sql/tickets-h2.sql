-- The source table in the embedded H2 database (used by --demo and --import only): tickets.sql in H2's types.
CREATE TABLE IF NOT EXISTS tickets (
  ticket_id         varchar PRIMARY KEY,
  account_id        varchar,
  account_name      varchar,
  customer_tier     varchar,
  severity          smallint,
  category          varchar,
  channel           varchar,
  integration       varchar,
  subject           varchar,
  created_at        timestamp with time zone,
  acknowledged_at   timestamp with time zone,
  first_response_at timestamp with time zone,
  closed_at         timestamp with time zone
);
CREATE INDEX IF NOT EXISTS tickets_closed_at_idx ON tickets (closed_at);

-- The source table the job reads (SELECT only), with the index the period query needs.
-- Run it once on your database (psql -f sql/tickets.sql), or create a view named tickets with these
-- columns over your helpdesk's tables. No constraints on purpose: the job validates every row.
CREATE TABLE IF NOT EXISTS tickets (
  ticket_id         text PRIMARY KEY,
  account_id        text,
  account_name      text,
  customer_tier     text,         -- ENTERPRISE | SME | SMB, any case, maybe padded
  severity          smallint,     -- 1..4; anything else is rejected
  category          text,
  channel           text,         -- e.g. CHAT, WHATSAPP
  integration       text,         -- third-party integration involved; null or blank: the core product
  subject           text,
  created_at        timestamptz,
  acknowledged_at   timestamptz,
  first_response_at timestamptz,
  closed_at         timestamptz   -- null: still open, never read
);
CREATE INDEX IF NOT EXISTS tickets_closed_at_idx ON tickets (closed_at);

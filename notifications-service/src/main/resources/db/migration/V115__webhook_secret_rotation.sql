-- Webhook secrets are sealed at rest (AES-256-GCM, key from WEBHOOK_SECRETS_KEY or its file; rows
-- written before are sealed by the service at start, WebhookSecrets), and a rotation keeps the
-- previous secret valid, signing beside the new one, until previous_valid_until.
alter table webhook_secret add column previous_secret text;
alter table webhook_secret add column previous_valid_until timestamptz;

-- Housekeeping (RefreshTokenPurgeJob) finds expired and revoked tokens without a full scan, and
-- revoking every family of a user (password or roles changed) finds them by user.
CREATE INDEX refresh_token_expires_idx ON auth.refresh_token (expires_at);
CREATE INDEX refresh_token_revoked_idx ON auth.refresh_token (id) WHERE state = 'REVOKED';
CREATE INDEX refresh_token_user_idx ON auth.refresh_token (user_id);

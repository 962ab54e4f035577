-- POST /api/v1/auth/token for one registered user (created by auth-login.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"bench-user","password":"bench-password-1"}'

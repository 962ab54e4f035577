-- POST BODY (JSON) to the URL given to wrk, e.g. BODY='{"query":"무선 이어폰"}' for /api/v1/price/search
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"

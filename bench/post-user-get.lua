-- wrk script: user.get as a POST with a JSON body (how most Bitrix24 SDKs call the REST API).
-- Asks for the same page as the GET run: the first 50 people by ID.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"sort":"ID","order":"ASC","start":0}'

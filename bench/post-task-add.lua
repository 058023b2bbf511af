-- wrk script: tasks.task.add as a POST with a JSON body, a new title for every request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = '{"fields":{"TITLE":"Нагрузка: Подготовить отчёт ' .. n ..
    '","DEADLINE":"2030-01-01T18:00:00+03:00","ALLOW_TIME_TRACKING":"Y","TIME_ESTIMATE":3600}}'
  return wrk.format(nil, nil, nil, body)
end

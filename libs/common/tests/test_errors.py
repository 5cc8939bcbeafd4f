import json

PROBLEM = "application/problem+json"


async def test_validation_errors_are_problem_documents(client, tokens):
    response = await client.post("/v1/widgets", json={"name": "", "extra": 1}, headers=tokens.headers())
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["status"] == 422
    assert body["type"].endswith("/validation_error")
    locs = [tuple(e["loc"]) for e in body["errors"]]
    assert ("body", "name") in locs and ("body", "extra") in locs
    assert body["request_id"] == response.headers["x-request-id"]


async def test_malformed_json_is_a_400_problem(client, tokens):
    response = await client.post(
        "/v1/widgets",
        content=b'{"name": "x"',
        headers={**tokens.headers(), "content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "malformed_json"


async def test_unknown_route_and_method_are_problems(client, tokens):
    missing = await client.get("/v1/nothing-here", headers=tokens.headers())
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong_method = await client.delete("/v1/widgets", headers=tokens.headers())
    assert wrong_method.status_code == 405 and wrong_method.headers["content-type"] == PROBLEM
    assert wrong_method.headers["allow"] == "GET, POST"


async def test_unhandled_exception_is_a_generic_500_without_internals(client, tokens, capsys):
    response = await client.post("/v1/widgets", json={"name": "explode"}, headers=tokens.headers())
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["code"] == "internal_error"
    text = json.dumps(body)
    assert "boom" not in text and "Traceback" not in text and "44051401458" not in text
    logged = capsys.readouterr().out
    assert "unhandled_exception" in logged and "RuntimeError" in logged
    assert "44051401458" not in logged

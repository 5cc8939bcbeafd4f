import { describe, expect, it } from "vitest";
import i18n from "@/lib/i18n";
import { setLanguage } from "@/lib/i18n";
import { problem } from "@/test/api";
import { ApiError, describeError, fieldPath, toProblem } from "./problem";

const t = i18n.t.bind(i18n);

async function errorFrom(response: Response | { toResponse: () => Response }) {
  return ApiError.fromResponse(response instanceof Response ? response : response.toResponse());
}

describe("problem details → plain Polish", () => {
  it("invalid_grant: wrong login or password", async () => {
    const d = describeError(await errorFrom(problem(400, "invalid_grant")), t);
    expect(d.message).toBe("Nieprawidłowy login lub hasło.");
    expect(d.unauthenticated).toBe(true);
    expect(d.requestId).toBe("req-123");
  });

  it("too_many_attempts (429) with Retry-After", async () => {
    const throttled = await errorFrom(problem(429, "too_many_attempts", {}, { "Retry-After": "300" }));
    expect(throttled.retryAfter).toBe(300);
    expect(describeError(throttled, t).message).toMatch(/Zbyt wiele nieudanych prób/);
  });

  it("stale_etag (412) is flagged so the form can offer a reload", async () => {
    const d = describeError(await errorFrom(problem(412, "stale_etag")), t);
    expect(d.stale).toBe(true);
    expect(d.message).toMatch(/Ktoś inny zmienił ten rekord/);
  });

  it("validation_error: field errors by field, in Polish", async () => {
    const d = describeError(
      await errorFrom(
        problem(422, "validation_error", {
          errors: [
            { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" },
            { loc: ["body", "password"], msg: "String should have at least 12 characters", type: "string_too_short" },
            { loc: ["body", "roles", 0], msg: "Input should be 'caseworker'", type: "enum" },
            { loc: ["body", "odd"], msg: "whatever", type: "some_new_type" },
          ],
        }),
      ),
      t,
    );
    expect(d.message).toBe("Popraw zaznaczone pola.");
    expect(d.fieldErrors).toEqual({
      email: "Nieprawidłowa wartość.",
      password: "Za krótki tekst.",
      roles: "Wybierz jedną z dostępnych wartości.",
      odd: "Nieprawidłowa wartość.",
    });
  });

  it("business rules that belong to a field land on it (duplicate_login → email)", async () => {
    const d = describeError(await errorFrom(problem(409, "duplicate_login")), t);
    expect(d.fieldErrors.email).toBe("Użytkownik z tym adresem e-mail już istnieje.");
  });

  it("unknown codes fall back to the status, then to a generic message", async () => {
    expect(describeError(await errorFrom(problem(403, "brand_new_code")), t).message).toBe(
      "Nie masz uprawnień do wykonania tej czynności.",
    );
    expect(describeError(await errorFrom(problem(418, "teapot")), t).message).toBe(
      "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.",
    );
    expect(describeError(await errorFrom(new Response("<html>Bad gateway</html>", { status: 502 })), t).message).toMatch(
      /chwilowo niedostępny/,
    );
  });

  it("network failures and programming errors", () => {
    expect(describeError(new TypeError("Failed to fetch"), t).message).toMatch(/Brak połączenia z serwerem/);
    expect(describeError(new Error("boom"), t).code).toBe("unexpected");
  });

  it("speaks English when the user switched", async () => {
    await setLanguage("en");
    expect(describeError(await errorFrom(problem(400, "invalid_grant")), i18n.t.bind(i18n)).message).toBe("Wrong login or password.");
  });

  it("normalises non-problem bodies", () => {
    expect(toProblem(undefined, 503)).toMatchObject({ status: 503, code: "service_unavailable" });
    expect(toProblem({ detail: "x" }, 400)).toMatchObject({ status: 400, code: "bad_request", detail: "x" });
    expect(fieldPath(["query", "teryt"])).toBe("teryt");
    expect(fieldPath(["body", "address", "city"])).toBe("address.city");
  });
});

import type { Me, User } from "@/lib/api/directory";

export const PUP_ID = "28b79b65-98dc-5131-b05c-4c718936cb7a";

export const institution = {
  id: PUP_ID,
  type: "PUP" as const,
  name: "Powiatowy Urząd Pracy w Wieliczce",
  short_name: null,
  teryt: "1219053",
  powiat_code: "1219",
  voivodeship_code: "12",
  regon: null,
  krs: null,
  nip: null,
  street: "ul. Przykładowa 1",
  postal_code: "32-020",
  city: "Wieliczka",
  email: null,
  phone: null,
  website: null,
  active: true,
  version: 1,
  created_at: "2026-11-23T19:12:56Z",
  updated_at: "2026-11-23T19:12:56Z",
};

export function user(overrides: Partial<User> = {}): User {
  return {
    id: "f20de0e7-3f8a-5cb6-a273-8ccdd54cb148",
    institution_id: PUP_ID,
    email: "pup.admin@splot.example",
    full_name: "Maria Administratorka",
    roles: ["institution_admin"],
    analyst_scope: null,
    active: true,
    locked: false,
    last_login_at: "2026-11-23T19:33:23Z",
    deactivated_at: null,
    version: 1,
    created_at: "2026-11-23T19:12:56Z",
    updated_at: "2026-11-23T19:12:56Z",
    ...overrides,
  };
}

export function me(roles: string[] = ["institution_admin"], overrides: Partial<User> = {}): Me {
  const u = user({ roles: roles as User["roles"], ...overrides });
  return { subject: u.id, kind: "user", user: u, institution, roles, scopes: [] };
}

/** The persons feature's query keys, one factory for the feature (records of other services included). */
const PERSONS = ["clients", "persons"] as const;

export const personKeys = {
  all: PERSONS,
  lists: () => [...PERSONS, "list"] as const,
  list: (q: string) => [...PERSONS, "list", q] as const,
  detail: (id: string) => [...PERSONS, "one", id] as const,
  consents: (id: string) => [...PERSONS, "one", id, "consents"] as const,
  accessReport: (id: string) => [...PERSONS, "one", id, "access-report"] as const,
  /** The person's referrals (the referrals service). */
  referrals: (id: string) => ["referrals", "person", id] as const,
  attributeDefinitions: () => ["clients", "attribute-definitions"] as const,
  /** An institution's record (the directory), for its name. */
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
  serviceTypes: () => ["directory", "service-types"] as const,
};

/** Where the webhook pages live (the list, and one subscription's deliveries). */
export const WEBHOOKS_PATH = "/administracja/webhooki";

export function deliveriesPath(subscriptionId: string): string {
  return `${WEBHOOKS_PATH}/${subscriptionId}/doreczenia`;
}

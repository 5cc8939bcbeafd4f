import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { coveringTerritory, invitationQueries } from "@/lib/partnerships/invitations";

/** The local partnerships (those the user may see) whose area covers the powiat, each linked to
 * its page: the network of referrals next to the cooperation agreed in partnerships. */
export function PowiatPartnerships({ powiat, name }: { powiat: string; name: string }) {
  const { t } = useTranslation();
  const list = useQuery(invitationQueries.list());
  if (list.isError || list.isPending) return null;
  const items = coveringTerritory(list.data.items, powiat);
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="powiat-partnerships">
      <Text fw={600} mb="xs" component="h2" size="md" id="powiat-partnerships">
        {t("reporting.network.partnerships", { name })}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reporting.network.no_partnerships")}
        </Text>
      ) : (
        <Stack gap={4} component="ul" className="plain-list">
          {items.map((p) => (
            <Group key={p.id} component="li" gap="xs">
              <Anchor component={Link} to={`/partnerstwa/${p.id}`} size="sm">
                {p.name}
              </Anchor>
              <Badge size="xs" variant="light" tt="none">
                {t(`partnerships.status.${p.status}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

import { Anchor, Badge, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useChain, useOutcomeCodes, type ChainNode } from "../api/referrals";
import { codeLabel, InstitutionName, OverdueBadge, ServiceTypeName, StatusBadge } from "./Labels";

/** Nodes (parents before children) as a nested list: children under their parent. */
export function buildTree(nodes: ChainNode[]): { node: ChainNode; children: ReturnType<typeof buildTree> }[] {
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string | null, ChainNode[]>();
  for (const node of nodes) {
    const parent = node.parent_referral_id && ids.has(node.parent_referral_id) ? node.parent_referral_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  }
  const walk = (parent: string | null): { node: ChainNode; children: ReturnType<typeof buildTree> }[] =>
    (byParent.get(parent) ?? []).map((node) => ({ node, children: walk(node.id) }));
  return walk(null);
}

function Branch({ items, currentId }: { items: ReturnType<typeof buildTree>; currentId: string }) {
  const { t } = useTranslation();
  const outcomes = useOutcomeCodes();
  const outcomeLabel = (code: string) => {
    const found = outcomes.data?.items.find((o) => o.code === code);
    return found ? codeLabel(found) : code;
  };
  return (
    <ul className="chain-tree">
      {items.map(({ node, children }) => (
        <li key={node.id}>
          <Group gap={6} wrap="wrap">
            {node.id === currentId ? (
              <Text fw={700} size="sm" aria-current="true">
                {node.number}
              </Text>
            ) : (
              // Every party of the chain opens every referral of it (the chain view where it is not a party).
              <Anchor component={Link} to={`/skierowania/${node.id}`} size="sm">
                {node.number}
              </Anchor>
            )}
            <StatusBadge status={node.status} />
            {node.overdue ? <OverdueBadge /> : null}
            <Text size="sm" c="dimmed">
              {node.sensitive && !node.service_type_code ? t("referrals.sensitive") : <ServiceTypeName code={node.service_type_code} />} →{" "}
              <InstitutionName id={node.target_institution_id} />
            </Text>
            {node.outcome_codes.length ? (
              <Badge variant="outline" size="sm">
                {t("referrals.chain.outcomes", { count: node.outcome_codes.length })}
              </Badge>
            ) : null}
          </Group>
          {/* The closed loop: the sender up the chain sees what the child's receiver achieved. */}
          {node.outcome_codes.length ? (
            <Text size="sm">
              {t("referrals.field.outcomes")}: {node.outcome_codes.map(outcomeLabel).join(", ")}
            </Text>
          ) : null}
          {children.length ? <Branch items={children} currentId={currentId} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function ChainTree({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const chain = useChain(referralId);
  if (chain.isPending) return <div className="skeleton-block" style={{ height: 48 }} aria-busy="true" />;
  if (chain.isError) return <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} />;
  if (chain.data.items.length <= 1)
    return (
      <Text size="sm" c="dimmed">
        {t("referrals.chain.single")}
      </Text>
    );
  return (
    <nav aria-label={t("referrals.chain.title")}>
      <Branch items={buildTree(chain.data.items)} currentId={referralId} />
    </nav>
  );
}

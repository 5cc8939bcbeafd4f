import { ActionIcon, Menu } from "@mantine/core";

export interface RowAction {
  label: string;
  onClick: () => void;
  danger?: boolean;
}

/**
 * A row's less frequent actions behind one "⋯" button (keeps tables within 1280 px). The button is
 * named after the row ("Działania: Anna Nowak"); the items are menu items (arrow keys, Escape).
 *
 * For axe: no focus placeholder inside role="menu" (Mantine's is a focusable role="presentation"
 * div, not an allowed child), and the dropdown stays in the page's main landmark (not a portal)
 * with fixed positioning, so the table's scroll container does not clip it.
 */
export function RowActionsMenu({ label, actions }: { label: string; actions: readonly RowAction[] }) {
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" shadow="md" withinPortal={false} floatingStrategy="fixed" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" size="md" aria-label={label} title={label}>
          <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item key={action.label} onClick={action.onClick} c={action.danger ? "red.9" : undefined}>
            {action.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

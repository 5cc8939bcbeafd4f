import type { ReactNode } from "react";
import { Tabs } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";

export interface Section {
  path: string;
  /** Already translated. */
  label: string;
  rightSection?: ReactNode;
}

/** A module's sections as tabs; the tab whose path starts the current address is selected. */
export function SectionTabs({ sections, label }: { sections: readonly Section[]; label: string }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = sections.find((s) => pathname.startsWith(s.path))?.path ?? null;
  return (
    <Tabs value={current} onChange={(value) => value && void navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={label}>
        {sections.map((section) => (
          <Tabs.Tab key={section.path} value={section.path} rightSection={section.rightSection}>
            {section.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

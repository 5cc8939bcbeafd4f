import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

// Splot blue; shade 8 (#0b4f8a) is the primary, 8.4:1 on white.
const splot: MantineColorsTuple = [
  "#e7f0f9",
  "#cfe0f1",
  "#a2c2e4",
  "#72a2d6",
  "#4a87ca",
  "#2f76c3",
  "#1f6bb8",
  "#155ea4",
  "#0b4f8a",
  "#053f70",
];
// Darker ends than Mantine's defaults, so text in light badges/alerts and filled buttons meets AA.
const green: MantineColorsTuple = [
  "#ebfbee",
  "#d3f9d8",
  "#b2f2bb",
  "#8ce99a",
  "#69db7c",
  "#40c057",
  "#2f9e44",
  "#2b8a3e",
  "#237a37",
  "#1e6b30",
];
const orange: MantineColorsTuple = [
  "#fff4e6",
  "#ffe8cc",
  "#ffd8a8",
  "#ffc078",
  "#ffa94d",
  "#fd7e14",
  "#e8590c",
  "#d9480f",
  "#b8400d",
  "#a33a0b",
];

export const theme = createTheme({
  primaryColor: "splot",
  primaryShade: 8,
  colors: { splot, green, orange },
  autoContrast: true,
  // System fonts only: nothing is fetched from the internet.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif' },
  focusRing: "auto",
  defaultRadius: "sm",
  cursorType: "pointer",
  components: {
    // A list popping open on every Tab is noisy for keyboard and screen-reader users: open on
    // click, typing or arrow keys instead.
    // (A plain object, not Select.extend(): importing Select here would put it in the initial bundle.)
    Select: { defaultProps: { openOnFocus: false, comboboxProps: { shadow: "md" } } },
    // Mantine draws a Modal's (and Drawer's) title bar as a <header>; inside role="dialog" nothing
    // scopes it, so it would be a second banner landmark next to the application's (axe
    // landmark-no-duplicate-banner): plain <div>s.
    ModalHeader: { defaultProps: { component: "div" } },
    DrawerHeader: { defaultProps: { component: "div" } },
  },
});

/** Dimmed and placeholder text dark enough for WCAG AA on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#495057",
    "--mantine-color-placeholder": "#6b737b",
  },
  dark: {},
});

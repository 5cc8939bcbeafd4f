import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./index.css";
import { languageReady } from "@/lib/i18n";
import App from "./app/App";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");

// Polish is bundled: this renders at once. A remembered English waits for its (small) chunk.
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

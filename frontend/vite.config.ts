/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The built app is served by the Python server at http://127.0.0.1:8000/,
// with the APIs under /api/<service>/. In development, Vite proxies /api there.
export default defineConfig({
  base: "/",
  plugins: [react()],
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      // One copy of the map geometry, shared with the reporting service (its results report).
      "@map-data": fileURLToPath(new URL("../libs/common/src/splot/common/data", import.meta.url)),
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The budget that matters is checked by `npm run size` (initial JS, gzipped).
    chunkSizeWarningLimit: 600,
  },
  server: {
    fs: { allow: [".", "../libs/common/src/splot/common/data"] },
    proxy: {
      "/api": {
        target: "http://127.0.0.1:8000",
        changeOrigin: false,
      },
    },
  },
  test: {
    environment: "happy-dom",
    environmentOptions: { happyDOM: { url: "http://127.0.0.1:8000/" } },
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
    testTimeout: 20_000,
    unstubGlobals: true,
  },
});

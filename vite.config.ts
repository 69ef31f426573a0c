import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_DEV_ORIGIN = "http://127.0.0.1:3001";

export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [react(), tailwindcss()],
  resolve: {
    // Pure domain code (no I/O) is shared with the server, e.g. the legal document versions.
    alias: { "@domain": fileURLToPath(new URL("./src/domain", import.meta.url)) },
  },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // Inlined assets become data: URLs; keep everything as files so the CSP stays simple.
    assetsInlineLimit: 0,
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy: { "/api": { target: API_DEV_ORIGIN, changeOrigin: false } },
  },
  preview: { port: 3000, strictPort: true },
});

/**
 * Vite build of the back-office shell: sources in admin/, served by the Fastify server under /admin/
 * from dist/admin (see src/server/admin.routes.ts).
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const adminRoot = fileURLToPath(new URL(".", import.meta.url));

/** The Vite configuration of the admin shell. */
export default defineConfig({
  root: adminRoot,
  base: "/admin/",
  plugins: [react()],
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/admin", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/agencies": "http://127.0.0.1:3000" } },
});

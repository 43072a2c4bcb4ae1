import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // PostgreSQL for the storage contract suite: TEST_DATABASE_URL, or a throwaway local cluster.
    globalSetup: ["test/storage/postgres-setup.ts"],
  },
});

/**
 * `npm start`: builds the hub when it is missing and serves it locally. (The full local
 * product, with the dev host and the Azure DevOps emulator, replaces this entry point.)
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import fastifyStatic from "@fastify/static";
import Fastify from "fastify";

const root = path.resolve(__dirname, "../..");
if (!existsSync(path.join(root, "dist/hub/hub.js"))) {
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}
const app = Fastify();
void app.register(fastifyStatic, { root: path.join(root, "dist/hub") });
const port = Number(process.env.PORT ?? 3000);
app.listen({ port, host: "127.0.0.1" }).then(() => {
  console.log(`Hub: http://127.0.0.1:${port}/hub.html (Ctrl-C stops)`);
});

// Builds the settings hub (src/hub) into dist/hub/: hub.html + hub.js + lazily loaded chunks. Fonts
// are emitted as files, not inlined (inlined icon fonts add about 1.8 MB to the bundle). Release
// builds carry no source maps. Module stats go to dist/stats/hub.json (outside the packaged folder)
// so the build test can check that exactly one SDK copy is bundled
// (microsoft/azure-devops-extension-api#104).
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");

class StatsFilePlugin {
  apply(compiler) {
    compiler.hooks.done.tap("StatsFilePlugin", (stats) => {
      const json = stats.toJson({
        all: false,
        modules: true,
        nestedModules: true,
        orphanModules: true,
        assets: true,
        chunks: true,
        ids: true,
      });
      const out = path.resolve(__dirname, "dist/stats/hub.json");
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(json));
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  return {
    target: "web",
    mode: production ? "production" : "development",
    entry: { hub: "./src/hub/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/hub"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      publicPath: "auto",
      clean: true,
    },
    devtool: production ? false : "inline-source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // One SDK copy in the bundle (two copies make REST calls hang,
      // microsoft/azure-devops-extension-api#104): the app and azure-devops-extension-api must
      // resolve the same ESM build.
      alias: {
        "azure-devops-extension-sdk": path.resolve(
          __dirname,
          "node_modules/azure-devops-extension-sdk/esm/SDK.min.js",
        ),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "classic" } },
                target: "es2019",
              },
            },
          },
        },
        { test: /\.css$/, use: ["style-loader", "css-loader"] },
        { test: /\.(woff2?|ttf|eot|svg|png)$/, type: "asset/resource" },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({ patterns: [{ from: "src/hub/hub.html", to: "hub.html" }] }),
      new StatsFilePlugin(),
    ],
    performance: { hints: false },
  };
};

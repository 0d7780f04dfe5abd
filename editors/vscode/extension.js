// Starts `argmap lsp` over stdio for .argmap files (the command and text folders come from the settings).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("argmap");
  const [command, ...args] = settings.get("command", ["argmap", "lsp"]);
  const server = { command, args };
  client = new LanguageClient("argmap", "argmap", { run: server, debug: server }, {
    documentSelector: [{ language: "argmap" }],
    initializationOptions: { textDirs: settings.get("textDirs", []) },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.argmap,argmap.toml,pyproject.toml}") },
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

/**
 * A headless editor: drives the ESLint language server that VS Code's ESLint extension, Neovim
 * (nvim-lspconfig `eslint`), Zed and Helix run (`vscode-eslint-language-server` from
 * vscode-langservers-extracted) over stdio, answering its requests the way an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { REPO_NODE_MODULES } from '../support/project.js';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
  data?: unknown;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: Command;
}

const SERVER = path.join(REPO_NODE_MODULES, 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

/** The settings object VS Code's ESLint extension sends for a workspace folder. */
function settingsFor(workspaceUri: string, name: string): Record<string, unknown> {
  return {
    validate: 'on',
    experimental: {},
    run: 'onType',
    workingDirectory: { mode: 'location' },
    workspaceFolder: { uri: workspaceUri, name },
    nodePath: null,
    packageManager: 'npm',
    useESLintClass: false,
    problems: { shortenToSingleLine: false },
    rulesCustomizations: [],
    onIgnoredFiles: 'off',
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    options: {},
  };
}

export class EslintServer {
  private readonly appliedEdits: WorkspaceEdit[] = [];
  /** Notifications and `window/showMessageRequest`s the server sent (what an editor shows in its UI and logs). */
  readonly messages: Array<{ readonly method: string; readonly params: unknown }> = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly process: ChildProcess,
    private readonly connection: MessageConnection,
    private readonly stderr: string[],
  ) {}

  /** Starts the server on a workspace folder and completes the `initialize` handshake. */
  static async start(workspace: string): Promise<EslintServer> {
    const folder = realpathSync(workspace);
    const workspaceUri = pathToFileURL(folder).href;
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new EslintServer(child, connection, stderr);

    const settings = settingsFor(workspaceUri, path.basename(folder));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('eslint/confirmESLintExecution', () => 4); // approved
    connection.onRequest('eslint/openDoc', () => ({}));
    connection.onRequest('eslint/probeFailed', () => ({}));
    connection.onRequest('eslint/noLibrary', () => ({}));
    connection.onRequest('eslint/noConfig', () => ({}));
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      server.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.onRequest('window/showMessageRequest', (params: unknown) => {
      server.messages.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    connection.onNotification((method: string, params: unknown) => {
      // eslint/status, window/logMessage, $/progress …: recorded, nothing else to do for a headless editor.
      server.messages.push({ method, params });
    });
    connection.listen();

    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceUri,
      workspaceFolders: [{ uri: workspaceUri, name: path.basename(folder) }],
      initializationOptions: {},
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          diagnostic: {},
          codeAction: {
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll.eslint'] },
            },
          },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** Opens a document (as an editor does when a file is shown). */
  async open(file: string, languageId: string, text: string): Promise<string> {
    const uri = pathToFileURL(realpathSync(file)).href;
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Pulls the document's diagnostics (this server does not push them). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items ?? [];
  }

  /** The code actions offered for a range, given the diagnostics there (what the light bulb shows). */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const actions = await this.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only, triggerKind: 1 } : {}) },
    });
    return actions ?? [];
  }

  /** Runs a code action's command; returns the edits the server asked the editor to apply meanwhile. */
  async execute(command: Command): Promise<WorkspaceEdit[]> {
    const before = this.appliedEdits.length;
    await this.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    return this.appliedEdits.slice(before);
  }

  /** What the server wrote to stderr (for failure messages). */
  log(): string {
    return this.stderr.join('');
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Applies LSP text edits (all relative to the original text) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = (position: Position): number => (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = edits
    .map((edit) => ({ start: offset(edit.range.start), end: offset(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The edits of a workspace edit for one document, whichever form the server used. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) if (change.textDocument.uri === uri) edits.push(...change.edits);
  return edits;
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { analyzerClasspath, QUICK_JVM_OPTIONS, requireJava } from '../shared/java';
import { toolCacheDir } from '../shared/tool-cache';

export interface ApexLsMessage {
    start: { line: number; offset: number };
    category: string;
    message: string;
}

export interface ApexLsReport {
    files: { path: string; messages: ApexLsMessage[] }[];
}

/**
 * apex-ls's own analysis cache (cleared by `npm ci` with node_modules). Entries are keyed by
 * file content and checked against what they depend on: probed on apex-ls 6.0.2, a warm
 * cache still reports a call to a method renamed in another class and a field whose metadata was
 * removed, and takes truncated or empty entries as misses (apex-ls-cache.test.ts keeps the first
 * two proven). With it, a workspace that differs in one file (every gates-bite copy, the strict
 * pass) is loaded in about 1 s instead of 2 s.
 */
export const APEX_LS_CACHE_DIR = toolCacheDir('apex-ls');

/**
 * The options CheckForIssues (apex-ls's command line) opens a workspace with, written as upickle
 * writes Scala values: an Option as `[]` or `[value]`, a pair as `[a, b]`. autoFlush writes the
 * analysis cache, as CheckForIssues does after loading.
 */
function openOptions(cacheDir: string): Record<string, unknown[]> {
    return {
        parser: ['OutlineSingle'],
        cache: [true],
        cacheDirectory: [cacheDir],
        autoFlush: [true],
        externalAnalysisMode: [['LoadAndRefreshAnalysis', {}]]
    };
}

/** An issue as apex-ls's OrgAPI returns it. */
interface RpcIssue {
    path: string;
    diagnostic: {
        category: { $type: string };
        location: { startLine: number; startPosition: number };
        message: string;
    };
}

interface RpcResponse {
    id: string;
    result?: unknown;
    error?: { message: string; data?: unknown };
}

/** `com.nawforce.pkgforce.diagnostics.MISSING_CATEGORY` → `Missing`, as CheckForIssues prints it. */
const CATEGORY_NAMES: Record<string, string> = {
    ERROR_CATEGORY: 'Error',
    MISSING_CATEGORY: 'Missing',
    SYNTAX_CATEGORY: 'Syntax',
    WARNING_CATEGORY: 'Warning',
    UNUSED_CATEGORY: 'Unused'
};

function categoryName(type: string): string {
    const short = type.slice(type.lastIndexOf('.') + 1);
    return CATEGORY_NAMES[short] ?? short;
}

/** Groups OrgAPI issues by file, in the shape of CheckForIssues' JSON report. */
export function reportFromIssues(issues: RpcIssue[]): ApexLsReport {
    const byPath = new Map<string, ApexLsMessage[]>();
    for (const { path, diagnostic } of issues) {
        const messages = byPath.get(path) ?? [];
        messages.push({
            start: {
                line: diagnostic.location.startLine,
                offset: diagnostic.location.startPosition
            },
            category: categoryName(diagnostic.category.$type),
            message: diagnostic.message
        });
        byPath.set(path, messages);
    }
    return { files: [...byPath].map(([path, messages]) => ({ path, messages })) };
}

/**
 * One apex-ls JVM for the life of this process, spoken to over its JSON-RPC server
 * (io.github.apexdevtools.apexls.Server): messages end in a NUL byte, ids are strings, parameters
 * are positional. A JVM per workspace spent most of its time starting and warming up: a
 * CheckForIssues run took about 5.7 s of CPU, while one server opened twelve workspaces (the
 * gate's and the gates-bite trials') in 19 s of CPU.
 */
class ApexLsServer {
    private readonly child: ChildProcessWithoutNullStreams;
    private readonly pending = new Map<string, (response: RpcResponse) => void>();
    private nextId = 0;
    private stdout = '';
    private stderr = '';
    exited = false;

    constructor() {
        const args = [
            ...QUICK_JVM_OPTIONS,
            '-cp',
            analyzerClasspath(),
            'io.github.apexdevtools.apexls.Server'
        ];
        this.child = spawn(requireJava(), args);
        this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk));
        this.child.stderr.on('data', (chunk) => (this.stderr = (this.stderr + chunk).slice(-4000)));
        this.child.on('error', (error) => this.fail(error.message));
        // 'close' comes after all of stderr, so the failure says what the JVM printed. A write to
        // a JVM that has just died fails with EPIPE first; 'close' reports it.
        this.child.on('close', (code) => this.fail(`apex-ls exited (code ${code})`));
        this.child.stdin.on('error', () => undefined);
    }

    private read(chunk: string): void {
        this.stdout += chunk;
        let end: number;
        while ((end = this.stdout.indexOf('\0')) >= 0) {
            const text = this.stdout.slice(0, end);
            this.stdout = this.stdout.slice(end + 1);
            let response: RpcResponse;
            try {
                response = JSON.parse(text) as RpcResponse;
            } catch {
                this.fail(`apex-ls printed something that is not JSON-RPC: ${text.slice(0, 200)}`);
                this.child.kill();
                return;
            }
            this.pending.get(response.id)?.(response);
            this.pending.delete(response.id);
        }
    }

    private fail(reason: string): void {
        this.exited = true;
        const error = { id: '', error: { message: `${reason}\n${this.stderr}`.trim() } };
        this.pending.forEach((answer) => answer(error));
        this.pending.clear();
    }

    /**
     * Only a request in flight keeps this process alive; idle, the JVM is left to end when this
     * process does (its stdin closes, and apex-ls's server exits on end of input).
     */
    private keepProcessAlive(keep: boolean): void {
        const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr];
        for (const handle of handles as unknown as { ref(): void; unref(): void }[]) {
            if (keep) handle.ref();
            else handle.unref();
        }
    }

    async call<T>(method: string, params: unknown[]): Promise<T> {
        if (this.exited) throw new Error(`apex-ls is not running: ${this.stderr}`);
        const id = String(++this.nextId);
        this.keepProcessAlive(true);
        const response = await new Promise<RpcResponse>((resolve) => {
            this.pending.set(id, resolve);
            this.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\0`);
        });
        if (this.pending.size === 0) this.keepProcessAlive(false);
        if (response.error) {
            const data = response.error.data ? ` ${JSON.stringify(response.error.data)}` : '';
            throw new Error(`apex-ls ${method} failed: ${response.error.message}${data}`);
        }
        return response.result as T;
    }

    /** The server holds one workspace at a time, so callers take turns (see runApexLs). */
    async check(workspace: string, cacheDir: string): Promise<ApexLsReport> {
        const opened = await this.call<{ error: { message: string }[] }>('openWithOptions', [
            workspace,
            openOptions(cacheDir)
        ]);
        if (opened.error.length > 0) {
            throw new Error(`apex-ls could not open ${workspace}: ${opened.error[0].message}`);
        }
        const found = await this.call<{ issues: RpcIssue[] }>('getIssues', [false, 0]);
        return reportFromIssues(found.issues);
    }
}

let server: ApexLsServer | undefined;
let turn: Promise<unknown> = Promise.resolve();

/**
 * apex-ls's errors (not warnings) for an SFDX workspace. Calls may overlap; they are answered one
 * at a time by this process's apex-ls server, started on first use and again after a crash.
 */
export function runApexLs(workspace: string, cacheDir = APEX_LS_CACHE_DIR): Promise<ApexLsReport> {
    const run = turn.then(() => {
        if (!server || server.exited) server = new ApexLsServer();
        return server.check(workspace, cacheDir);
    });
    turn = run.catch(() => undefined);
    return run;
}

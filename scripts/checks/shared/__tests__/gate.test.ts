import { MissingToolError, runGateCommand, type Gate } from '../gate';

function gate(name: string, check: Gate['check']): Gate {
    return { name, check };
}

const clean = gate('Clean', async () => ({ findings: [], summary: '3 files.' }));
const failing = gate('Failing', async () => ({
    findings: [{ file: '/p/A.cls', line: 3, column: 9, message: 'Error: bad' }],
    summary: '1 file.'
}));
const missingTool = gate('Needs Java', async () => {
    throw new MissingToolError('install Java');
});

describe('runGateCommand', () => {
    let printed: string[];
    const argv = process.argv;

    beforeEach(() => {
        printed = [];
        process.argv = ['node', 'gate.ts', '/p'];
        process.exitCode = undefined;
        const record = (...parts: unknown[]) => printed.push(parts.map(String).join(' '));
        jest.spyOn(console, 'log').mockImplementation(record);
        jest.spyOn(console, 'error').mockImplementation(record);
    });

    afterEach(() => {
        process.argv = argv;
        process.exitCode = undefined;
        jest.restoreAllMocks();
    });

    it('exits 0 when every gate is clean', async () => {
        await runGateCommand(clean);
        expect(printed).toEqual(['✔ Clean: 3 files.']);
        expect(process.exitCode).toBe(0);
    });

    it('reports every gate in the order given, with findings relative to the project', async () => {
        await runGateCommand(failing, clean);
        expect(printed).toEqual([
            'A.cls:3:9: Error: bad',
            '✖ Failing: 1 problem(s). 1 file.',
            '✔ Clean: 3 files.'
        ]);
        expect(process.exitCode).toBe(1);
    });

    it('exits 2 when a tool is missing, even beside a gate with findings', async () => {
        await runGateCommand(failing, missingTool, clean);
        expect(printed).toContain('✖ Needs Java cannot run: install Java');
        expect(process.exitCode).toBe(2);
    });

    it('exits 1 on a crash and still reports the other gates', async () => {
        const crashing = gate('Crashing', async () => {
            throw new Error('boom');
        });
        await runGateCommand(crashing, clean);
        expect(printed[0]).toMatch(/^✖ Crashing crashed: Error: boom/);
        expect(printed[1]).toBe('✔ Clean: 3 files.');
        expect(process.exitCode).toBe(1);
    });
});

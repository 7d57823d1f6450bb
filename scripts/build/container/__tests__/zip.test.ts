import { unzipFiles, zipFiles } from '../zip';

const files = [
    { name: 'index.html', data: Buffer.from('<!doctype html><div id=root></div>') },
    { name: 'app.js', data: Buffer.from('console.log("app");'.repeat(100)) },
    { name: 'nested/app.css', data: Buffer.from('.a{color:red}') }
];

/** Node streams need these to run; the test only moves the clock. */
const STREAM_TIMERS: FakeableAPI[] = [
    'nextTick',
    'setImmediate',
    'clearImmediate',
    'setTimeout',
    'clearTimeout',
    'queueMicrotask'
];

describe('zipFiles', () => {
    it('gives the same bytes for the same files, whatever their order', async () => {
        const first = await zipFiles(files);
        const second = await zipFiles([...files].reverse());
        expect(second.equals(first)).toBe(true);
    });

    it('round-trips the files in name order, compressed', async () => {
        const zip = await zipFiles(files);
        const read = await unzipFiles(zip);
        expect(read.map((file) => file.name)).toEqual(['app.js', 'index.html', 'nested/app.css']);
        expect(read.find((file) => file.name === 'app.js')?.data.equals(files[1].data)).toBe(true);
        expect(zip.length).toBeLessThan(files.reduce((sum, file) => sum + file.data.length, 0));
    });

    it('does not depend on the time zone or the clock', async () => {
        const zone = process.env.TZ;
        const first = await zipFiles(files);
        process.env.TZ = 'Pacific/Kiritimati';
        jest.useFakeTimers({ now: new Date('2031-07-04T12:00:00Z'), doNotFake: STREAM_TIMERS });
        try {
            expect((await zipFiles(files)).equals(first)).toBe(true);
        } finally {
            jest.useRealTimers();
            process.env.TZ = zone;
        }
    });
});

import path from 'node:path';
import { MissingToolError } from '../gate';
import { parseJavaMajor, requireJava } from '../java';

describe('parseJavaMajor', () => {
    it('reads modern and legacy version strings', () => {
        expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
        expect(parseJavaMajor('java version "1.8.0_292"')).toBe(8);
        expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
        expect(parseJavaMajor('command not found')).toBeUndefined();
    });
});

describe('requireJava', () => {
    const savedJavaHome = process.env.JAVA_HOME;
    afterEach(() => {
        if (savedJavaHome === undefined) delete process.env.JAVA_HOME;
        else process.env.JAVA_HOME = savedJavaHome;
    });

    it('fails with install instructions when java is missing', () => {
        process.env.JAVA_HOME = path.join(__dirname, 'no-such-jdk');
        expect(() => requireJava()).toThrow(MissingToolError);
        expect(() => requireJava()).toThrow(/apt-get install -y openjdk-17-jre-headless/);
    });
});
